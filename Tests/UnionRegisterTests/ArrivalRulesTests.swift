import Testing
import UnionRegister

/// A branch opened on 2020-09-01, and a member admitted to the Union at university in 2013.
private let branch = Unit(code: "CD1", name: "Chi đoàn Văn phòng", kind: .branch, parentCode: "DCS", openedOn: d("2020-09-01"))
private let lan = member(born: "1995-01-01", joined: "2013-03-26", name: "Trần Thị Lan")
private let today = d("2026-06-30")

private func arrival(_ day: String, unit: String = "CD1") -> MembershipEvent {
    MembershipEvent(kind: .arrived, on: d(day), unitCode: unit, place: "Chi đoàn Trường Đại học Y", letterNo: "12/GGT")
}

private func stay(_ kind: MembershipEventKind, from: String, until: String, unit: String = "CD1") -> MembershipEvent {
    MembershipEvent(kind: kind, on: d(from), unitCode: unit, place: "Chi đoàn xã Yên Sơn", until: d(until))
}

/// Lan's history starting with `event`, checked as every write path checks it.
private func record(_ event: MembershipEvent) throws -> MembershipHistory {
    try then(MembershipHistory(events: []), event)
}

/// `history` followed by `event`, checked as every write path checks it.
private func then(_ history: MembershipHistory, _ event: MembershipEvent) throws -> MembershipHistory {
    try history.recording(event, of: lan, today: today, destination: branch)
}

@Suite("Arrivals: admitted elsewhere, in the branch from the arrival")
struct ArrivalRuleTests {
    @Test func theBranchMustBeOpenOnTheArrivalDayNotOnTheAdmissionDay() throws {
        #expect(refusal { _ = try record(arrival("2020-08-31")) }?.rule == .memberUnitOpen)
        let history = try record(arrival("2020-09-01"))
        #expect(history.status(on: d("2020-08-31")) == .notYetMember)
        #expect(history.status(on: d("2020-09-01")) == .active(unitCode: "CD1"))
    }

    @Test func anAdmissionBeforeTheBranchOpenedIsRefusedWithTheArrivalHint() {
        let admitted = MembershipEvent(kind: .admitted, on: d("2013-03-26"), unitCode: "CD1")
        let error = refusal { _ = try record(admitted) }
        #expect(error?.rule == .memberUnitOpen)
        #expect(error?.fix?.en.contains("--arrived") == true)
        #expect(error?.fix?.vi.contains("arrived_on") == true)
    }

    @Test func anArrivalBeforeTheAdmissionIsRefusedOnTheDayOfItAccepted() throws {
        let early = member(born: "1995-01-01", joined: "2020-09-02")
        #expect(refusal { _ = try MembershipHistory(events: []).recording(arrival("2020-09-01"), of: early, today: today, destination: branch) }?.rule == .arrivalBeforeAdmission)
        let sameDay = member(born: "1995-01-01", joined: "2020-09-01")
        _ = try MembershipHistory(events: []).recording(arrival("2020-09-01"), of: sameDay, today: today, destination: branch)
    }

    @Test func aCorrectedJoiningDayOfAMemberWhoArrivedStaysOnOrBeforeTheArrival() throws {
        let history = try record(arrival("2020-09-01"))
        #expect(try history.movingAdmission(to: d("2020-09-01"), admittedTo: branch) == history)
        #expect(refusal { _ = try history.movingAdmission(to: d("2020-09-02"), admittedTo: branch) }?.rule == .arrivalBeforeAdmission)
    }

    @Test func anArrivalNeedsTheUnitItComesFrom() {
        var nowhere = arrival("2021-01-01")
        nowhere.place = "  "
        #expect(refusal { _ = try record(nowhere) }?.kind == .badInput)
    }

    @Test func aMemberActiveHereCannotArriveAgainButOneWhoLeftCan() throws {
        let here = try record(arrival("2021-01-01"))
        #expect(refusal { _ = try then(here, arrival("2022-01-01")) }?.rule == .arrivalActive)
        let gone = try then(here, MembershipEvent(kind: .left, on: d("2023-03-01"), unitCode: "CD1", place: "Đoàn Khối Doanh nghiệp"))
        #expect(gone.status(on: d("2023-03-01")) == MembershipStatus.left(.left, on: d("2023-03-01"), unitCode: "CD1"))
        let back = try then(gone, arrival("2024-02-01"))
        #expect(back.status(on: d("2024-02-01")) == .active(unitCode: "CD1"))
    }

