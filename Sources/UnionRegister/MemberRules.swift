/// Checks on a member's facts and on the dates of events, shared by every command that
/// writes a member or an event.
public enum MemberRules {
    /// Validates a member's own facts: name, codes, national ID, text (`TextRules`), dates
    /// in a sane order.
    public static func validate(_ member: Member, today: Day) throws {
        guard isCode(member.code) else {
            throw RegisterError.badInput(
                Text(vi: "Mã đoàn viên \"\(member.code)\" không hợp lệ.", en: "Member code \"\(member.code)\" is not valid."),
                fix: Text(vi: "Dùng 1–32 ký tự: chữ không dấu, số, . _ / -.", en: "Use 1–32 characters: ASCII letters, digits, . _ / -."))
        }
        guard !member.fullName.allSatisfy(\.isWhitespace) else {
            throw RegisterError.badInput(Text(vi: "Họ và tên không được để trống.", en: "The full name is empty."))
        }
        try TextRules.check(member.fullName, .fullName)
        try TextRules.check(member.phone, .line(Text(vi: "Số điện thoại", en: "The phone")))
        try TextRules.check(member.email, .line(Text(vi: "Thư điện tử", en: "The e-mail")))
        try TextRules.check(member.workplace, .line(Text(vi: "Nơi làm việc", en: "The workplace")))
        try TextRules.check(member.office, .line(Text(vi: "Chức vụ Đoàn", en: "The Union office")))
        if case .named(let religion) = member.religion { try TextRules.check(religion, .line(Text(vi: "Tôn giáo", en: "The religion"))) }
        try TextRules.check(member.qualification, .line(Text(vi: "Trình độ chuyên môn", en: "The professional qualification")))
        if let central = member.centralID, !isCode(central) {
            throw RegisterError.badInput(
                Text(vi: "Mã định danh đoàn viên \"\(central)\" không hợp lệ.", en: "Central member identifier \"\(central)\" is not valid."),
                fix: Text(vi: "Dùng 1–32 ký tự: chữ không dấu, số, . _ / -.", en: "Use 1–32 characters: ASCII letters, digits, . _ / -."))
        }
        if let id = member.idNumber, !(id.count == 12 && id.allSatisfy { $0.isASCII && $0.isNumber }) {
            throw RegisterError.badInput(
                Text(vi: "Số CCCD \"\(id)\" phải gồm đúng 12 chữ số.", en: "National ID \"\(id)\" must be exactly 12 digits."))
        }
        try notInFuture(member.birthDate, what: Text(vi: "Ngày sinh", en: "Birth date"), today: today)
        try notInFuture(member.joinedOn, what: Text(vi: "Ngày vào Đoàn", en: "Joining date"), today: today)
        guard member.joinedOn > member.birthDate else {
            throw RegisterError.badInput(Text(
                vi: "Ngày vào Đoàn \(member.joinedOn) không thể trước ngày sinh \(member.birthDate).",
                en: "The joining date \(member.joinedOn) cannot be before the birth date \(member.birthDate)."))
        }
        if let party = member.partyJoinedOn {
            try notInFuture(party, what: Text(vi: "Ngày vào Đảng", en: "Party admission date"), today: today)
            guard party > member.birthDate else {
                throw RegisterError.badInput(Text(
                    vi: "Ngày vào Đảng \(party) không thể trước ngày sinh \(member.birthDate).",
                    en: "The Party admission date \(party) cannot be before the birth date \(member.birthDate)."))
            }
        }
    }

    /// 1–32 ASCII letters, digits and `. _ / -`: a register code, or the Central Union's identifier.
    private static func isCode(_ text: String) -> Bool {
        (1...32).contains(text.count)
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._/-".unicodeScalars.contains($0)) }
    }

    /// Refuses a date after today where a past event is meant.
    public static func notInFuture(_ day: Day, what: Text, today: Day) throws {
        guard day <= today else {
            throw RegisterError.badInput(Text(
                vi: "\(what.vi) \(day) ở tương lai (hôm nay là \(today)).",
                en: "\(what.en) \(day) is in the future (today is \(today))."))
        }
    }

    /// Refuses a date before the member's birth, for any dated record about them.
    public static func notBeforeBirth(_ day: Day, of member: Member, what: Text) throws {
        guard day > member.birthDate else {
            throw RegisterError.badInput(Text(
                vi: "\(what.vi) \(day) trước ngày sinh \(member.birthDate) của \(member.fullName).",
                en: "\(what.en) \(day) is before \(member.fullName)'s birth date \(member.birthDate)."))
        }
    }
}
