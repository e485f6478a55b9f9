/// Who may be graded for a year (guidance 25-HD/TWĐTN-BTC): a member who spent less than
/// 6 whole months of that year in the Union is not graded.
public enum GradeRule {
    public static let minimumMonths = 6
    /// The Union was founded on 26 March 1931: no register holds a grade for an earlier
    /// year (the schema's CHECK says the same).
    public static let firstYear = 1931

    /// Refuses with the month count when the member cannot be graded for `year`.
    public static func check(_ member: Member, history: MembershipHistory, year: Int, today: Day) throws {
        guard year >= firstYear else {
            throw RegisterError.badInput(Text(
                vi: "Năm \(year) trước khi Đoàn được thành lập (\(firstYear)).",
                en: "The year \(year) is before the Union was founded (\(firstYear))."))
        }
        guard year <= today.year else {
            throw RegisterError.badInput(Text(
                vi: "Năm \(year) chưa tới (hôm nay là \(today)).", en: "The year \(year) has not come yet (today is \(today))."))
        }
        let months = history.wholeMonthsOfMembership(in: year)
        guard months >= minimumMonths else {
            throw RegisterError.refused(.gradeMonths, Text(
                vi: "\(member.fullName) chỉ sinh hoạt Đoàn \(months) tháng trọn trong năm \(year) (cần ít nhất \(minimumMonths)); không xếp loại.",
                en: "\(member.fullName) was in the Union for \(months) whole months of \(year) (at least \(minimumMonths) needed); not graded."))
        }
    }
}