    @Test func onlyAnActiveMemberCanLeave() throws {
        let gone = try then(record(arrival("2021-01-01")), MembershipEvent(kind: .left, on: d("2023-03-01"), unitCode: "CD1", place: "X"))
        #expect(refusal { _ = try then(gone, MembershipEvent(kind: .left, on: d("2023-04-01"), unitCode: "CD1", place: "Y")) }?.rule == .departureNotActive)
        let matured = try then(record(arrival("2021-01-01")), MembershipEvent(kind: .matured, on: d("2023-03-01"), unitCode: "CD1"))
        #expect(refusal { _ = try then(matured, MembershipEvent(kind: .left, on: d("2023-04-01"), unitCode: "CD1", place: "Y")) }?.rule == .departureNotActive)
        #expect(refusal { _ = try then(matured, arrival("2024-01-01")) }?.rule == .eventOrder)
    }
}

@Suite("Temporary members (sinh hoạt tạm thời)")
struct TemporaryStayTests {
    @Test func aHostedMemberIsTemporaryThroughTheLastDayThenEnded() throws {
        let hosted = try record(stay(.hosted, from: "2025-01-01", until: "2025-06-30"))
        #expect(hosted.status(on: d("2025-06-30")) == .temporary(unitCode: "CD1", until: d("2025-06-30")))
        #expect(hosted.status(on: d("2025-07-01")) == .temporaryEnded(unitCode: "CD1", on: d("2025-06-30")))
        #expect(hosted.status(on: d("2025-07-01")).code == "temporary-ended")
        #expect(!hosted.status(on: d("2025-03-01")).isActive)
    }

    @Test func aStayThatEndsBeforeItStartsIsRefusedOneOfOneDayIsNot() throws {
        #expect(refusal { _ = try record(stay(.hosted, from: "2025-01-01", until: "2024-12-31")) }?.rule == .temporaryPeriod)
        _ = try record(stay(.hosted, from: "2025-01-01", until: "2025-01-01"))
    }

    @Test func aHostedMemberIsNotGradedHereNorReferredNorMovedByUs() throws {
        let hosted = try record(stay(.hosted, from: "2025-01-01", until: "2025-12-31"))
        #expect(refusal { try GradeRule.check(lan, history: hosted, year: 2025, today: today) }?.rule == .gradeNotHere)
        let facts = MemberFacts(member: lan, history: hosted, grades: [GradeRecord(year: 2024, grade: .excellent)])
        let check = Eligibility(facts, step: .nominate, on: d("2025-05-01"), policy: Policy())
        #expect(check.failing.map(\.rule) == [Criterion.Rule.activeMember])
        #expect(refusal { _ = try then(hosted, MembershipEvent(kind: .transferred, on: d("2025-03-01"), unitCode: "CD2", fromUnitCode: "CD1")) }?.rule == .temporaryMember)
        #expect(refusal { _ = try then(hosted, MembershipEvent(kind: .left, on: d("2025-03-01"), unitCode: "CD1", place: "X")) }?.rule == .temporaryMember)
    }

    @Test func aHostedMemberCanArriveForGoodAndIsThenCounted() throws {
        let hosted = try record(stay(.hosted, from: "2025-01-01", until: "2025-12-31"))
        let arrived = try then(hosted, arrival("2025-04-01"))
        #expect(arrived.status(on: d("2025-04-01")) == .active(unitCode: "CD1"))
    }

    @Test func oneOfOursAwayStaysActiveAndIsGraded() throws {
        let here = try record(arrival("2021-01-01"))
        let away = try then(here, stay(.away, from: "2025-03-01", until: "2025-08-31"))
        #expect(away.status(on: d("2025-05-01")) == .active(unitCode: "CD1"))
        #expect(away.temporaryStay(on: d("2025-08-31"))?.place == "Chi đoàn xã Yên Sơn")
        #expect(away.temporaryStay(on: d("2025-09-01")) == nil)
        try GradeRule.check(lan, history: away, year: 2025, today: today)
    }
}

@Suite("Grading counts months in the Union, before an arrival too")
struct ArrivalGradingTests {
    @Test func arrivedOnFirstOctoberAfterYearsInTheUnionIsGraded() throws {
        let history = try record(arrival("2025-10-01"))
        #expect(history.wholeMonthsInUnion(in: 2025, joinedOn: lan.joinedOn) == 12)
        try GradeRule.check(lan, history: history, year: 2025, today: today)
    }

