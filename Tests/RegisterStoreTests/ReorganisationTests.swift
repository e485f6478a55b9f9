import Foundation
import GRDB
import Testing
import PostgresTestSupport
@testable import RegisterStore
import UnionRegister

/// Units renamed, moved, merged and split, and the year-end reports before, of and after
/// (docs/DOMAIN.md#units-change), on a real register file.
@Suite(.serialized) struct ReorganisationTests {
    private func report(_ r: Register, _ unit: String?, _ year: Int) throws -> YearEndReport {
        try r.yearEndReport(unitCode: unit, period: try ReportPeriod.year(year))
    }

    @Test(arguments: RegisterEngineKind.allCases) func theMergedBlocsYearShowsTheOtherBlocAsReorganisedInAndTheYearBeforeIsUnchanged(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister.reorganisationScenario(on: kind)
        let r = temp.register
        let before2019 = try report(r, "DN", 2019)
        try r.mergeUnits(["DN"], into: "DK", on: day("2020-06-01"))
        let dk = try report(r, "DK", 2020)
        #expect(dk.root.members.start == 9 && dk.root.members.reorganisedIn == 3 && dk.root.members.end == 12)
        #expect(dk.balance.holds)
        #expect(dk.root.find("DD") != nil)
        // The same units, names and figures (the unit's closing day is a fact of 2020).
        func figures(_ report: YearEndReport) -> [String] {
            report.root.flattened().map { row in
                "\(row.figures.unit.code) \(row.figures.unit.name) \(row.figures.members) \(UnitKind.allCases.map { row.figures.units[$0] ?? 0 })"
            }
        }
        #expect(figures(try report(r, "DN", 2019)) == figures(before2019))
        let dn = try report(r, "DN", 2020)
        #expect(dn.root.members.start == 3 && dn.root.members.reorganisedOut == 3 && dn.root.members.end == 0 && dn.balance.holds)
        #expect(try r.unit("DN").closedOn == day("2020-06-01"))
        #expect(try r.unitHistory("DK").map(\.change.kind) == [.moved, .merged])
    }

    @Test(arguments: RegisterEngineKind.allCases) func mergeMoveRenameAndSplitGiveBalancedReportsWithTheNamesOfEachYear(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister.reorganisedScenario(on: kind)
        let r = temp.register
        #expect(try r.unit("YT-BV").closedOn == day("2020-10-01"))
        for year in 2019...2021 {
            let figures = try report(r, "DK", year)
            #expect(figures.balance.holds, "\(year): \(figures.balance.unbalanced.map(\.unit.code))")
            #expect(try report(r, "DK", year) == figures)
        }
        #expect(try report(r, "DK", 2019).root.find("YT-VP")?.unit.name == "Chi đoàn Văn phòng")
        #expect(try report(r, "DK", 2021).root.find("YT-VP")?.unit.name == "Chi đoàn Hành chính")
        let of = try report(r, "DK", 2020)
        #expect(of.root.find("NB")?.members.reorganisedIn == 2)
        #expect(of.root.find("YT")?.members.reorganisedOut == 1)
        #expect(of.root.find("YT-BV")?.members.reorganisedOut == 2)
        #expect(of.root.members.end == 12)
        #expect(of.root.find("NB")?.units[.grassrootsUnion] == 1)
        #expect(try report(r, "DK", 2019).root.find("NB")?.members.end == 0)
        #expect(try report(r, "DK", 2021).root.find("NB")?.find("SG") != nil)
        #expect(try r.check().filter { $0.severity == .error }.isEmpty)
    }

    /// YT's branch YT-BV goes to SG on 2020-07-01 and YT-VP stays; then SG is split
    /// whole on 2021-03-01 (both its branches to YT) and closes.
    @Test(arguments: RegisterEngineKind.allCases) func aGrassrootsUnionSplitMovesWholeBranchesAndBalances(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister.reorganisationScenario(on: kind)
        let r = temp.register
        let part = SplitPlan(placements: [SplitPlan.Placement(code: "YT-BV", unitCode: "SG", line: 2),
                                          SplitPlan.Placement(code: "YT-VP", unitCode: "YT", line: 3)])
        #expect(try !r.splitUnit("YT", plan: part, on: day("2020-07-01")))
        let of = try report(r, "DK", 2020)
        #expect(of.balance.holds)
        #expect(of.root.find("SG")?.members.reorganisedIn == 2 && of.root.find("YT")?.members.reorganisedOut == 2)
        #expect(of.root.find("SG")?.find("YT-BV") != nil && of.root.members.reorganisedIn == 0)
        #expect(try report(r, "DK", 2019).root.find("YT")?.find("YT-BV") != nil)
        let whole = SplitPlan(placements: [SplitPlan.Placement(code: "SG1", unitCode: "YT", line: 2),
                                           SplitPlan.Placement(code: "YT-BV", unitCode: "YT", line: 3)])
        #expect(try r.splitUnit("SG", plan: whole, on: day("2021-03-01")))
        #expect(try r.unit("SG").closedOn == day("2021-03-01"))
        #expect(try report(r, "DK", 2021).balance.holds)
        #expect(try r.unitHistory("SG").map(\.change.kind) == [.moved, .moved, .moved, .split])
        #expect(try r.check().filter { $0.severity == .error }.isEmpty)
        #expect(try RoundTripTests().reloaded(r, in: temp.directory).fingerprint() == r.fingerprint())
    }

    @Test(arguments: RegisterEngineKind.allCases) func refusedReorganisationsWriteNothing(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister.reorganisationScenario(on: kind)
        let r = temp.register
        let audit = try temp.count("SELECT COUNT(*) FROM audit_log")
        #expect(throws: RegisterError.self) { try r.moveUnit("DK", under: "NB", on: day("2020-01-01")) }
        #expect(throws: RegisterError.self) { try r.moveUnit("YT-VP", under: "DK", on: day("2020-01-01")) }
        #expect(throws: RegisterError.self) { try r.moveUnit("SG", under: "NB", on: day("2014-12-31")) }
        try r.transferMember("DV004", to: "YT-VP", on: day("2020-12-01"))
        let plan = SplitPlan(placements: [SplitPlan.Placement(code: "DV005", unitCode: "YT-VP", line: 2)])
        // DV004 left YT-BV on 2020-12-01: a split before that day is refused, and on
        // 2021-01-01 the plan leaves the other member unplaced only when DV005 is missing.
        let both = SplitPlan(placements: [SplitPlan.Placement(code: "DV004", unitCode: "DD1", line: 2),
                                          SplitPlan.Placement(code: "DV005", unitCode: "DD1", line: 3)])
        #expect(throws: RegisterError.self) { try r.splitUnit("YT-BV", plan: both, on: day("2020-11-30")) }
        #expect(throws: RegisterError.self) { try r.splitUnit("YT-BV", plan: SplitPlan(placements: []), on: day("2021-01-01")) }
        #expect(throws: RegisterError.self) { try r.mergeUnits(["DN"], into: "TC", on: day("2020-01-01")) }
        try r.splitUnit("YT-BV", plan: plan, on: day("2021-01-01"))
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log") == audit + 2)
        #expect(try temp.count("SELECT COUNT(*) FROM unit_change") == 1)
    }
}
