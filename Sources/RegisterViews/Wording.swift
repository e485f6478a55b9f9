import RegisterStore
import UnionRegister

/// The one home of the wording the command line and the server add to the domain's, in
/// both languages: the column headings their tables share and the sentences they print
/// when a write is done. The domain words its rules, refusals and evidence itself (`Text`
/// in UnionRegister); everything the front ends add is here (or, for the command line's
/// own commands, in its Wording.swift), so a term reads the same everywhere and a
/// translation is made once.
public enum Heading {
    public static let code = Text(vi: "Mã", en: "Code")
    public static let fullName = Text(vi: "Họ và tên", en: "Name")
    public static let branch = Text(vi: "Chi đoàn", en: "Branch")
    public static let unit = Text(vi: "Đơn vị", en: "Unit")
    public static let year = Text(vi: "Năm", en: "Year")
    public static let grade = Text(vi: "Xếp loại", en: "Grade")
    public static let kind = Text(vi: "Loại", en: "Kind")
    public static let members = Text(vi: "Đoàn viên", en: "Members")
    public static let note = Text(vi: "Ghi chú", en: "Note")
    public static let stage = Text(vi: "Bước", en: "Stage")
    public static let criterion = Text(vi: "Tiêu chí", en: "Criterion")
    public static let evidence = Text(vi: "Căn cứ", en: "Evidence")
    public static let missing = Text(vi: "Còn thiếu", en: "Missing")
    public static let started = Text(vi: "Bắt đầu", en: "Started")
    public static let completed = Text(vi: "Hoàn thành", en: "Completed")
    public static let role = Text(vi: "Chức vụ", en: "Office")
    public static let from = Text(vi: "Từ ngày", en: "From")
    public static let to = Text(vi: "Đến ngày", en: "Until")
}

/// What a command prints when it has done what was asked.
public enum Says {
    public static func unitAdded(_ kind: UnitKind, _ code: String, _ name: String) -> Text {
        Text(vi: "Đã thêm \(kind.name.vi) \(code) — \(name).", en: "Added \(kind.name.en) \(code) — \(name).")
    }

    public static func unitClosed(_ code: String, on day: Day) -> Text {
        Text(vi: "Đã giải thể \(code) từ ngày \(day).", en: "Closed \(code) from \(day).")
    }

    public static func unitRenamed(_ code: String, _ name: String, on day: Day) -> Text {
        Text(vi: "Đã đổi tên \(code) thành «\(name)» từ ngày \(day).", en: "Renamed \(code) to “\(name)” from \(day).")
    }

    public static func unitMoved(_ code: String, under parent: String, on day: Day) -> Text {
        Text(vi: "Đã chuyển \(code) về trực thuộc \(parent) từ ngày \(day).", en: "Moved \(code) under \(parent) from \(day).")
    }

    public static func unitsMerged(_ codes: [String], into target: String, on day: Day) -> Text {
        Text(vi: "Đã hợp nhất \(codes.joined(separator: ", ")) vào \(target) từ ngày \(day).",
             en: "Merged \(codes.joined(separator: ", ")) into \(target) from \(day).")
    }

    public static func unitSplit(_ code: String, on day: Day, closed: Bool) -> Text {
        closed ? Text(vi: "Đã chia tách \(code) từ ngày \(day); \(code) giải thể từ ngày đó.",
                      en: "Split \(code) from \(day); \(code) closed on that day.")
               : Text(vi: "Đã chia tách \(code) từ ngày \(day); \(code) vẫn hoạt động.",
                      en: "Split \(code) from \(day); \(code) stays open.")
    }

    public static func unitCorrected(_ unit: Unit) -> Text {
        Text(vi: "Đã sửa \(unit.code) — \(unit.name), thành lập \(unit.openedOn).",
             en: "Corrected \(unit.code) — \(unit.name), opened \(unit.openedOn).")
    }

    public static func memberAdded(_ member: Member, to unit: String, _ arrival: Arrival?) -> Text {
        guard let arrival else {
            return Text(vi: "Đã kết nạp \(member.fullName) (mã \(member.code)) vào \(unit) ngày \(member.joinedOn).",
                        en: "Registered \(member.fullName) (code \(member.code)) in \(unit) from \(member.joinedOn).")
        }
        if let until = arrival.until {
            return Text(vi: "Đã ghi \(member.fullName) (mã \(member.code)) sinh hoạt tạm thời tại \(unit) từ \(arrival.on) đến hết \(until).",
                        en: "Recorded \(member.fullName) (code \(member.code)) hosted in \(unit) from \(arrival.on) through \(until).")
        }
        return Text(vi: "Đã ghi \(member.fullName) (mã \(member.code), vào Đoàn \(member.joinedOn)) chuyển đến \(unit) từ \(arrival.from) ngày \(arrival.on).",
                    en: "Registered \(member.fullName) (code \(member.code), in the Union since \(member.joinedOn)) arriving in \(unit) from \(arrival.from) on \(arrival.on).")
    }

    public static func memberUpdated(_ update: MemberUpdate) -> Text {
        let member = update.member
        guard update.changed else {
            return Text(vi: "Không có gì thay đổi: \(member.code) — \(member.fullName) đã đúng như vậy; không ghi gì.",
                        en: "Nothing changed: \(member.code) — \(member.fullName) already reads so; nothing was written.")
        }
        return Text(vi: "Đã cập nhật \(member.code) — \(member.fullName).", en: "Updated \(member.code) — \(member.fullName).")
    }

