import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("Stored name sort keys follow the domain's key")
struct NameSortKeyVersionTests {
    private func storedVersion(_ register: Register) throws -> String? {
        try register.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM register_info WHERE key = ?", arguments: [RegisterInfoTable.sortKeyVersionKey])
        }
    }

    private func names(_ register: Register) throws -> [String] {
        try register.members(MemberQuery(asOf: today)).map(\.member.fullName)
    }

    @Test func aNewRegisterRecordsTheCurrentKeyVersion() throws {
        let temp = try TemporaryRegister(tree: false)
        #expect(try storedVersion(temp.register) == String(VietnameseText.nameSortKeyVersion))
    }

    /// A register whose keys an older sodoan computed (here: keys in code order, and no
    /// version recorded, as every register made before versions were) is put right on open,
    /// and opening it again writes nothing.
    @Test func keysOfAnOlderVersionAreRecomputedOnceOnOpen() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("A1", "Lê Thị Ánh", born: "2000-01-01", joined: "2018-01-01")
        try temp.addMember("A2", "Ngô Hữu Anh", born: "2000-01-01", joined: "2018-01-01")
        try temp.addMember("A3", "Nguyễn Ngọc Anh", born: "2000-01-01", joined: "2018-01-01")
        let fingerprint = try temp.register.fingerprint()
        try temp.register.database.write { db in
            try db.execute(sql: "UPDATE member SET sort_key = CAST(code AS BLOB)")
            try db.execute(sql: "DELETE FROM register_info WHERE key = ?", arguments: [RegisterInfoTable.sortKeyVersionKey])
        }
        #expect(try names(temp.register) == ["Lê Thị Ánh", "Ngô Hữu Anh", "Nguyễn Ngọc Anh"])
        #expect(try temp.register.check().contains { $0.code == "derived-name" })

        let reopened = try Register.open(at: temp.path, command: "test", clock: .fixed(today: today))
        #expect(try names(reopened) == ["Ngô Hữu Anh", "Nguyễn Ngọc Anh", "Lê Thị Ánh"])
        #expect(try storedVersion(reopened) == String(VietnameseText.nameSortKeyVersion))
        #expect(try reopened.check().filter { $0.severity == .error }.isEmpty)
        #expect(try reopened.fingerprint() == fingerprint)

        let state = "SELECT (SELECT version FROM content_version) * 1000 + (SELECT COUNT(*) FROM audit_log)"
        let before = try temp.count(state)
        let again = try Register.open(at: temp.path, command: "test", clock: .fixed(today: today))
        #expect(try again.read { db in try Int.fetchOne(db, sql: state) } == before)
        #expect(try names(again) == ["Ngô Hữu Anh", "Nguyễn Ngọc Anh", "Lê Thị Ánh"])
    }

    @Test func aKeyVersionOtherThanTheCurrentOneIsRecomputedToo() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("A1", "Phạm Văn Dũng", born: "2000-01-01", joined: "2018-01-01")
        try temp.addMember("A2", "Vũ Thị Dung", born: "2000-01-01", joined: "2018-01-01")
        try temp.register.database.write { db in
            try db.execute(sql: "UPDATE member SET sort_key = CAST(code AS BLOB)")
            try db.execute(sql: "UPDATE register_info SET value = '99' WHERE key = ?", arguments: [RegisterInfoTable.sortKeyVersionKey])
        }
        let reopened = try Register.open(at: temp.path, command: "test", clock: .fixed(today: today))
        #expect(try names(reopened) == ["Vũ Thị Dung", "Phạm Văn Dũng"])
        #expect(try storedVersion(reopened) == String(VietnameseText.nameSortKeyVersion))
    }
}
