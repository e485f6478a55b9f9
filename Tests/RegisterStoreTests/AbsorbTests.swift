import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// `absorb`: another register joins this one under a unit from a day, with its whole
/// history, all or nothing (docs/DOMAIN.md#one-register-absorbs-another).
@Suite(.serialized) struct AbsorbTests {
    /// This register (DK, with 3 members in YT-VP and 2 in TC) and another one beside it:
    /// the bloc of enterprises DN → DD → DD1, DD2, with 3 members admitted in 2016, one
    /// transferred in 2018 and graded for 2019.
    private func registers(on kind: RegisterEngineKind) throws -> (TemporaryRegister, Register) {
        let temp = try TemporaryRegister(on: kind)
        for (n, unit) in ["YT-VP", "YT-VP", "YT-VP", "TC", "TC"].enumerated() {
            try temp.addMember("DV00\(n + 1)", "Trần Thị Mai \(n + 1)", born: "1998-04-0\(n + 1)", joined: "2016-05-01", unit: unit)
        }
        let other = try Register.create(at: temp.directory.appending(path: "other.db").path, name: "Đoàn Khối doanh nghiệp tỉnh",
                                        rootCode: "DN", openedOn: day("2015-01-01"), command: "test", clock: .fixed(today: today))
        try other.addUnit(Unit(code: "DD", name: "Đoàn cơ sở Điện lực", kind: .grassrootsUnion, parentCode: "DN", openedOn: day("2015-01-01")))
        try other.addUnit(Unit(code: "DD1", name: "Chi đoàn Truyền tải", kind: .branch, parentCode: "DD", openedOn: day("2015-01-01")))
        try other.addUnit(Unit(code: "DD2", name: "Chi đoàn Phân phối", kind: .branch, parentCode: "DD", openedOn: day("2015-01-01")))
        for (code, born, unit) in [("EV01", "1997-02-03", "DD1"), ("EV02", "1996-07-08", "DD1"), ("EV03", "1999-11-12", "DD2")] {
            try other.addMember(Member(code: code, fullName: "Lê Văn \(code)", birthDate: day(born), gender: .male,
                                       education: .university, joinedOn: day("2016-05-01")), unitCode: unit)
        }
        try other.transferMember("EV02", to: "DD2", on: day("2018-03-01"))
        _ = try other.setGrade("EV02", year: 2019, grade: .excellent)
        return (temp, other)
    }

    private func report(_ r: Register, _ unit: String?, _ year: Int) throws -> YearEndReport {
        try r.yearEndReport(unitCode: unit, period: try ReportPeriod.year(year))
    }

    @Test(arguments: RegisterEngineKind.allCases) func theOtherRegisterJoinsUnderTheUnitOnTheDayWithItsWholeHistory(_ kind: RegisterEngineKind) throws {
        let (temp, other) = try registers(on: kind)
        let r = temp.register
        let before2019 = try report(r, nil, 2019)
        let absorbed = try r.absorb(other.path, under: "DK", on: day("2020-06-01"), prefix: nil, dryRun: false)
        #expect(absorbed.moved == ["DN"])
        #expect(absorbed.added.first { $0.kind == .members }?.rows == 3)
        #expect(absorbed.likelyDuplicates.isEmpty)
        let of = try report(r, "DK", 2020)
        #expect(of.root.members.start == 5 && of.root.members.reorganisedIn == 3 && of.root.members.end == 8)
        #expect(of.balance.holds)
        #expect(of.root.find("DN")?.find("DD2")?.members.end == 2)
        // The years before the day are this register's alone, as they were.
        #expect(try report(r, nil, 2019).root == before2019.root)
        #expect(try report(r, "DK", 2021).root.members.start == 8)
        #expect(try r.memberFacts("EV02").history.events.map(\.unitCode) == ["DD1", "DD2"])
        #expect(try r.memberFacts("EV02").grades.map(\.grade) == [.excellent])
        #expect(try r.unitHistory("DN").map(\.change.kind) == [.moved])
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.absorb'") == 1)
        #expect(try r.check().filter { $0.severity == .error }.isEmpty)
        #expect(try RoundTripTests().reloaded(r, in: temp.directory).fingerprint() == r.fingerprint())
    }

