import Foundation
import SeededRandom
import Testing
import PostgresTestSupport
@testable import RegisterStore
import UnionRegister

private func m(_ text: String) -> Month { Month(parsing: text)! }

/// A bloc of two grassroots unions of three branches each and 48 members, through a year
/// of monthly payments, prepayments, exemptions, transfers and departures made by the
/// store's public API from a fixed seed, remembered here as plain facts so the test can
/// compute what the report and `dues status` must say by its own arithmetic.
private struct DuesYear {
    let fixture: ReportFixture
    var register: Register { fixture.register }
    /// What each payment was: who, when, how much, and the branch they were in that day.
    var payments: [(member: String, on: Day, amount: Int64, branch: String)] = []
    /// Every month each member was active in 2025, and the months each is paid or exempt for.
    var activeMonths: [String: Set<Month>] = [:]
    /// The months each member's payments cover, with the day each was received, and the
    /// months each is exempt for.
    var paid: [String: [(on: Day, months: Set<Month>)]] = [:]
    var exempted: [String: Set<Month>] = [:]
    static let branches = ["A1", "A2", "A3", "B1", "B2", "B3"]

    init(on kind: RegisterEngineKind) throws {
        fixture = try ReportFixture(on: kind)
        for union in ["A", "B"] { try fixture.unit(union, .grassrootsUnion, parent: "DK") }
        for branch in Self.branches { try fixture.unit(branch, .branch, parent: String(branch.prefix(1))) }
        try register.setDuesKeptFrom(m("2025-01"))
        var random = SeededGenerator(seed: 20_261_201)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        for index in 0..<48 {
            let code = String(format: "M%02d", index)
            var branch = Self.branches[index % 6]
            try fixture.member(code, index % 2 == 0 ? .female : .male, unit: branch, joined: "2018-03-26")
            if index % 4 == 1 { try register.setDuesClass(code, DuesClassChange(.unsalaried, from: m("2025-01"))) }
            var months = Set((1...12).map { Month(year: 2025, month: $0)! })
            // Some leave, some move: a payment belongs to the branch of its day.
            var leaves: Month?
            if index % 11 == 3 { leaves = Month(year: 2025, month: 3 + next(6))! }
            var paidThrough = m("2024-12")
            var exempt: ClosedRange<Month>?
            if index % 7 == 2 {
                let from = Month(year: 2025, month: 2 + next(4))!
                exempt = from...from.advanced(by: next(6))
                try register.exemptDues(code, DuesExemption(from: exempt!.lowerBound, to: exempt!.upperBound,
                                                            decisionNo: "\(index)/QĐ", reason: "Hoàn cảnh khó khăn"))
            }
            var month = 1
            while month <= 12 {
                let on = Day(year: 2025, month: month, day: 5 + next(20))!
                if month == 7 && index % 6 == 4 {
                    branch = Self.branches[(index + 1) % 6]
                    try fixture.transfer(code, to: branch, on: "2025-07-01")
                }
                if let leaves, Month(on) > leaves { break }
                // Mostly monthly, some by quarter or ahead, some stop paying.
                let span = index % 5 == 0 ? 3 : (index % 9 == 0 ? 6 : 1)
                let through = min(Month(year: 2025, month: month)!.advanced(by: span - 1), leaves ?? m("2025-12"))
                if index % 8 == 7 && month >= 5 { break }
                // Nothing to pay for months that are all exempt: the member pays the next time.
                let allExempt = exempt.map { range in (paidThrough.advanced(by: 1)...max(through, paidThrough.advanced(by: 1))).allSatisfy(range.contains) } ?? false
                if through > paidThrough && !allExempt {
                    let payment = try register.payDues(code, through: through, amount: nil, on: on)
                    payments.append((code, on, payment.amount, branch))
                    paid[code, default: []].append((on, Set(payment.from...payment.through)))
                    paidThrough = through
                }
                month = through.month + 1
            }
            if let leaves {
                try fixture.end(code, .removed, on: leaves.lastDay.description)
                months = months.filter { $0 <= leaves }
            }
            activeMonths[code] = months
            exempted[code] = exempt.map { Set($0) } ?? []
        }
    }