    @Test func admittedElsewhereOnSecondJulyCountsFiveMonthsWhereverTheyWere() {
        let recent = member(born: "2005-01-01", joined: "2025-07-02")
        let history = MembershipHistory(events: [arrival("2025-10-01")])
        #expect(history.wholeMonthsInUnion(in: 2025, joinedOn: recent.joinedOn) == 5)
        let july = member(born: "2005-01-01", joined: "2025-07-01")
        #expect(history.wholeMonthsInUnion(in: 2025, joinedOn: july.joinedOn) == 6)
        #expect(refusal { try GradeRule.check(recent, history: history, year: 2025, today: today) }?.rule == .gradeMonths)
    }

    @Test func theYearBeforeTheArrivalIsTheSendingUnitsToGrade() {
        let history = MembershipHistory(events: [arrival("2026-01-02")])
        #expect(refusal { try GradeRule.check(lan, history: history, year: 2025, today: today) }?.rule == .gradeNotHere)
    }

    @Test func aDepartureWithoutReturnStopsTheMonthsAReturnKeepsThem() throws {
        let here = try record(arrival("2021-01-01"))
        let gone = try then(here, MembershipEvent(kind: .left, on: d("2025-03-15"), unitCode: "CD1", place: "X"))
        #expect(gone.wholeMonthsInUnion(in: 2025, joinedOn: lan.joinedOn) == 2)
        #expect(refusal { try GradeRule.check(lan, history: gone, year: 2025, today: today) }?.rule == .gradeMonths)
        let back = try then(gone, arrival("2025-10-01"))
        #expect(back.wholeMonthsInUnion(in: 2025, joinedOn: lan.joinedOn) == 12)
        try GradeRule.check(lan, history: back, year: 2025, today: today)
    }

    @Test func referralReadsTheUnionAdmissionNotTheArrival() throws {
        let history = try record(arrival("2025-10-01"))
        let facts = MemberFacts(member: lan, history: history, grades: [GradeRecord(year: 2025, grade: .excellent)])
        let before = Eligibility(facts, step: .nominate, on: d("2025-09-30"), policy: Policy())
        #expect(before.criteria[0].rule == .activeMember && !before.criteria[0].passed)
        #expect(before.criteria[0].detail.en.contains("In the Union since 2013-03-26"))
        #expect(Eligibility(facts, step: .nominate, on: d("2026-01-10"), policy: Policy()).isEligible)
    }
}

@Suite("A register with a past: correcting a unit")
struct UnitCorrectionTests {
    let root = Unit(code: "DK", name: "Đoàn Khối", kind: .bloc, parentCode: nil, openedOn: d("2026-06-30"))

    @Test func aUnitOpenedBeforeItsParentIsRefusedWithTheCorrectionToMake() {
        let unit = Unit(code: "DCS1", name: "Đoàn cơ sở", kind: .grassrootsUnion, parentCode: "DK", openedOn: d("2015-01-01"))
        let error = refusal { try UnitRules.validateNew(unit, parent: root, today: today) }
        #expect(error?.rule == .unitParentOpen)
        #expect(error?.fix?.en.contains("sodoan unit update DK --opened 2015-01-01") == true)
        #expect(error?.fix?.vi.contains("sodoan init --opened") == true)
    }

    @Test func theOpeningDayMayMoveBackToTheFirstChildOrMemberNotPastThem() throws {
        let child = Unit(code: "CD1", name: "Chi đoàn", kind: .branch, parentCode: "DK", openedOn: d("2018-01-01"))
        var unit = root
        unit.openedOn = d("2018-01-01")
        try UnitRules.validateCorrection(unit, parent: nil, children: [child], firstPlacement: nil, today: today)
        unit.openedOn = d("2018-01-02")
        #expect(refusal { try UnitRules.validateCorrection(unit, parent: nil, children: [child], firstPlacement: nil, today: today) }?.rule == .unitParentOpen)
        var branch = child
        branch.openedOn = d("2020-09-02")
        #expect(refusal { try UnitRules.validateCorrection(branch, parent: unit, children: [], firstPlacement: ("DV1", d("2020-09-01")), today: today) }?.rule == .memberUnitOpen)
        branch.openedOn = d("2020-09-01")
        try UnitRules.validateCorrection(branch, parent: unit, children: [], firstPlacement: ("DV1", d("2020-09-01")), today: today)
    }
}
