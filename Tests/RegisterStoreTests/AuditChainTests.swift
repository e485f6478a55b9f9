import Foundation
import GRDB
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("The audit log's hash chain (migration 5)", .serialized)
struct AuditChainTests {
    @Test(arguments: RegisterEngineKind.allCases) func everyRowIsChainedAndTheHeadIsTheLastRowsHash(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        try temp.register.readSQL { db in
            let rows = try db.rows("SELECT * FROM audit_log ORDER BY id", .none)
            #expect(rows.count == 6)
            var previous: String?
            for row in rows {
                let columns = Array(zip(row.columns, row.values))
                #expect(row["hash"] == .text(AuditChain.hash(columns, previous: previous)))
                previous = try row.optionalText("hash")
            }
            #expect(try db.value("SELECT audit_head FROM content_version") == previous.map(SQLValue.text))
            #expect(try AuditChain.findings(in: db).isEmpty)
        }
    }

    @Test func aColumnALaterMigrationAddsJoinsTheHashOnlyWhereItIsSet() {
        let row: [(String, SQLValue)] = [("id", .integer(1)), ("action", .text("unit.add"))]
        #expect(AuditChain.hash(row + [("actor", .null)], previous: nil) == AuditChain.hash(row, previous: nil))
        #expect(AuditChain.hash(row + [("actor", .text("lan"))], previous: nil) != AuditChain.hash(row, previous: nil))
        #expect(AuditChain.hash(row, previous: "a") != AuditChain.hash(row, previous: nil))
    }

    @Test func aRegisterFromBeforeMigration5IsMarkedAndItsAuditRowsChainedOnOpen() throws {
        let old = try OlderRegister(upTo: "4 content version", rows: """
            INSERT INTO register_info VALUES ('name', 'Đoàn Khối');
            INSERT INTO unit (code, name, kind, opened_on) VALUES ('DK', 'Đoàn Khối', 'bloc', '2015-01-01');
            INSERT INTO unit_closure VALUES (1, 1, 0);
            INSERT INTO audit_log (at, command, action) VALUES ('2024-01-01T00:00:00Z', 'sodoan', 'register.init'),
                ('2024-01-01T00:00:00Z', 'sodoan', 'unit.add'), ('2024-01-01T00:00:00Z', 'sodoan', 'member.add');
            """)
        let path = old.path
        #expect(try RegisterFile.identify(path) == .register)

        let register = try Register.open(at: path, command: "test")
        try register.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id")
            #expect(applicationID == RegisterFile.applicationID)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE hash IS NULL") == 0)
            #expect(try AuditChain.findings(in: db).isEmpty)
            #expect(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'audit_log_never_updated'") != nil)
        }
        try register.addUnit(Unit(code: "YT", name: "Đoàn cơ sở Sở Y tế", kind: .grassrootsUnion, parentCode: "DK", openedOn: day("2015-01-01")))
        #expect(try register.auditChainFindings().isEmpty)
        #expect(try register.check(asOf: today).filter { $0.severity == .error }.isEmpty)
    }
}

@Suite("SQLite failures as refusals naming the file")
struct StorageFailureTests {
    @Test(arguments: [
        (ResultCode.SQLITE_READONLY, RegisterError.Kind.storageFailed, "is read-only"),
        (.SQLITE_BUSY, .storageFailed, "locked for more than 30 seconds"),
        (.SQLITE_FULL, .storageFailed, "the disk is full"),
        (.SQLITE_IOERR, .storageFailed, "could not be read or written"),
        (.SQLITE_CORRUPT, .badInput, "is damaged"),
        (.SQLITE_NOTADB, .badInput, "is damaged"),
    ])
    func eachFailureSaysWhatHappenedToWhichFileAndWhatToDo(_ code: ResultCode, _ kind: RegisterError.Kind, _ words: String) {
        let refusal = StorageFailure.refusal(DatabaseError(resultCode: code, message: "raw"), path: "/data/so.db")
        #expect(refusal.kind == kind)
        #expect(refusal.message.en.contains("/data/so.db") && refusal.message.en.contains(words), "\(refusal.message.en)")
        #expect(refusal.message.vi.contains("/data/so.db"))
        #expect(refusal.message.en.contains("Nothing was changed"))
        #expect(refusal.fix != nil)
    }
}
