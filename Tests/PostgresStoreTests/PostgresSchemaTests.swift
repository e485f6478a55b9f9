import Foundation
import GRDB
@testable import PostgresStore
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// A new database of the test cluster, and its address as sodoan reads it (through the
/// cluster's password file).
func testDatabase() throws -> (cluster: PostgresTestCluster, name: String, address: PostgresAddress) {
    let cluster = try PostgresTestCluster.shared()
    let name = try cluster.makeDatabase()
    guard case .postgres(let address) = try RegisterLocation.parse(cluster.url(name), from: .commandLine, environment: cluster.environment) else {
        throw ClusterError("\(cluster.url(name)) is no PostgreSQL address")
    }
    return (cluster, name, address)
}

@Suite("The schema on PostgreSQL", .serialized)
struct PostgresSchemaTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theStoreAppliesExactlyTheRepositorysPostgresSchemaFile() throws {
        let file = Self.repository.appending(path: "schema.postgres.sql")
        #expect(try String(contentsOf: file, encoding: .utf8) == EmbeddedPostgresSchema.sql)
    }

    /// A migration added to schema.sql without its PostgreSQL side fails here first.
    @Test func bothEnginesHaveTheSameMigrationsInTheSameOrder() {
        #expect(PostgresMigrations.sections.map(\.identifier) == SchemaMigrations.identifiers)
    }

    /// After each migration, every table and column SQLite has, PostgreSQL has, with a type
    /// that holds the same values; and the migrations table lists the same identifiers.
    @Test func afterEveryMigrationEachSQLiteTableAndColumnIsOnPostgreSQLWithItsType() throws {
        let (cluster, name, address) = try testDatabase()
        for identifier in SchemaMigrations.identifiers {
            try PostgresMigrations.migrate(address, upTo: identifier)
            let sqlite = try DatabaseQueue()
            try SchemaMigrations.migrator(upTo: identifier).migrate(sqlite)
            let expected = try sqlite.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT m.name AS tbl, c.name AS col, c.type AS type FROM sqlite_master m, pragma_table_info(m.name) c
                    WHERE m.type = 'table' AND m.name NOT GLOB 'sqlite_*' AND m.name NOT GLOB 'member_name_search_*'
                      AND m.name <> 'grdb_migrations'
                    """).map { ["\($0["tbl"] as String).\($0["col"] as String)", $0["type"] as String] }
            }
            let found = Dictionary(uniqueKeysWithValues: try cluster.psql(name, """
                SELECT table_name || '.' || column_name || '|' || data_type FROM information_schema.columns
                WHERE table_schema = current_schema()
                """).map { line in (String(line.split(separator: "|")[0]), String(line.split(separator: "|")[1])) })
            for column in expected {
                #expect(Self.compatible(sqlite: column[1], postgres: found[column[0]]), "after \(identifier): \(column[0]) is \(column[1]) on SQLite, \(found[column[0]] ?? "missing") on PostgreSQL")
            }
            let applied = try cluster.psql(name, "SELECT identifier FROM grdb_migrations")
            #expect(Set(applied) == Set(try sqlite.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }))
        }
        #expect(try PostgresSession.with(address) { try PostgresMigrations.state(in: $0) } == .register(applied: SchemaMigrations.identifiers))
    }

    /// SQLite's INTEGER holds 64 bits, as bigint does; TEXT is text; BLOB is bytea. The
    /// FTS5 table's column has no type on SQLite and is text on PostgreSQL.
    static func compatible(sqlite: String, postgres: String?) -> Bool {
        switch sqlite {
        case "INTEGER": return postgres == "bigint"
        case "TEXT", "": return postgres == "text"
        case "BLOB": return postgres == "bytea"
        default: return false
        }
    }

    @Test func theAuditLogCanBeNeitherUpdatedNorDeletedNorTruncatedOnPostgreSQL() throws {
        let (cluster, name, address) = try testDatabase()
        try PostgresMigrations.migrate(address)
        try cluster.psql(name, "INSERT INTO audit_log (at, command, action) VALUES ('2026-01-01T00:00:00Z', 'test', 'test')")
        for change in ["UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
            #expect(throws: ClusterError.self, "\(change)") { try cluster.psql(name, change) }
        }
        #expect(try cluster.psql(name, "SELECT action FROM audit_log") == ["test"])
    }

    @Test func theCheckConstraintsRefuseWhatSQLitesRefuse() throws {
        let (cluster, name, address) = try testDatabase()
        try PostgresMigrations.migrate(address)
        try cluster.psql(name, "INSERT INTO unit (code, name, kind, opened_on) VALUES ('DK', 'Đoàn Khối', 'bloc', '2024-02-29')")
        for bad in ["('A B', 'x', 'bloc', '2024-01-01')", "('B', 'x', 'bloc', '2023-02-29')", "('C', ' ', 'bloc', '2024-01-01')",
                    "('D', 'x', 'branch', '2024-01-01')", "('E', 'x', 'bloc', '2024-1-01')"] {
            #expect(throws: ClusterError.self, "\(bad)") {
                try cluster.psql(name, "INSERT INTO unit (code, name, kind, opened_on) VALUES \(bad)")
            }
        }
        #expect(try cluster.psql(name, "SELECT count(*) FROM unit") == ["1"])
    }

    /// sodoan_is_day says of each text what SQLite's date(x, '+0 days') IS x says.
    @Test func theDayCheckAgreesWithSQLitesOnEveryEdge() throws {
        let (cluster, name, address) = try testDatabase()
        try PostgresMigrations.migrate(address, upTo: SchemaMigrations.identifiers[0])
        let values = ["2024-02-29", "2023-02-29", "2024-02-30", "1900-02-29", "2000-02-29", "0000-02-29", "9999-12-31",
                      "2024-04-30", "2024-04-31", "2024-12-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01",
                      "2024-01-01x", " 2024-01-01", "abcd-ef-gh", "", "20240101", "2024-01-32"]
        let sqlite = try DatabaseQueue().read { db in
            try values.map { try Bool.fetchOne(db, sql: "SELECT date(?, '+0 days') IS ?", arguments: [$0, $0]) ?? false }
        }
        let list = values.enumerated().map { "('\($1)', \($0))" }.joined(separator: ", ")
        let postgres = try cluster.psql(name, "SELECT sodoan_is_day(v) FROM (VALUES \(list)) AS t(v, i) ORDER BY i").map { $0 == "t" }
        #expect(postgres == sqlite, "\(values)")
    }

    /// Migration 15's triggers keep the same words on both engines through an insert, a
    /// name changed (a word dropped, one added, one repeated) and a member removed.
    @Test func theNameWordTablesFollowMembersAsOnSQLite() throws {
        let (cluster, name, address) = try testDatabase()
        try PostgresMigrations.migrate(address)
        let sqlite = try DatabaseQueue()
        try SchemaMigrations.migrator().migrate(sqlite)
        let members = [("DV1", "nguyen van an"), ("DV2", "tran van binh"), ("DV3", "nguyen thi an an")]
        func changes(_ bytes: String) -> [String] {
            members.map { code, folded in
                """
                INSERT INTO member (code, full_name, search_name, sort_key, birth_date, gender, education, joined_on)
                VALUES ('\(code)', '\(folded)', '\(folded)', \(bytes), '2000-01-01', 'male', 'university', '2015-03-26')
                """
            } + ["UPDATE member SET search_name = 'tran binh binh minh' WHERE code = 'DV2'",
                 "UPDATE member SET search_name = search_name WHERE code = 'DV1'",
                 "DELETE FROM member WHERE code = 'DV3'"]
        }
        for change in changes("'\\x01'::bytea") { try cluster.psql(name, change) }
        try sqlite.write { db in for change in changes("X'01'") { try db.execute(sql: change) } }
        let words = ["SELECT word || '|' || (SELECT code FROM member WHERE id = member_id) || '|' || search_name FROM member_word ORDER BY word, member_id",
                     "SELECT word || '|' || members FROM name_word ORDER BY word"]
        for query in words {
            let expected = try sqlite.read { try String.fetchAll($0, sql: query) }
            #expect(!expected.isEmpty)
            #expect(try cluster.psql(name, query) == expected, "\(query)")
        }
        #expect(try cluster.psql(name, "SELECT to_regclass('member_name_search') IS NULL") == ["t"])
    }

    @Test func migratingTwiceAppliesNothingMoreAndANewerRegisterIsRefused() throws {
        let (cluster, name, address) = try testDatabase()
        try PostgresMigrations.migrate(address)
        try PostgresMigrations.migrate(address)
        #expect(try cluster.psql(name, "SELECT count(*) FROM grdb_migrations") == ["\(SchemaMigrations.identifiers.count)"])
        try cluster.psql(name, "INSERT INTO grdb_migrations VALUES ('99 from the future')")
        #expect(throws: RegisterError.self) { try PostgresSource.open(address) }
    }
}