    @Test(arguments: RegisterEngineKind.allCases) func aDryRunSaysWhatWouldHappenAndWritesNothing(_ kind: RegisterEngineKind) throws {
        let (temp, other) = try registers(on: kind)
        let audits = try temp.count("SELECT COUNT(*) FROM audit_log")
        let fingerprint = try temp.register.fingerprint()
        let dry = try temp.register.absorb(other.path, under: "DK", on: day("2020-06-01"), prefix: nil, dryRun: true)
        #expect(dry.dryRun && dry.moved == ["DN"] && dry.added.map(\.kind) == [.units, .members, .events, .grades])
        #expect(try temp.register.fingerprint() == fingerprint)
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log") == audits)
        #expect(try temp.count("SELECT COUNT(*) FROM unit WHERE code = 'DN'") == 0)
    }

    @Test(arguments: RegisterEngineKind.allCases) func clashingCodesAreRefusedWithTheirListOrWrittenWithThePrefix(_ kind: RegisterEngineKind) throws {
        let (temp, other) = try registers(on: kind)
        try other.addUnit(Unit(code: "TC", name: "Chi đoàn cơ sở Tổng công ty", kind: .grassrootsBranch, parentCode: "DN", openedOn: day("2015-01-01")))
        try other.addMember(Member(code: "DV001", fullName: "Trần Thị Mai 2", birthDate: day("1998-04-02"), gender: .female,
                                   education: .university, joinedOn: day("2016-05-01")), unitCode: "TC")
        let audits = try temp.count("SELECT COUNT(*) FROM audit_log")
        let refusal = try #require(throws: RegisterError.self) {
            try temp.register.absorb(other.path, under: "DK", on: day("2020-06-01"), prefix: nil, dryRun: false)
        }
        #expect(refusal.rule == .absorbClash && refusal.message.en.contains("units: TC") && refusal.message.en.contains("members: DV001"))
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log") == audits)
        #expect(try temp.count("SELECT COUNT(*) FROM unit WHERE code = 'DN'") == 0)
        let absorbed = try temp.register.absorb(other.path, under: "DK", on: day("2020-06-01"), prefix: "B-", dryRun: false)
        #expect(absorbed.codes.units == ["TC": "B-TC"] && absorbed.codes.members == ["DV001": "B-DV001"])
        // DV001 of the other register has the name and birth date of this one's DV002.
        #expect(absorbed.likelyDuplicates == [Absorption.LikelyDuplicate(ours: "DV002", theirs: "DV001", reason: .nameAndBirthDate)])
        #expect(try temp.register.memberFacts("B-DV001").history.events.first?.unitCode == "B-TC")
        #expect(try temp.register.unit("B-TC").parentCode == "DN")
    }

    @Test(arguments: RegisterEngineKind.allCases) func badOthersAreRefusedAndNothingIsWritten(_ kind: RegisterEngineKind) throws {
        let (temp, other) = try registers(on: kind)
        let audits = try temp.count("SELECT COUNT(*) FROM audit_log")
        // Before the other bloc opened, under a unit that is not a bloc, not a register, itself.
        #expect(throws: RegisterError.self) { try temp.register.absorb(other.path, under: "DK", on: day("2014-12-31"), prefix: nil, dryRun: false) }
        #expect((try? temp.register.absorb(other.path, under: "YT", on: day("2020-06-01"), prefix: nil, dryRun: false)) == nil)
        let text = temp.directory.appending(path: "notes.txt").path
        try "not a register".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: RegisterError.self) { try temp.register.absorb(text, under: "DK", on: day("2020-06-01"), prefix: nil, dryRun: false) }
        let itself = #expect(throws: RegisterError.self) { try temp.register.absorb(temp.path, under: "DK", on: day("2020-06-01"), prefix: nil, dryRun: false) }
        #expect(itself?.message.en.contains("cannot absorb itself") == true)
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log") == audits)
        #expect(try temp.count("SELECT COUNT(*) FROM unit WHERE code = 'DN'") == 0)
    }
}
