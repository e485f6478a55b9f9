import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("Schema and migrations")
struct SchemaTests {
    @Test func theStoreAppliesExactlyTheRepositorysSchemaFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "schema.sql")
        #expect(try String(contentsOf: file, encoding: .utf8) == EmbeddedSchema.sql)
        #expect(SchemaMigrations.identifiers.first == "1 register")
    }

    @Test func aRegisterMadeBeforeMigration2IsMigratedOnOpenKeepingItsData() throws {
        // What an older sodoan left: only the first migration, with a unit in it.
        let old = try OlderRegister(upTo: "1 register", rows: """
            INSERT INTO unit (code, name, kind, opened_on) VALUES ('DK', 'Đoàn Khối', 'bloc', '2015-01-01');
            INSERT INTO unit_closure VALUES (1, 1, 0);
            """)
        let path = old.path
        #expect(try DatabaseQueue(path: path).read { try $0.tableExists("grade") } == false)

        let register = try Register.open(at: path, command: "test")
        #expect(try register.appliedMigrations() == SchemaMigrations.identifiers)
        #expect(try register.unit("DK").name == "Đoàn Khối")
        #expect(try register.read { try $0.tableExists("grade") })
    }

    @Test func aRegisterFromANewerSodoanIsRefused() throws {
        let temp = try TemporaryRegister(tree: false)
        try temp.register.database.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('99 from the future')")
        }
        #expect(throws: RegisterError.self) { try Register.open(at: temp.path, command: "test") }
    }

    @Test func auditRowsCanBeNeitherUpdatedNorDeleted() throws {
        let temp = try TemporaryRegister(tree: false)
        #expect(throws: DatabaseError.self) {
            try temp.register.database.write { db in
                try db.execute(sql: "UPDATE audit_log SET action = 'forged'")
            }
        }
        #expect(throws: DatabaseError.self) {
            try temp.register.database.write { db in
                try db.execute(sql: "DELETE FROM audit_log")
            }
        }
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.init'") == 1)
    }

    @Test func theSchemaRefusesWhatTheDomainWouldHaveRefused() throws {
        let temp = try TemporaryRegister()
        for sql in [
            "INSERT INTO unit (code, name, kind, parent_id, opened_on) VALUES ('X', 'X', 'branch', 1, '2024-02-30')",
            "INSERT INTO unit (code, name, kind, parent_id, opened_on) VALUES ('X', 'X', 'platoon', 1, '2024-02-01')",
            "INSERT INTO unit (code, name, kind, opened_on) VALUES ('X', 'X', 'branch', '2024-02-01')",
            "INSERT INTO member (code, full_name, search_name, sort_key, birth_date, gender, education, joined_on) VALUES ('A', 'A', 'a', x'00', '2000-01-01', 'other', 'university', '2016-01-01')",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try temp.register.database.write { db in
                    try db.execute(sql: sql)
                }
            }
        }
    }
}
