/// Checks on a training record before it is kept: its text (`TextRules`), dates in order,
/// in the past, after the member's birth.
public enum TrainingRule {
    public static func check(_ record: TrainingRecord, of member: Member, today: Day) throws {
        try TextRules.check(record.provider, .line(Text(vi: "Nơi tổ chức", en: "The provider")))
        try TextRules.check(record.certificateNo, .line(Text(vi: "Số chứng nhận", en: "The certificate number")))
        try TextRules.check(record.result, .line(Text(vi: "Kết quả", en: "The result")))
        try MemberRules.notInFuture(record.completedOn, what: Text(vi: "Ngày hoàn thành", en: "Completion date"), today: today)
        try MemberRules.notBeforeBirth(record.completedOn, of: member, what: Text(vi: "Ngày hoàn thành", en: "Completion date"))
        if let started = record.startedOn {
            try MemberRules.notBeforeBirth(started, of: member, what: Text(vi: "Ngày bắt đầu", en: "Start date"))
            guard started <= record.completedOn else {
                throw RegisterError.badInput(Text(
                    vi: "Khóa học kết thúc ngày \(record.completedOn) trước ngày bắt đầu \(started).",
                    en: "The training ends on \(record.completedOn), before it starts on \(started)."))
            }
        }
    }
}
