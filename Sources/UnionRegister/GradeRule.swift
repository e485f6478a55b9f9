/// Who may be graded for a year (guidance 25-HD/TWĐTN-BTC): a member who spent less than
/// 6 whole months of that year in the Union is not graded. The months count membership in
/// the Union, before an arrival here too (`MembershipHistory.wholeMonthsInUnion`); the
/// register grades only members who were its own on some day of the year, so a member
/// hosted temporarily is graded by their home unit.
public enum GradeRule {
    public static let minimumMonths = 6
    /// The Union was founded on 26 March 1931: no register holds a grade for an earlier
    /// year (the schema's CHECK says the same).
    public static let firstYear = 1931

    /// Refuses with the month count when the member cannot be graded for `year`.
    public static func check(_ member: Member, history: MembershipHistory, year: Int, today: Day) throws {
        try checkYear(year, today: today)
        guard history.isActive(during: year) else {
            throw RegisterError.refused(.gradeNotHere, Text(
                vi: "\(member.fullName) không sinh hoạt chính thức tại sổ này ngày nào trong năm \(year) (sinh hoạt tạm thời, hoặc chưa chuyển đến); đơn vị gốc xếp loại.",
                en: "\(member.fullName) was not a member of this register on any day of \(year) (hosted temporarily, or not yet arrived); their home unit grades them."))
        }
        let months = history.wholeMonthsInUnion(in: year, joinedOn: member.joinedOn)
        guard months >= minimumMonths else {
            throw RegisterError.refused(.gradeMonths, Text(
                vi: "\(member.fullName) chỉ sinh hoạt Đoàn \(months) tháng trọn trong năm \(year) (cần ít nhất \(minimumMonths)); không xếp loại.",
                en: "\(member.fullName) was in the Union for \(months) whole months of \(year) (at least \(minimumMonths) needed); not graded."))
        }
    }

    /// A graded year, a member's or a unit's: from the Union's founding to today's year.
    public static func checkYear(_ year: Int, today: Day) throws {
        guard year >= firstYear else {
            throw RegisterError.badInput(Text(
                vi: "Năm \(year) trước khi Đoàn được thành lập (\(firstYear)).",
                en: "The year \(year) is before the Union was founded (\(firstYear))."))
        }
        guard year <= today.year else {
            throw RegisterError.badInput(Text(
                vi: "Năm \(year) chưa tới (hôm nay là \(today)).", en: "The year \(year) has not come yet (today is \(today))."))
        }
    }
}