    /// Members active on `day` with three or more owed months before it that neither a payment
    /// received by then covers nor an exemption excuses.
    func owing(on day: Day) -> Set<String> {
        Set(activeMonths.keys.filter { code in
            guard activeMonths[code]!.contains(Month(day)) || activeMonths[code]!.contains(Month(day).advanced(by: -1)) else { return false }
            let covered = (paid[code] ?? []).filter { $0.on <= day }.reduce(exempted[code]!) { $0.union($1.months) }
            let late = activeMonths[code]!.filter { $0 < Month(day) && !covered.contains($0) }
            return late.count >= 3
        })
    }
}

@Suite("Dues in the store: a year of payments against a hand computation", .serialized)
struct DuesStoreTests {
    @Test(arguments: RegisterEngineKind.allCases) func collectedKeptAndSentUpMatchTheHandComputationAtEveryLevel(_ kind: RegisterEngineKind) throws {
        let year = try DuesYear(on: kind)
        let period = try ReportPeriod.year(2025)
        let (flow, fingerprint) = try year.register.duesReport(unitCode: nil, period: period)
        #expect(fingerprint == (try year.register.fingerprint()))
        #expect(flow.isBalanced)
        var sentUp: [String: Int64] = [:]
        for branch in DuesYear.branches {
            let collected = year.payments.filter { $0.branch == branch }.reduce(0) { $0 + $1.amount }
            let node = try #require(flow.children.flatMap(\.children).first { $0.unit.code == branch })
            #expect(node.collected == collected, "\(branch)")
            #expect(node.sentUp == collected / 3 && node.kept == collected - collected / 3, "\(branch)")
            sentUp[branch] = collected / 3
        }
        for union in flow.children {
            let received = DuesYear.branches.filter { $0.hasPrefix(union.unit.code) }.reduce(0) { $0 + sentUp[$1]! }
            #expect(union.collected == 0 && union.receivedFromBelow == received, "\(union.unit.code)")
            #expect(union.sentUp == received / 3 && union.kept == received - received / 3)
        }
        let received = flow.children.reduce(0) { $0 + $1.sentUp }
        #expect(flow.receivedFromBelow == received && flow.sentUp == received / 3)
        let total = year.payments.reduce(0) { $0 + $1.amount }
        func kept(_ flow: DuesFlow) -> Int64 { flow.kept + flow.children.reduce(0) { $0 + kept($1) } }
        #expect(kept(flow) + flow.sentUp == total)
        // A subtree report is that unit of the whole one.
        let union = try year.register.duesReport(unitCode: "A", period: period).flow
        #expect(union == flow.children[0])
    }

    @Test(arguments: RegisterEngineKind.allCases) func theMembersThreeMonthsBehindAreExactlyThoseThePaymentsImply(_ kind: RegisterEngineKind) throws {
        let year = try DuesYear(on: kind)
        for text in ["2025-02-15", "2025-04-01", "2025-06-30", "2025-07-01", "2025-09-10", "2025-11-22", "2026-01-01"] {
            let day = day(text)
            let listed = Set(try year.register.duesStandings(unitCode: nil, on: day)
                .filter { $0.account.behind(on: day).count >= DuesFlow.owingMonths }.map(\.account.member.code))
            #expect(listed == year.owing(on: day).filter { code in
                (try? year.register.memberFacts(code).history.status(on: day).isActive) == true
            }, "\(text)")
            let warned = Set(try year.register.check(asOf: day).filter { $0.code == "dues-owing" }.map(\.subject))
            #expect(warned == listed, "\(text)")
        }
        #expect(!year.owing(on: day("2025-11-22")).isEmpty)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRefusedPaymentWritesNothingAndTheSameFactsTwiceWriteOnce(_ kind: RegisterEngineKind) throws {
        let fixture = try ReportFixture(on: kind)
        try fixture.unit("A", .grassrootsUnion, parent: "DK")
        try fixture.unit("A1", .branch, parent: "A")
        try fixture.member("M1", .male, unit: "A1", joined: "2018-03-26")
        try fixture.register.setDuesKeptFrom(m("2025-01"))
        let before = try fixture.store.count("SELECT COUNT(*) FROM audit_log")
        #expect(throws: RegisterError.self) { try fixture.register.payDues("M1", through: m("2025-03"), amount: 14_000, on: day("2025-03-01")) }
        #expect(try fixture.store.count("SELECT COUNT(*) FROM dues_payment") == 0)
        try fixture.register.setDuesKeptFrom(m("2025-01"))
        try fixture.register.setDuesRate(DuesRate.defaults[1])
        #expect(try fixture.store.count("SELECT COUNT(*) FROM audit_log") == before)
    }
}