    public static func memberArrived(_ code: String, in unit: String, _ arrival: Arrival) -> Text {
        Text(vi: "Đã ghi \(code) chuyển sinh hoạt đến \(unit) từ \(arrival.from) ngày \(arrival.on).",
             en: "Recorded \(code) arriving in \(unit) from \(arrival.from) on \(arrival.on).")
    }

    public static func memberLeft(_ code: String, to place: String, on day: Day) -> Text {
        Text(vi: "Đã ghi \(code) chuyển sinh hoạt đi \(place) ngày \(day); in giấy giới thiệu bằng `sodoan member letter \(code)`.",
             en: "Recorded \(code) leaving to \(place) on \(day); print the letter with `sodoan member letter \(code)`.")
    }

    public static func memberAway(_ code: String, at place: String, from day: Day, through last: Day) -> Text {
        Text(vi: "Đã ghi \(code) sinh hoạt tạm thời tại \(place) từ \(day) đến hết \(last).",
             en: "Recorded \(code) away at \(place) from \(day) through \(last).")
    }

    public static func memberTransferred(_ code: String, to unit: String, on day: Day) -> Text {
        Text(vi: "Đã chuyển sinh hoạt \(code) sang \(unit) từ ngày \(day).", en: "Transferred \(code) to \(unit) from \(day).")
    }

    public static func backedUp(to path: String) -> Text {
        Text(vi: "Đã sao lưu sổ vào \(path).", en: "Backed up the register to \(path).")
    }

    public static func policySet(_ key: Policy.Key, _ value: String, from day: Day) -> Text {
        Text(vi: "Đã đặt \(key.rawValue) = \(value) từ ngày \(day).", en: "Set \(key.rawValue) = \(value) from \(day).")
    }

    public static func referralRecorded(_ step: ReferralStep, of code: String) -> Text {
        let vote = step.vote.map { Text(vi: ", tán thành \($0.ratio)", en: ", for \($0.ratio)") } ?? Text(vi: "", en: "")
        return Text(vi: "Đã ghi «\(step.stage.name.vi)» cho \(code) ngày \(step.on)\(vote.vi).",
                    en: "Recorded \(step.stage.name.en) for \(code) on \(step.on)\(vote.en).")
    }

    public static func officeAdded(_ office: Office) -> Text {
        Text(vi: "Đã ghi \(office.memberCode) giữ chức vụ \(office.role.name.vi) của \(office.unitCode) từ \(office.from)"
                 + (office.to.map { " đến \($0)" } ?? "") + ".",
             en: "Recorded \(office.memberCode) as \(office.role.name.en) of \(office.unitCode) from \(office.from)"
                 + (office.to.map { " until \($0)" } ?? "") + ".")
    }

    public static func officeEnded(_ office: Office) -> Text {
        Text(vi: "Đã kết thúc chức vụ \(office.role.name.vi) của \(office.unitCode) của \(office.memberCode) ngày \(office.to!).",
             en: "Ended \(office.memberCode)'s office of \(office.role.name.en) of \(office.unitCode) on \(office.to!).")
    }

    public static func gradeSet(_ change: GradeChange) -> Text {
        let was = change.old.flatMap { $0 == change.new ? nil : $0 }
        return Text(vi: "Đã xếp loại \(change.fullName) (\(change.memberCode)) năm \(change.year): \(change.new.name.vi)"
                        + (was.map { " (trước đây: \($0.name.vi))" } ?? "") + ".",
                    en: "Graded \(change.fullName) (\(change.memberCode)) for \(change.year): \(change.new.name.en)"
                        + (was.map { " (was: \($0.name.en))" } ?? "") + ".")
    }

    /// `unit grade`: the unit's grade for the year, with the one it corrected.
    public static func unitGradeSet(_ grade: UnitGrade, was old: Grade?) -> Text {
        let was = old.flatMap { $0 == grade.grade ? nil : $0 }
        return Text(vi: "Đã xếp loại đơn vị \(grade.unitCode) năm \(grade.year): \(grade.grade.name.vi)"
                        + (was.map { " (trước đây: \($0.name.vi))" } ?? "") + ".",
                    en: "Graded unit \(grade.unitCode) for \(grade.year): \(grade.grade.name.en)"
                        + (was.map { " (was: \($0.name.en))" } ?? "") + ".")
    }

    public static func trainingRecorded(_ record: TrainingRecord, of code: String) -> Text {
        Text(vi: "Đã ghi \(record.kind.name.vi) (hoàn thành \(record.completedOn)) cho đoàn viên \(code).",
             en: "Recorded \(record.kind.name.en) (completed \(record.completedOn)) for member \(code).")
    }

    public static func disciplineRecorded(_ record: DisciplineRecord, of code: String) -> Text {
        let ends = record.level == .expulsion
        return Text(vi: "Đã ghi kỷ luật \(record.level.name.vi.lowercased()) đoàn viên \(code) ngày \(record.on)."
                        + (ends ? " Đoàn viên thôi sinh hoạt Đoàn từ ngày \(record.on)." : "")
                        + (record.level == .removalFromOffice ? " Các chức vụ Đoàn đang giữ kết thúc ngày \(record.on)." : ""),
                    en: "Recorded a \(record.level.name.en) of member \(code) on \(record.on)."
                        + (ends ? " Membership ends on \(record.on)." : "")
                        + (record.level == .removalFromOffice ? " The offices held end on \(record.on)." : ""))
    }

    public static func checkDone(errors: Int, warnings: Int) -> Text {
        Text(vi: "Kiểm tra xong: \(errors) lỗi, \(warnings) lưu ý.", en: "Check done: \(errors) errors, \(warnings) warnings.")
    }
}
