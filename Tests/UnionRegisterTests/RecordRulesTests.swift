import Testing
import UnionRegister

/// The member every record rule test is about, and the day they are checked on.
private let an = member(born: "1998-03-10", joined: "2014-01-01")
private let recordsToday = d("2025-06-15")

/// A history admitted to YT-VP on `day`, followed by `then`.
private func admitted(_ day: String, _ then: MembershipEvent...) -> MembershipHistory {
    MembershipHistory(events: [MembershipEvent(kind: .admitted, on: d(day), unitCode: "YT-VP")] + then)
}

@Suite("GradeRule: 6 whole months of the year in the Union")
struct GradeRuleTests {
    @Test func admittedOnFirstJulyCountsSixMonthsAndIsGraded() throws {
        let history = admitted("2024-07-01")
        #expect(history.wholeMonthsInUnion(in: 2024, joinedOn: an.joinedOn) == 6)
        try GradeRule.check(an, history: history, year: 2024, today: recordsToday)
    }

    @Test func admittedOnSecondJulyCountsFiveAndIsRefusedWithTheCount() {
        let history = admitted("2024-07-02")
        let error = #expect(throws: RegisterError.self) {
            try GradeRule.check(an, history: history, year: 2024, today: recordsToday)
        }
        #expect(error?.kind == .ruleRefused)
        #expect(error?.rule?.code == "grade-months")
        #expect(error?.message.en.contains("5 whole months of 2024") == true)
        #expect(error?.message.vi.contains("5 tháng") == true)
    }

    @Test func aMemberWhoLeftOnFirstJulyKeepsJanuaryToJune() throws {
        let history = admitted("2020-01-01",
                                MembershipEvent(kind: .matured, on: d("2024-07-01"), unitCode: "YT-VP"))
        #expect(history.wholeMonthsInUnion(in: 2024, joinedOn: an.joinedOn) == 6)
        try GradeRule.check(an, history: history, year: 2024, today: recordsToday)
    }

    @Test func aMemberWhoLeftOnThirtiethJuneIsNotGraded() {
        let history = admitted("2020-01-01",
                                MembershipEvent(kind: .removed, on: d("2024-06-30"), unitCode: "YT-VP"))
        let error = #expect(throws: RegisterError.self) {
            try GradeRule.check(an, history: history, year: 2024, today: recordsToday)
        }
        #expect(error?.message.en.contains("5 whole months") == true)
    }

    @Test func aTransferDoesNotInterruptTheMonths() throws {
        let history = admitted("2024-03-01",
                                MembershipEvent(kind: .transferred, on: d("2024-05-15"), unitCode: "YT-BV", fromUnitCode: "YT-VP"),
                                MembershipEvent(kind: .transferred, on: d("2024-09-01"), unitCode: "TC", fromUnitCode: "YT-BV"))
        #expect(history.wholeMonthsInUnion(in: 2024, joinedOn: an.joinedOn) == 10)
        try GradeRule.check(an, history: history, year: 2024, today: recordsToday)
    }

    @Test func aYearBeforeTheUnionOrNotYetComeIsBadInput() {
        let history = admitted("2014-01-01")
        let early = #expect(throws: RegisterError.self) {
            try GradeRule.check(an, history: history, year: 1930, today: recordsToday)
        }
        #expect(early?.kind == .badInput)
        let future = #expect(throws: RegisterError.self) {
            try GradeRule.check(an, history: history, year: 2026, today: recordsToday)
        }
        #expect(future?.kind == .badInput)
    }
}

@Suite("DisciplineRule: a reason, a past date, a member on that date")
struct DisciplineRuleTests {
    let history = admitted("2020-03-01",
                            MembershipEvent(kind: .matured, on: d("2024-10-01"), unitCode: "YT-VP"))

    private func check(_ level: DisciplineLevel = .reprimand, on: String, reason: String = "Vắng sinh hoạt 3 kỳ") throws {
        try DisciplineRule.check(DisciplineRecord(level: level, on: d(on), reason: reason), of: an,
                                 history: history, today: recordsToday)
    }

    @Test func anEmptyReasonIsBadInput() {
        let error = #expect(throws: RegisterError.self) { try check(on: "2023-05-01", reason: "  \n") }
        #expect(error?.kind == .badInput)
    }

    @Test func onTheAdmissionDayIsAcceptedAndTheDayBeforeRefused() throws {
        try check(on: "2020-03-01")
        let error = #expect(throws: RegisterError.self) { try check(on: "2020-02-29") }
        #expect(error?.rule?.code == "discipline-membership")
        #expect(error?.message.en.contains("admitted on 2020-03-01") == true)
    }

    @Test func theDayBeforeLeavingIsAcceptedAndTheDayOfLeavingRefused() throws {
        try check(.warning, on: "2024-09-30")
        let error = #expect(throws: RegisterError.self) { try check(.warning, on: "2024-10-01") }
        #expect(error?.kind == .ruleRefused)
        #expect(error?.message.en.contains("left the Union (matured) on 2024-10-01") == true)
    }

    @Test func aDateAfterTodayIsBadInput() throws {
        let active = admitted("2020-03-01")
        let record = { (day: String) in DisciplineRecord(level: .reprimand, on: d(day), reason: "Vi phạm") }
        try DisciplineRule.check(record("2025-06-15"), of: an, history: active, today: recordsToday)
        let error = #expect(throws: RegisterError.self) {
            try DisciplineRule.check(record("2025-06-16"), of: an, history: active, today: recordsToday)
        }
        #expect(error?.kind == .badInput)
    }
}

@Suite("TrainingRule: dates in order, not in the future, after birth")
struct TrainingRuleTests {
    private func check(started: String? = nil, completed: String) throws {
        let record = TrainingRecord(kind: .partyAwareness, startedOn: started.map(d), completedOn: d(completed),
                                    certificateNo: "123/CN")
        try TrainingRule.check(record, of: an, today: recordsToday)
    }

    @Test func completedTodayIsAcceptedAndTomorrowIsBadInput() throws {
        try check(completed: "2025-06-15")
        let error = #expect(throws: RegisterError.self) { try check(completed: "2025-06-16") }
        #expect(error?.kind == .badInput)
    }

    @Test func aOneDayClassIsAcceptedAndOneEndingBeforeItStartsIsBadInput() throws {
        try check(started: "2024-05-10", completed: "2024-05-10")
        let error = #expect(throws: RegisterError.self) { try check(started: "2024-05-11", completed: "2024-05-10") }
        #expect(error?.kind == .badInput)
        #expect(error?.message.en.contains("before it starts") == true)
    }

    @Test func aCertificateDatedOnOrBeforeBirthIsBadInput() throws {
        try check(completed: "1998-03-11")
        let error = #expect(throws: RegisterError.self) { try check(completed: "1998-03-10") }
        #expect(error?.kind == .badInput)
        #expect(error?.message.en.contains("birth date 1998-03-10") == true)
    }
}
