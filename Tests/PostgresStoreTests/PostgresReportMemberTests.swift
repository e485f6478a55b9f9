import Foundation
import GRDB
@testable import PostgresStore
import PostgresTestSupport
@testable import RegisterStore
import Testing

/// Migration 16's `report_member` on PostgreSQL: the same writes give the same packed rows
/// as on SQLite (the two views encode alike), and the triggers keep the table equal to its
/// view after events are added, backdated, moved and removed and a profile changes.
@Suite("What the report reads of each member, on PostgreSQL", .serialized)
struct PostgresReportMemberTests {
    /// The writes, with the sort key's literal of each engine.
    static func writes(blob: String) -> [String] {
        [
            "INSERT INTO unit (id, code, name, kind, opened_on) VALUES (1, 'DK', 'Đoàn Khối', 'bloc', '2015-01-01')",
            "INSERT INTO unit (id, code, name, kind, parent_id, opened_on) VALUES (2, 'TC', 'Chi đoàn', 'grassroots-branch', 1, '2015-01-01')",
            """
            INSERT INTO member (id, code, full_name, search_name, sort_key, birth_date, gender, education, joined_on)
            VALUES (1, 'DV1', 'Nguyễn Văn An', 'nguyen van an', \(blob), '1960-02-29', 'male', 'postgraduate', '2015-06-01'),
                   (2, 'DV2', 'Lê Thị Bình', 'le thi binh', \(blob), '1999-12-31', 'female', 'none', '2016-06-01')
            """,
            "INSERT INTO membership_event (member_id, kind, on_date, unit_id) VALUES (1, 'admitted', '2015-06-01', 2)",
            "INSERT INTO membership_event (member_id, kind, on_date, unit_id) VALUES (2, 'admitted', '2016-06-01', 2)",
            "INSERT INTO membership_event (member_id, kind, on_date, unit_id) VALUES (2, 'removed', '2024-05-01', 2)",
            "INSERT INTO membership_event (member_id, kind, on_date, unit_id) VALUES (1, 'admitted', '2014-01-01', 2)",
            """
            UPDATE member SET ethnicity = 'o-du', religion = 'Phật giáo', theory_level = 'advanced', party_joined_on = '2020-02-29'
            WHERE id = 1
            """,
            "UPDATE membership_event SET on_date = '2025-01-01' WHERE member_id = 2 AND kind = 'removed'",
            "DELETE FROM membership_event WHERE member_id = 1 AND on_date = '2014-01-01'",
        ]
    }

    static let rows = "SELECT member_id, unit_id, state, profile, religion FROM report_member ORDER BY member_id"

    @Test func theSameWritesGiveTheSameRowsOnBothEngines() throws {
        let (cluster, name, address) = try testDatabase()
        try PostgresMigrations.migrate(address, upTo: SchemaMigrations.identifiers.last!)
        let sqlite = try DatabaseQueue()
        try SchemaMigrations.migrator().migrate(sqlite)
        for sql in Self.writes(blob: "X'01'") { try sqlite.write { try $0.execute(sql: sql) } }
        for sql in Self.writes(blob: "'\\x01'::bytea") { try cluster.psql(name, sql) }
        let expected = try sqlite.read { db in
            try Row.fetchAll(db, sql: Self.rows).map { row in
                row.databaseValues.map { value -> String in
                    switch value.storage {
                    case .int64(let number): return String(number)
                    case .string(let text): return text
                    default: return ""
                    }
                }.joined(separator: "|")
            }
        }
        #expect(expected.count == 2)
        #expect(try cluster.psql(name, Self.rows) == expected)
        let differing = try cluster.psql(name, """
            SELECT (SELECT COUNT(*) FROM (SELECT * FROM report_member EXCEPT SELECT * FROM report_member_derived) a)
                 + (SELECT COUNT(*) FROM (SELECT * FROM report_member_derived EXCEPT SELECT * FROM report_member) b)
            """)
        #expect(differing == ["0"])
        try cluster.psql(name, "DELETE FROM membership_event WHERE member_id = 2; DELETE FROM member WHERE id = 2")
        #expect(try cluster.psql(name, "SELECT member_id FROM report_member") == ["1"])
    }
}
