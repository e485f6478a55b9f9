import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("Migration 6: arrivals and departures")
struct ArrivalMigrationTests {
    @Test func aRegisterMadeBeforeMigration6KeepsItsEventsTriggersAndIndexes() throws {
        // What sodoan left before arrivals existed: a member admitted and transferred.
        let old = try OlderRegister(upTo: "4 content version", rows: """
            INSERT INTO unit (code, name, kind, parent_id, opened_on) VALUES
                ('DK', 'Đoàn Khối', 'bloc', NULL, '2015-01-01'), ('A', 'Chi đoàn A', 'grassroots-branch', 1, '2015-01-01'),
                ('B', 'Chi đoàn B', 'grassroots-branch', 1, '2015-01-01');
            INSERT INTO unit_closure VALUES (1, 1, 0), (2, 2, 0), (1, 2, 1), (3, 3, 0), (1, 3, 1);
            INSERT INTO member (code, full_name, search_name, sort_key, birth_date, gender, education, joined_on)
                VALUES ('DV1', 'Nguyễn Văn An', 'nguyen van an', x'00', '2000-01-01', 'male', 'university', '2018-03-26');
            INSERT INTO membership_event (member_id, kind, on_date, unit_id, from_unit_id, reason) VALUES
                (1, 'admitted', '2018-03-26', 2, NULL, NULL), (1, 'transferred', '2020-01-01', 3, 2, 'Chuyển công tác');
            """)
        let versionBefore = try DatabaseQueue(path: old.path).read { try Int.fetchOne($0, sql: "SELECT version FROM content_version") }

        let register = try Register.open(at: old.path, command: "test", clock: .fixed(today: today))
        #expect(try register.appliedMigrations() == SchemaMigrations.identifiers)
        let history = try register.memberFacts("DV1").history
        #expect(history.events.map(\.kind) == [.admitted, .transferred])
        #expect(history.events.last?.reason == "Chuyển công tác" && history.events.last?.fromUnitCode == "A")
        let objects = try register.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'membership_event' AND type IN ('index', 'trigger') ORDER BY name")
        }
        // Migration 9, applied after 6, adds its index and the triggers that keep member_state.
        #expect(objects == ["content_version_membership_event_delete", "content_version_membership_event_insert",
                            "content_version_membership_event_update", "member_state_event_delete", "member_state_event_insert",
                            "member_state_event_update", "membership_event_day", "membership_event_member", "membership_event_unit"])
        #expect(try register.read { try Int.fetchOne($0, sql: "SELECT version FROM content_version") } != versionBefore)
        // The rebuilt table takes the new kinds and moves the content version with them.
        let moved = try register.read { try Int.fetchOne($0, sql: "SELECT version FROM content_version") }
        try register.leaveMember("DV1", on: day("2024-03-01"), to: "Đoàn Khối Doanh nghiệp", letterNo: "5-GGT")
        #expect(try register.read { try Int.fetchOne($0, sql: "SELECT version FROM content_version") } != moved)
    }

    @Test func theSchemaRefusesAnArrivalWithoutItsPlaceAndAStayWithoutItsEnd() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "2000-01-01", joined: "2018-03-26")
        for sql in [
            "INSERT INTO membership_event (member_id, kind, on_date, unit_id) VALUES (1, 'arrived', '2024-01-01', 2)",
            "INSERT INTO membership_event (member_id, kind, on_date, unit_id, place) VALUES (1, 'hosted', '2024-01-01', 2, 'X')",
            "INSERT INTO membership_event (member_id, kind, on_date, unit_id, place, until_on) VALUES (1, 'away', '2024-01-01', 2, 'X', '2023-12-31')",
            "INSERT INTO membership_event (member_id, kind, on_date, unit_id, letter_no) VALUES (1, 'matured', '2024-01-01', 2, '5/GGT')",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try temp.register.database.write { db in try db.execute(sql: sql) }
            }
        }
    }
}
