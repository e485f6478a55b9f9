import Testing
import UnionRegister

@Suite("Report period, percentages and balance")
struct ReportPeriodTests {
    @Test func anAnnualPeriodIsTheCalendarYear() throws {
        let period = try ReportPeriod.year(2024)
        #expect(period.from == Day(year: 2024, month: 1, day: 1))
        #expect(period.to == Day(year: 2024, month: 12, day: 31))
        #expect(period.dayBeforeStart == Day(year: 2023, month: 12, day: 31))
        #expect(period.gradeYear == 2024)
        #expect(period.title(.vi) == "Báo cáo số liệu tổng kết năm 2024")
    }

    @Test func aPeriodMayBeOneDayButNotEndBeforeItStarts() throws {
        let day = Day(year: 2024, month: 3, day: 1)!
        let oneDay = try ReportPeriod(from: day, to: day)
        #expect(!oneDay.isCalendarYear)
        #expect(oneDay.dayBeforeStart == Day(year: 2024, month: 2, day: 29))
        #expect(oneDay.title(.vi) == "Báo cáo số liệu từ ngày 01/03/2024 đến ngày 01/03/2024")
        #expect(throws: RegisterError.self) { try ReportPeriod(from: day, to: day.previous) }
    }

    @Test func thePeriodStartsNoEarlierThanTheUnion() throws {
        #expect(throws: RegisterError.self) { try ReportPeriod.year(1930) }
        #expect(try ReportPeriod.year(1931).from == Day(year: 1931, month: 1, day: 1))
    }

    @Test func aPeriodOfGradesUsesTheYearOfItsLastDay() throws {
        let period = try ReportPeriod(from: Day(year: 2023, month: 7, day: 1)!, to: Day(year: 2024, month: 6, day: 30)!)
        #expect(period.gradeYear == 2024)
    }

    @Test func percentagesRoundHalfUpToOneDecimal() {
        #expect(Percentage(1, of: 3)?.formatted(.vi) == "33,3%")
        #expect(Percentage(2, of: 3)?.formatted(.en) == "66.7%")
        #expect(Percentage(1, of: 8)?.formatted(.en) == "12.5%")
        #expect(Percentage(1, of: 16)?.tenths == 63)
        #expect(Percentage(1, of: 2000)?.tenths == 1)
        #expect(Percentage(1, of: 2001)?.tenths == 0)
        #expect(Percentage(7, of: 7)?.formatted(.vi) == "100,0%")
        #expect(Percentage(0, of: 0) == nil)
    }

    @Test func aUnitBalancesWhenStartPlusMovementsIsEnd() {
        var members = MemberFigures()
        members.start = 10
        members.add(2, of: .admitted)
        members.transferredIn = 3
        members.transferredOut = 1
        members.add(1, of: .matured)
        members.add(1, of: .removed)
        members.add(1, of: .expelled)
        members.add(1, of: .deceased)
        members.end = 10
        #expect(members.isBalanced)
        members.end = 11
        #expect(!members.isBalanced)

        var root = UnitFigures(unit: Unit(code: "DK", name: "DK", kind: .bloc, parentCode: nil, openedOn: Day(year: 2015, month: 1, day: 1)!))
        var child = UnitFigures(unit: Unit(code: "TC", name: "TC", kind: .grassrootsBranch, parentCode: "DK", openedOn: Day(year: 2015, month: 1, day: 1)!))
        child.members = members
        root.children = [child]
        let check = BalanceCheck(root)
        #expect(check.unbalanced.map(\.unit.code) == ["TC"])
        #expect(check.failure?.message(.vi).contains("TC: 10 + 2 + 3 − 1 + 0 − 0 − 1 − 1 − 1 − 1 = 10, nhưng cuối kỳ có 11") == true)
        #expect(BalanceCheck(UnitFigures(unit: root.unit)).failure == nil)
    }
}
