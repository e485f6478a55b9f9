import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// A grassroots union merged mid-year hands its branch to the target: the year's report
/// shows the closed union with what it had at the start and lost by the merger, the
/// branch under its new parent, and every unit balanced.
@Suite(.serialized) struct MergedMidYearTests {
    @Test(arguments: RegisterEngineKind.allCases) func theClosedUnionAndItsHandedOverBranchAreShownWhereTheyWereAndAreBalanced(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister.reorganisationScenario(on: kind)
        let r = temp.register
        try r.mergeUnits(["SG"], into: "YT", on: day("2020-06-01"))
        let year = try r.yearEndReport(unitCode: "DK", period: try ReportPeriod.year(2020))
        #expect(year.balance.unbalanced.isEmpty)
        let sg = try #require(year.root.find("SG"))
        #expect(sg.members.start == 2 && sg.members.reorganisedOut == 2 && sg.members.end == 0 && sg.children.isEmpty)
        let yt = try #require(year.root.find("YT"))
        #expect(yt.members.start == 5 && yt.members.reorganisedIn == 2 && yt.members.end == 7)
        #expect(yt.children.map(\.unit.code) == ["SG1", "YT-BV", "YT-VP"])
        #expect(yt.find("SG1")?.members.start == 2 && yt.find("SG1")?.members.end == 2)
        // The units at the end of the year: the merged union is gone, its branch is YT's.
        #expect(year.root.units[.grassrootsUnion] == 1 && year.root.units[.branch] == 3)
        #expect(yt.units[.branch] == 3)
        // The year before shows the union with its branch.
        let before = try r.yearEndReport(unitCode: "DK", period: try ReportPeriod.year(2019))
        #expect(before.root.find("SG")?.children.map(\.unit.code) == ["SG1"])
        #expect(before.root.units[.grassrootsUnion] == 2)
    }
}
