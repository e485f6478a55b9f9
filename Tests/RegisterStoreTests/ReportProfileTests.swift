import Foundation
import Testing
import PostgresTestSupport
@testable import RegisterStore
import UnionRegister

@Suite("The year-end report's profile and unit grades in the store", .serialized)
struct ReportProfileTests {
    func profile(_ temp: TemporaryRegister, to: String, unit: String = "YT-VP") throws -> ProfileFigures {
        let report = try temp.register.yearEndReport(unitCode: unit, period: ReportPeriod(from: day("2022-01-01"), to: day(to)))
        return report.root.profile
    }

    @Test(arguments: RegisterEngineKind.allCases) func anAgeBandIsLeftOnTheBirthdayNotTheDayBefore(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "2004-01-01", joined: "2020-03-26")
        // Born on 29 February: the birthday of a common year falls on 1 March.
        try temp.addMember("DV2", "Lê Thị Bình", born: "2004-02-29", joined: "2020-03-26")
        #expect(try profile(temp, to: "2022-12-31").ageBands == [.upTo18: 2])
        #expect(try profile(temp, to: "2023-01-01").ageBands == [.upTo18: 1, .from19To22: 1])
        #expect(try profile(temp, to: "2023-02-28").ageBands == [.upTo18: 1, .from19To22: 1])
        #expect(try profile(temp, to: "2023-03-01").ageBands == [.from19To22: 2])
    }

    @Test(arguments: RegisterEngineKind.allCases) func officesAndTheoryCountOnTheirDaysAndAMemberWhoLeftIsNotCounted(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1998-01-01", joined: "2020-03-26")
        try temp.register.addOffice(Office(memberCode: "DV1", unitCode: "YT-VP", role: .secretary, from: day("2023-06-01")))
        try temp.register.addTraining("DV1", TrainingRecord(kind: .theoryElementary, completedOn: day("2023-06-01")))
        #expect(try profile(temp, to: "2023-05-31").officeHolders == 0)
        #expect(try profile(temp, to: "2023-05-31").theory == [TheoryLevel.none: 1])
        #expect(try profile(temp, to: "2023-06-01").officeHolders == 1)
        #expect(try profile(temp, to: "2023-06-01").theory == [.elementary: 1])
        try temp.register.endMembership("DV1", .removed, on: day("2024-01-01"), reason: "Bỏ sinh hoạt")
        #expect(try profile(temp, to: "2024-01-01") == ProfileFigures())
    }

    @Test(arguments: RegisterEngineKind.allCases) func unitGradesCountTheOpenUnitsBelowAtTheEnd(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.register.setUnitGrade("YT-VP", year: 2025, grade: .good)
        try temp.register.closeUnit("YT-BV", on: day("2025-12-31"))
        let report = try temp.register.yearEndReport(unitCode: nil, period: try .year(2025))
        // YT, TC and YT-VP are open on 31 December; YT-BV closed that day; the bloc is not graded.
        #expect(report.root.unitGrades.counts == [.good: 1] && report.root.unitGrades.notGraded == 2)
        let yt = try #require(report.root.children.first { $0.unit.code == "YT" })
        #expect(yt.unitGrades.counts == [.good: 1] && yt.unitGrades.notGraded == 0)
        let before = try temp.register.yearEndReport(unitCode: nil, period: ReportPeriod(from: day("2025-01-01"), to: day("2025-12-30")))
        #expect(before.root.unitGrades.notGraded == 3)
    }
}
