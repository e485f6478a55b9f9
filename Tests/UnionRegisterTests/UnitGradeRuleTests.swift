import Testing
import UnionRegister

@Suite("Unit grades: who is graded, the six months open")
struct UnitGradeRuleTests {
    let today = d("2026-03-01")

    func unit(_ kind: UnitKind = .branch, opened: String = "2015-01-01", closed: String? = nil) -> Unit {
        Unit(code: "CD1", name: "Chi đoàn 1", kind: kind, parentCode: "YT", openedOn: d(opened), closedOn: closed.map(d))
    }

    @Test func openedOnTheFirstOfJulyIsGradedOnTheSecondIsNot() throws {
        #expect(UnitGradeRule.wholeMonthsOpen(unit(opened: "2025-07-01"), in: 2025) == 6)
        try UnitGradeRule.check(unit(opened: "2025-07-01"), year: 2025, today: today)
        let late = unit(opened: "2025-07-02")
        #expect(UnitGradeRule.wholeMonthsOpen(late, in: 2025) == 5)
        let error = refusal { try UnitGradeRule.check(late, year: 2025, today: today) }
        #expect(error?.rule == .unitGradeMonths && error?.kind == .ruleRefused)
        #expect(error?.message.vi == "CD1 chỉ hoạt động 5 tháng trọn trong năm 2025 (thành lập 2025-07-02); cần ít nhất 6 tháng, không xếp loại.")
        #expect(error?.message.en == "CD1 was open for 5 whole months of 2025 (opened 2025-07-02); at least 6 are needed, not graded.")
    }

    @Test func closedOnTheFirstOfJulyIsGradedOnTheThirtiethOfJuneIsNot() throws {
        // Closed on D is gone from D on: closed 1 July was open all of January to June.
        try UnitGradeRule.check(unit(closed: "2025-07-01"), year: 2025, today: today)
        #expect(UnitGradeRule.wholeMonthsOpen(unit(closed: "2025-06-30"), in: 2025) == 5)
        #expect(refusal { try UnitGradeRule.check(unit(closed: "2025-06-30"), year: 2025, today: today) }?.rule == .unitGradeMonths)
        // Closed before the year or opened after it: no month at all.
        #expect(UnitGradeRule.wholeMonthsOpen(unit(closed: "2024-12-31"), in: 2025) == 0)
        #expect(UnitGradeRule.wholeMonthsOpen(unit(opened: "2026-01-01"), in: 2025) == 0)
    }

    @Test func everyKindButTheBlocIsGraded() throws {
        for kind in [UnitKind.grassrootsUnion, .grassrootsBranch, .branch] {
            try UnitGradeRule.check(unit(kind), year: 2025, today: today)
        }
        let bloc = refusal { try UnitGradeRule.check(unit(.bloc), year: 2025, today: today) }
        #expect(bloc?.rule == .unitGradeKind && bloc?.message.en.contains("CD1 is a bloc") == true)
    }

    @Test func theYearRunsFromTheFoundingToTodaysYear() throws {
        try UnitGradeRule.check(unit(opened: "1931-01-01"), year: 1931, today: today)
        #expect(refusal { try UnitGradeRule.check(unit(opened: "1930-01-01"), year: 1930, today: today) }?.kind == .badInput)
        try UnitGradeRule.check(unit(), year: 2026, today: today)
        #expect(refusal { try UnitGradeRule.check(unit(), year: 2027, today: today) }?.kind == .badInput)
    }
}
