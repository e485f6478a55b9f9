/// Which units may be graded for a year (guidance 25-HD/TWĐTN-BTC, docs/DOMAIN.md#unit-grades):
/// grassroots unions and branches are graded by the unit above them, so a bloc is not;
/// and, as for a member, a unit that was open less than six whole months of the year is
/// not graded for it.
public enum UnitGradeRule {
    /// Refuses, naming the unit and the month count, when `unit` cannot be graded for `year`.
    public static func check(_ unit: Unit, year: Int, today: Day) throws {
        try GradeRule.checkYear(year, today: today)
        try checkGraded(unit, year: year)
    }

    /// The unit-level rules alone, without today: what `sodoan check` re-reads in a kept grade.
    public static func checkGraded(_ unit: Unit, year: Int) throws {
        guard unit.kind != .bloc else {
            throw RegisterError.refused(.unitGradeKind, Text(
                vi: "\(unit.code) là \(unit.kind.name.vi); chỉ đoàn cơ sở, chi đoàn cơ sở và chi đoàn được xếp loại.",
                en: "\(unit.code) is a \(unit.kind.name.en); only grassroots unions, grassroots branches and branches are graded."),
                fix: Text(vi: "Xếp loại các đơn vị trực thuộc \(unit.code).", en: "Grade the units under \(unit.code)."))
        }
        let months = wholeMonthsOpen(unit, in: year)
        guard months >= GradeRule.minimumMonths else {
            throw RegisterError.refused(.unitGradeMonths, Text(
                vi: "\(unit.code) chỉ hoạt động \(months) tháng trọn trong năm \(year) (thành lập \(unit.openedOn)\(unit.closedOn.map { ", giải thể \($0)" } ?? "")); cần ít nhất \(GradeRule.minimumMonths) tháng, không xếp loại.",
                en: "\(unit.code) was open for \(months) whole months of \(year) (opened \(unit.openedOn)\(unit.closedOn.map { ", closed \($0)" } ?? "")); at least \(GradeRule.minimumMonths) are needed, not graded."))
        }
    }

    /// The calendar months of `year` the unit was open on every day of: opened on or before
    /// the 1st and not closed by the end of the last day (closed on D is gone from D on).
    /// Opened 1 July: July to December, 6; opened 2 July: 5.
    public static func wholeMonthsOpen(_ unit: Unit, in year: Int) -> Int {
        (1...12).filter { month in
            unit.isOpen(on: Day(year: year, month: month, day: 1)!)
                && unit.isOpen(on: Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!)
        }.count
    }
}
