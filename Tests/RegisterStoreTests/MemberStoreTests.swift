import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("Members and their history in the store", .serialized)
struct MemberStoreTests {
    @Test(arguments: RegisterEngineKind.allCases) func membershipAsOfADayFollowsTheHistory(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "2000-05-10", joined: "2018-03-26")
        try temp.register.transferMember("DV1", to: "TC", on: day("2024-03-01"))
        try temp.register.endMembership("DV1", .matured, on: day("2026-06-01"), reason: "Trưởng thành")

        func unitOn(_ text: String) throws -> [String] {
            try temp.register.members(MemberQuery(asOf: day(text))).map(\.unitCode)
        }
        #expect(try unitOn("2018-03-25") == [])
        #expect(try unitOn("2018-03-26") == ["YT-VP"])
        #expect(try unitOn("2024-02-29") == ["YT-VP"])
        #expect(try unitOn("2024-03-01") == ["TC"])
        #expect(try unitOn("2026-06-01") == [])
        #expect(try temp.register.members(MemberQuery(status: "matured", asOf: day("2026-06-01"))).map(\.member.code) == ["DV1"])
        #expect(try temp.register.members(MemberQuery(unitCode: "YT", asOf: day("2023-12-31"))).count == 1)
        #expect(try temp.register.members(MemberQuery(unitCode: "YT", asOf: day("2024-12-31"))).count == 0)
    }

    @Test(arguments: RegisterEngineKind.allCases) func listsSortInVietnameseOrderAndSearchIgnoresDiacritics(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Trần Văn Bình", born: "2000-01-01", joined: "2018-01-01")
        try temp.addMember("DV2", "Nguyễn Văn An", born: "2000-01-01", joined: "2018-01-01")
        try temp.addMember("DV3", "Lê Thị Ánh", born: "2000-01-01", joined: "2018-01-01")
        try temp.addMember("DV4", "Đỗ Đức Anh", born: "2000-01-01", joined: "2018-01-01")
        let all = try temp.register.members(MemberQuery(asOf: today)).map(\.member.fullName)
        #expect(all == ["Nguyễn Văn An", "Đỗ Đức Anh", "Lê Thị Ánh", "Trần Văn Bình"])
        #expect(try temp.register.members(MemberQuery(search: "nguyen van an", asOf: today)).map(\.member.code) == ["DV2"])
        #expect(try temp.register.members(MemberQuery(search: "DUC", asOf: today)).map(\.member.code) == ["DV4"])
        #expect(try temp.register.members(MemberQuery(search: "anh", asOf: today)).map(\.member.code) == ["DV4", "DV3"])
        #expect(try temp.register.members(MemberQuery(search: "dv3", asOf: today)).map(\.member.code) == ["DV3"])
        #expect(try temp.register.members(MemberQuery(search: "100%", asOf: today)).isEmpty)
    }

    @Test(arguments: RegisterEngineKind.allCases) func dueMaturityListsOver30WithoutOfficeAndOver35(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("OLD", "Phạm Văn Cao", born: "1995-01-01", joined: "2015-06-01")
        try temp.addMember("CADRE", "Hồ Thị Dung", born: "1995-01-01", joined: "2015-06-01")
        try temp.register.addOffice(Office(memberCode: "CADRE", unitCode: "YT-VP", role: .secretary, from: day("2020-01-01")))
        try temp.addMember("YOUNG", "Vũ Văn Em", born: "2000-01-01", joined: "2016-01-01")
        let due = try temp.register.members(MemberQuery(dueMaturity: true, asOf: today))
        #expect(due.map(\.member.code) == ["OLD"])
        #expect(due.first?.flag == .dueForMaturity)
        let later = try temp.register.members(MemberQuery(dueMaturity: true, asOf: day("2030-01-02")))
        // Cao, Dung, Em in Vietnamese order; the first two are over 35, office or not.
        #expect(later.map(\.member.code) == ["OLD", "CADRE", "YOUNG"])
        #expect(later.map(\.flag) == [.overAgeLimit, .overAgeLimit, .dueForMaturity])
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRefusedWriteLeavesNoRowAndNoAuditRow(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let audits = try temp.count("SELECT COUNT(*) FROM audit_log")
        #expect(throws: RegisterError.self) { try temp.addMember("KID", "Bé Tí", born: "2012-01-01", joined: "2026-01-01") }
        #expect(throws: RegisterError.self) { try temp.addMember("X", "Ai Đó", born: "2000-01-01", joined: "2018-01-01", unit: "YT") }
        #expect(throws: RegisterError.self) { try temp.addMember("X", "Ai Đó", born: "2000-01-01", joined: "2018-01-01", unit: "NOPE") }
        #expect(try temp.count("SELECT COUNT(*) FROM member") == 0)
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log") == audits)
    }

    @Test(arguments: RegisterEngineKind.allCases) func duplicateCodesAndNationalIDsAreRefusedNamingTheOtherMember(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "2000-01-01", joined: "2018-01-01")
        let error = #expect(throws: RegisterError.self) { try temp.addMember("DV1", "Lê Văn Bình", born: "2000-01-01", joined: "2018-01-01") }
        #expect(error?.message.vi.contains("Nguyễn Văn An") == true)
        _ = try temp.register.updateMember("DV1") { $0.idNumber = "001200012345" }
        try temp.addMember("DV2", "Lê Văn Bình", born: "2000-01-01", joined: "2018-01-01")
        #expect(throws: RegisterError.self) { _ = try temp.register.updateMember("DV2") { $0.idNumber = "001200012345" } }
    }

    @Test(arguments: RegisterEngineKind.allCases) func everyWriteLeavesOneAuditRowWithOldAndNewValues(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "2000-01-01", joined: "2018-01-01")
        _ = try temp.register.updateMember("DV1") { $0.phone = "0912345678" }
        try temp.register.transferMember("DV1", to: "YT-BV", on: day("2020-01-01"))
        let log = try temp.register.auditLog(memberCode: "DV1")
        #expect(log.map(\.action) == ["member.add", "member.update", "member.transfer"])
        #expect(log[1].oldValue?.contains("0912345678") == false)
        #expect(log[1].newValue?.contains("0912345678") == true)
        #expect(log[0].newValue?.contains(#""full_name":"Nguyễn Văn An""#) == true)
    }

    @Test(arguments: RegisterEngineKind.allCases) func changingTheJoiningDateMovesTheAdmissionAndIsRechecked(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "2000-01-01", joined: "2018-01-01")
        _ = try temp.register.updateMember("DV1") { $0.joinedOn = day("2017-06-01") }
        #expect(try temp.register.memberFacts("DV1").history.events.first?.on == day("2017-06-01"))
        #expect(throws: RegisterError.self) { _ = try temp.register.updateMember("DV1") { $0.joinedOn = day("2014-06-01") } }
    }

    @Test(arguments: RegisterEngineKind.allCases) func twoConnectionsWritingAtOnceBothKeepEveryWrite(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let writers = [temp.register, try temp.reopened(command: "other")]
        let perWriter = 40
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let register = writers[writer]
            for index in 0..<perWriter {
                let code = "W\(writer)-\(index)"
                failures.record {
                    try register.addMember(Member(code: code, fullName: "Người Số \(index)", birthDate: day("2000-01-01"), gender: .male,
                                                  education: .university, joinedOn: day("2018-01-01")),
                                           unitCode: writer == 0 ? "YT-VP" : "TC")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try temp.count("SELECT COUNT(*) FROM member") == 2 * perWriter)
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log WHERE action = 'member.add'") == 2 * perWriter)
    }

    @Test(arguments: RegisterEngineKind.allCases) func unitsCloseOnlyWhenEmptyAndStayInTheTree(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "2000-01-01", joined: "2018-01-01", unit: "YT-BV")
        #expect(throws: RegisterError.self) { try temp.register.closeUnit("YT-BV", on: day("2024-06-30")) }
        #expect(throws: RegisterError.self) { try temp.register.closeUnit("YT", on: day("2024-06-30")) }
        try temp.register.transferMember("DV1", to: "YT-VP", on: day("2024-06-01"))
        try temp.register.closeUnit("YT-BV", on: day("2024-06-30"))
        #expect(try temp.register.unitTree(on: day("2024-06-29")).map(\.unit.code).contains("YT-BV"))
        #expect(!(try temp.register.unitTree(on: day("2024-06-30")).map(\.unit.code).contains("YT-BV")))
        #expect(try temp.register.unitTree(on: today, includeClosed: true).map(\.unit.code).contains("YT-BV"))
        #expect(throws: RegisterError.self) { try temp.register.transferMember("DV1", to: "YT-BV", on: day("2024-07-01")) }
    }

    /// On a file: a PostgreSQL register's backup is a copy onto a file (`sodoan backup`, `RegisterCopy`).
    @Test func backupIsAConsistentOwnerOnlyCopy() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "2000-01-01", joined: "2018-01-01")
        let copy = temp.directory.appending(path: "copy.db").path
        try temp.register.backup(to: copy)
        let attributes = try FileManager.default.attributesOfItem(atPath: copy)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let restored = try Register.open(at: copy, command: "test")
        #expect(try restored.memberFacts("DV1").member.fullName == "Nguyễn Văn An")
        #expect(try restored.check().filter { $0.severity == .error }.isEmpty)
        #expect(throws: RegisterError.self) { try temp.register.backup(to: copy) }
    }

    @Test(arguments: RegisterEngineKind.allCases) func checkFindsWhatWasChangedBehindSodoansBack(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "2000-01-01", joined: "2018-01-01")
        #expect(try temp.register.check().filter { $0.severity == .error }.isEmpty)
        try temp.tamper("""
            UPDATE member SET full_name = 'Nguyễn Văn Ân';
            INSERT INTO membership_event (member_id, kind, on_date, unit_id) VALUES (1, 'matured', '2017-01-01', 3);
            DELETE FROM unit_closure WHERE depth = 2
            """)
        let codes = Set(try temp.register.check().filter { $0.severity == .error }.map(\.code))
        #expect(codes == ["derived-name", "event-order", "unit-closure"])
    }
}
