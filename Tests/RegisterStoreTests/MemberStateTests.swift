import Foundation
import GRDB
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// `member_state` (migration 9) is derived data: after any write, by a command, an import
/// (the bulk load suspends its trigger and catches up at the end), by hand in SQL, or a
/// migration of an older register, it holds exactly each member's latest event in the
/// history, and the report's counts from it equal the counts from the history itself.
@Suite("The kept latest event of each member always equals the history", .serialized)
struct MemberStateTests {
    /// The kept rows, and the same rows worked out from `membership_event`.
    func keptAndDerived(_ register: Register) throws -> (kept: [[SQLValue]], derived: [[SQLValue]]) {
        try register.readSQL { db in
            let kept = try db.rows("SELECT member_id, event_id, kind, on_date, unit_id FROM member_state ORDER BY member_id", .none)
            let derived = try db.rows("""
                SELECT e.member_id, e.id, e.kind, e.on_date, e.unit_id FROM membership_event e
                WHERE e.id = \(MembershipSQL.lastEventID(memberColumn: "e.member_id", dayArgument: "'9999-12-31'"))
                ORDER BY e.member_id
                """, .none)
            return (kept.map(\.values), derived.map(\.values))
        }
    }

    func expectEqual(_ register: Register, _ comment: Comment) throws {
        let (kept, derived) = try keptAndDerived(register)
        #expect(kept == derived, comment)
        #expect(!kept.isEmpty, comment)
    }

    func file(_ temp: TemporaryRegister, _ name: String, _ text: String) throws -> String {
        let path = temp.directory.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: RegisterEngineKind.allCases) func commandsImportsAndHandWrittenSQL(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let register = temp.register
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1995-01-01", joined: "2016-06-01")
        try expectEqual(register, "after member add")
        try register.transferMember("DV1", to: "TC", on: day("2020-01-01"))
        try register.endMembership("DV2", .removed, on: day("2021-05-01"), reason: "Chuyển vùng")
        try expectEqual(register, "after a transfer and a removal")
        _ = try register.updateMember("DV2") { $0.joinedOn = day("2016-01-01") }
        try expectEqual(register, "after a changed joining day moved the admission")

        // Into an empty register the load suspends the trigger and catches up at the end.
        let empty = try TemporaryRegister(on: kind)
        let members = try file(empty, "members.csv", """
            code,full_name,birth_date,gender,unit,joined_on,education
            DV1,Nguyễn Văn An,1994-01-01,male,YT-VP,2015-06-01,university
            DV2,Lê Thị Bình,1995-01-01,female,YT-BV,2016-06-01,university

            """)
        _ = try empty.register.importFile(.members, from: members, dryRun: false)
        try expectEqual(empty.register, "after a load into an empty register")
        let triggers = kind == .file
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'member_state_*'"
            : "SELECT COUNT(*) FROM pg_trigger WHERE tgname LIKE 'member\\_state\\_%' AND tgenabled = 'O'"
        #expect(try empty.count(triggers) == 3)
        let more = try file(empty, "more.csv", """
            code,full_name,birth_date,gender,unit,joined_on,education
            DV3,Trần Văn Cường,1993-01-01,male,TC,2017-06-01,university
            DV1,Nguyễn Văn An,1994-01-01,male,YT-VP,2015-05-01,university

            """)
        _ = try empty.register.importFile(.members, from: more, dryRun: false)
        try expectEqual(empty.register, "after an import of a new member and a changed joining day")
        let events = try file(empty, "events.csv", """
            code,event,on,unit,reason
            DV3,transferred,2019-01-01,YT-BV,
            DV3,matured,2024-03-26,YT-BV,

            """)
        _ = try empty.register.importFile(.events, from: events, dryRun: false)
        try expectEqual(empty.register, "after an import of events")

        // By hand: a backdated event, an event moved to another day and to another member, one deleted.
        try temp.tamper("INSERT INTO membership_event (member_id, kind, on_date, unit_id, from_unit_id) VALUES (1, 'transferred', '2018-01-01', 3, 2)")
        try expectEqual(register, "after a backdated event")
        #expect(try temp.count("SELECT COUNT(*) FROM membership_event WHERE id = 5 AND member_id = 1 AND on_date = '2018-01-01'") == 1)
        try temp.tamper("UPDATE membership_event SET on_date = '2025-01-01' WHERE id = 5")
        try expectEqual(register, "after an event moved to a later day")
        try temp.tamper("UPDATE membership_event SET member_id = 2 WHERE id = 5")
        try expectEqual(register, "after an event moved to another member")
        try temp.tamper("DELETE FROM membership_event WHERE id = 5")
        try expectEqual(register, "after an event deleted")
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRefusedImportLeavesItAsItWas(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        let before = try keptAndDerived(temp.register).kept
        let members = try file(temp, "members.csv", """
            code,full_name,birth_date,gender,unit,joined_on,education
            DV2,Lê Thị Bình,1995-01-01,female,YT-BV,2016-06-01,university
            DV3,Trần Văn Cường,2012-01-01,male,TC,2017-06-01,university

            """)
        #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: members, dryRun: false) }
        #expect(try keptAndDerived(temp.register).kept == before)
        try expectEqual(temp.register, "after a refused import")
    }

    @Test func anOlderRegisterWithHistoryGetsItOnMigration() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1995-01-01", joined: "2016-06-01")
        try temp.register.transferMember("DV1", to: "TC", on: day("2020-01-01"))
        // What a sodoan before migration 9 left: the same history, no kept state.
        try temp.register.database.write { db in
            try db.execute(sql: """
                DROP TABLE member_state; DROP INDEX membership_event_unit; DROP TRIGGER member_state_event_insert;
                DROP TRIGGER member_state_event_update; DROP TRIGGER member_state_event_delete;
                DELETE FROM grdb_migrations WHERE identifier GLOB '9 *';
                """)
        }
        let reopened = try Register.open(at: temp.path, command: "test")
        try expectEqual(reopened, "after the migration")
    }

    @Test(arguments: RegisterEngineKind.allCases) func theReportCountsFromTheKeptStateEqualThoseFromTheHistory(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1995-01-01", joined: "2016-06-01", unit: "YT-BV")
        try temp.addMember("DV3", "Trần Văn Cường", born: "1996-01-01", joined: "2017-06-01", unit: "TC")
        try temp.register.transferMember("DV1", to: "TC", on: day("2020-01-01"))
        try temp.register.endMembership("DV2", .removed, on: day("2024-05-01"), reason: "Chuyển vùng")
        // Days before, on and after each event: members with an event after the day are
        // looked up in the history, the others read from the kept state.
        for text in ["2015-05-31", "2015-06-01", "2019-12-31", "2020-01-01", "2024-04-30", "2024-05-01", "2030-01-01"] {
            let fromHistory = try temp.register.readSQL { db in
                try db.rows("""
                    SELECT c.ancestor_id AS unit_id, COUNT(*) AS n FROM member m
                    JOIN membership_event e ON e.id = \(MembershipSQL.lastEventID(memberColumn: "m.id", dayArgument: ":day"))
                    JOIN unit_closure c ON c.descendant_id = e.unit_id
                    WHERE e.kind IN \(MembershipSQL.activeKinds) GROUP BY c.ancestor_id
                    """, ["day": text]).map { (try $0.integer("unit_id"), Int(try $0.integer("n"))) }
            }
            let kept = try temp.register.readSQL { db in try temp.register.activeMemberCounts(on: day(text), in: db) }
            #expect(kept == Dictionary(uniqueKeysWithValues: fromHistory), "on \(text)")
        }
    }
}
