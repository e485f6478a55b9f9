import Testing
import UnionRegister

@Suite("Membership history")
struct MembershipHistoryTests {
    let admitted = MembershipEvent(kind: .admitted, on: d("2024-07-01"), unitCode: "A")

    @Test func statusOnADayIsTheLastEventOnOrBeforeIt() throws {
        let history = try MembershipHistory(events: [admitted])
            .appending(MembershipEvent(kind: .transferred, on: d("2025-03-01"), unitCode: "B", fromUnitCode: "A"))
            .appending(MembershipEvent(kind: .matured, on: d("2026-01-15"), unitCode: "B"))
        #expect(history.status(on: d("2024-06-30")) == .notYetMember)
        #expect(history.status(on: d("2024-07-01")) == .active(unitCode: "A"))
        #expect(history.status(on: d("2025-02-28")) == .active(unitCode: "A"))
        #expect(history.status(on: d("2025-03-01")) == .active(unitCode: "B"))
        #expect(history.status(on: d("2026-01-15")) == .left(.matured, on: d("2026-01-15"), unitCode: "B"))
    }

    @Test func admittedOn1JulyCountsSixMonthsOn2JulyFive() {
        #expect(MembershipHistory(events: [admitted]).wholeMonthsInUnion(in: 2024, joinedOn: admitted.on) == 6)
        let late = MembershipEvent(kind: .admitted, on: d("2024-07-02"), unitCode: "A")
        #expect(MembershipHistory(events: [late]).wholeMonthsInUnion(in: 2024, joinedOn: late.on) == 5)
    }

    @Test func aTransferDoesNotInterruptMembershipAndLeavingEndsIt() throws {
        let history = try MembershipHistory(events: [MembershipEvent(kind: .admitted, on: d("2020-01-01"), unitCode: "A")])
            .appending(MembershipEvent(kind: .transferred, on: d("2024-03-15"), unitCode: "B", fromUnitCode: "A"))
            .appending(MembershipEvent(kind: .removed, on: d("2024-07-01"), unitCode: "B"))
        #expect(history.wholeMonthsInUnion(in: 2024, joinedOn: d("2020-01-01")) == 6)
        #expect(history.wholeMonthsInUnion(in: 2023, joinedOn: d("2020-01-01")) == 12)
        #expect(history.wholeMonthsInUnion(in: 2025, joinedOn: d("2020-01-01")) == 0)
    }

    @Test func aCorrectedJoiningDateMayReachTheNextEventButNotPassItAndNeedsAnOpenBranch() throws {
        let history = try MembershipHistory(events: [admitted])
            .appending(MembershipEvent(kind: .transferred, on: d("2025-03-01"), unitCode: "B", fromUnitCode: "A"))
        let branch = Unit(code: "A", name: "A", kind: .branch, parentCode: "DK", openedOn: d("2020-01-01"))
        #expect(try history.movingAdmission(to: d("2025-03-01"), admittedTo: branch).events.first?.on == d("2025-03-01"))
        #expect(refusal { _ = try history.movingAdmission(to: d("2025-03-02"), admittedTo: branch) }?.rule?.code == "event-order")
        #expect(try history.movingAdmission(to: d("2020-01-01"), admittedTo: branch).events.first?.on == d("2020-01-01"))
        #expect(refusal { _ = try history.movingAdmission(to: d("2019-12-31"), admittedTo: branch) }?.rule?.code == "member-unit-open")
    }

    @Test func refusesEventsOutOfOrder() throws {
        let history = MembershipHistory(events: [admitted])
        #expect(refusal { _ = try history.appending(MembershipEvent(kind: .matured, on: d("2024-06-30"), unitCode: "A")) }?.rule?.code == "event-order")
        #expect(refusal { _ = try history.appending(admitted) }?.rule?.code == "event-order")
        let matured = try history.appending(MembershipEvent(kind: .matured, on: d("2025-01-01"), unitCode: "A"))
        #expect(refusal { _ = try matured.appending(MembershipEvent(kind: .matured, on: d("2025-02-01"), unitCode: "A")) }?.rule?.code == "event-order")
        #expect(refusal { _ = try matured.appending(MembershipEvent(kind: .transferred, on: d("2025-02-01"), unitCode: "B", fromUnitCode: "A")) }?.rule?.code == "event-order")
        #expect(refusal { _ = try MembershipHistory(events: []).appending(MembershipEvent(kind: .removed, on: d("2025-02-01"), unitCode: "A")) }?.rule?.code == "event-order")
    }

    @Test func refusesATransferToTheSameUnit() {
        let history = MembershipHistory(events: [admitted])
        #expect(refusal { _ = try history.appending(MembershipEvent(kind: .transferred, on: d("2025-01-01"), unitCode: "A", fromUnitCode: "A")) }?.rule?.code == "transfer-same-unit")
    }
}
