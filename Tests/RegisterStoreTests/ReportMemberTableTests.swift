import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

/// `report_member` (migration 16) is derived data: after any write, by a command, an
/// import (the bulk load suspends its trigger and catches up at the end), by hand in SQL,
/// or a migration of an older register, it holds exactly what its view derives from
/// `member_state` and `member`; the store reads every code and day of it back to the value
/// it was written from; the report's counts from it equal those from the history on the
/// day before and the day of each event; and `check` names a member whose row is wrong.
@Suite("What the report reads of each member always equals its sources")
struct ReportMemberTableTests {
    /// The rows that differ between the kept table and its view, both ways.
    func differences(_ register: Register) throws -> Int {
        try register.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM (SELECT * FROM report_member EXCEPT SELECT * FROM report_member_derived))
                     + (SELECT COUNT(*) FROM (SELECT * FROM report_member_derived EXCEPT SELECT * FROM report_member))
                """) ?? -1
        }
    }

    func expectKept(_ temp: TemporaryRegister, _ comment: Comment) throws {
        #expect(try differences(temp.register) == 0, comment)
        #expect(try temp.count("SELECT COUNT(*) FROM report_member") == temp.count("SELECT COUNT(*) FROM member_state"), comment)
        #expect(try temp.count("SELECT COUNT(*) FROM report_member") > 0, comment)
    }

    func file(_ temp: TemporaryRegister, _ name: String, _ text: String) throws -> String {
        let path = temp.directory.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func commandsImportsAndHandWrittenSQL() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1995-01-01", joined: "2016-06-01")
        try expectKept(temp, "after member add")
        try temp.register.transferMember("DV1", to: "TC", on: day("2020-01-01"))
        try temp.register.endMembership("DV2", .removed, on: day("2021-05-01"), reason: "Chuyển vùng")
        try expectKept(temp, "after a transfer and a removal")
        _ = try temp.register.updateMember("DV1") {
            $0.ethnicity = Ethnicity(code: "tay")
            $0.religion = .named("Phật giáo")
            $0.enteredTheory = .elementary
            $0.partyJoinedOn = day("2022-03-01")
            $0.birthDate = day("1994-02-01")
            $0.gender = .male
            $0.education = .college
        }
        try expectKept(temp, "after every profile column changed")
        _ = try temp.register.updateMember("DV2") { $0.joinedOn = day("2016-01-01") }
        try expectKept(temp, "after a changed joining day moved the admission")

        let empty = try TemporaryRegister()
        let members = try file(empty, "members.csv", """
            code,full_name,birth_date,gender,unit,joined_on,education
            DV1,Nguyễn Văn An,1994-01-01,male,YT-VP,2015-06-01,university
            DV2,Lê Thị Bình,1995-01-01,female,YT-BV,2016-06-01,university

            """)
        _ = try empty.register.importFile(.members, from: members, dryRun: false)
        try expectKept(empty, "after a load into an empty register")
        #expect(try empty.count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'report_member_*'") == 5)
        let more = try file(empty, "more.csv", """
            code,full_name,birth_date,gender,unit,joined_on,education
            DV3,Trần Văn Cường,1993-01-01,male,TC,2017-06-01,university
            DV1,Nguyễn Văn An,1994-01-01,male,YT-VP,2015-05-01,university

            """)
        _ = try empty.register.importFile(.members, from: more, dryRun: false)
        try expectKept(empty, "after an import of a new member and a changed joining day")
        let events = try file(empty, "events.csv", """
            code,event,on,unit,reason
            DV3,transferred,2019-01-01,YT-BV,
            DV3,matured,2024-03-26,YT-BV,

            """)
        _ = try empty.register.importFile(.events, from: events, dryRun: false)
        try expectKept(empty, "after an import of events")

        // By hand: a backdated event (a new first day), one moved, one moved to another
        // member, one deleted, a profile column, and a member removed with their history.
        let write = { (sql: String) in try temp.register.database.write { db in try db.execute(sql: sql) } }
        try write("INSERT INTO membership_event (member_id, kind, on_date, unit_id) VALUES (1, 'admitted', '2014-01-01', 3)")
        try expectKept(temp, "after a backdated event")
        try write("UPDATE membership_event SET on_date = '2025-01-01' WHERE id = 3")
        try expectKept(temp, "after an event moved to a later day")
        try write("UPDATE membership_event SET member_id = 2 WHERE id = 3")
        try expectKept(temp, "after an event moved to another member")
        try write("DELETE FROM membership_event WHERE id = 3")
        try expectKept(temp, "after an event deleted")
        try write("UPDATE member SET ethnicity = 'foreign', religion = 'none' WHERE id = 2")
        try expectKept(temp, "after a profile changed by hand")
        try write("DELETE FROM membership_event WHERE member_id = 2; DELETE FROM member WHERE id = 2")
        try expectKept(temp, "after a member deleted")
    }

    @Test func aRefusedImportLeavesItAsItWas() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        let before = try temp.register.read { db in try Row.fetchAll(db, sql: "SELECT * FROM report_member") }
        let members = try file(temp, "members.csv", """
            code,full_name,birth_date,gender,unit,joined_on,education
            DV2,Lê Thị Bình,1995-01-01,female,YT-BV,2016-06-01,university
            DV3,Trần Văn Cường,2012-01-01,male,TC,2017-06-01,university

            """)
        #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: members, dryRun: false) }
        #expect(try temp.register.read { db in try Row.fetchAll(db, sql: "SELECT * FROM report_member") } == before)
        try expectKept(temp, "after a refused import")
    }

    @Test func anOlderRegisterGetsItOnMigration() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1995-01-01", joined: "2016-06-01")
        try temp.register.transferMember("DV1", to: "TC", on: day("2020-01-01"))
        // What a sodoan before migration 16 left: no report_member, no view, no triggers.
        try temp.register.database.write { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'report_member_*'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "DROP VIEW report_member_derived; DROP TABLE report_member; DELETE FROM grdb_migrations WHERE identifier GLOB '16 *'")
        }
        let reopened = try Register.open(at: temp.path, command: "test")
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_member") } == 2)
        #expect(try differences(reopened) == 0)
    }

    /// Every code of every list and days around leap days come back as the values they
    /// were written from, and the store numbers days on both sides of 1970 as the schema
    /// does: the schema's lists and the store's agree.
    @Test func everyCodeAndDayReadsBackAsWritten() throws {
        let temp = try TemporaryRegister()
        let ethnicities: [Ethnicity?] = [nil] + Ethnicity.all
        let theories: [TheoryLevel?] = [nil] + TheoryLevel.allCases
        let births = ["1990-02-28", "1992-02-29", "1995-12-31", "1996-01-01", "1999-03-01"]
        for (index, ethnicity) in ethnicities.enumerated() {
            try temp.addMember("DV\(index)", "Nguyễn Văn An", born: births[index % births.count], joined: "2015-06-01")
            // The codes the admission rules would refuse (no schooling) are written by hand.
            try temp.register.database.write { db in
                try db.execute(sql: """
                    UPDATE member SET gender = ?, education = ?, ethnicity = ?, theory_level = ?, party_joined_on = ? WHERE code = ?
                    """, arguments: [Gender.allCases[index % 2].rawValue,
                                     EducationLevel.allCases[index % EducationLevel.allCases.count].rawValue,
                                     ethnicity?.code, theories[index % theories.count]?.rawValue,
                                     index % 3 == 0 ? nil : "2019-01-0\(index % 9 + 1)", "DV\(index)"])
            }
        }
        try temp.register.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT m.code, r.state, r.profile FROM report_member r JOIN member m ON m.id = r.member_id")
            #expect(rows.count == ethnicities.count)
            for row in rows {
                let member = try MemberTable.find(row["code"], in: db).member
                let codes = ReportMemberTable.Profile(row["profile"])
                #expect(Gender.allCases[codes.gender] == member.gender)
                #expect(EducationLevel.allCases[codes.education] == member.education)
                #expect((codes.ethnicity == 0 ? nil : Ethnicity.all[codes.ethnicity - 1]) == member.ethnicity)
                #expect((codes.theory == 0 ? nil : TheoryLevel.allCases[codes.theory - 1]) == member.enteredTheory)
                #expect(ReportMemberTable.DayNumber.day(codes.born) == member.birthDate)
                #expect((codes.party == 0 ? nil : ReportMemberTable.DayNumber.day(codes.party)) == member.partyJoinedOn)
                let state = ReportMemberTable.State(row["state"])
                #expect(ReportMemberTable.kinds[state.kind] == .admitted)
                #expect(ReportMemberTable.DayNumber.day(state.latestDay) == member.joinedOn)
                #expect(ReportMemberTable.DayNumber.day(state.firstDay) == member.joinedOn)
            }
            for text in ["0001-01-01", "1900-03-01", "1969-12-31", "1970-01-01", "2024-02-29", "2025-12-31", "9999-12-31"] {
                let schema = try Int64.fetchOne(db, sql: "SELECT CAST(julianday(?) - 2440587.5 AS INTEGER) + 1048576", arguments: [text])
                #expect(ReportMemberTable.DayNumber.of(day(text)) == schema, "\(text)")
                #expect(ReportMemberTable.DayNumber.day(ReportMemberTable.DayNumber.of(day(text))) == day(text), "\(text)")
            }
        }
        #expect(ReportMemberTable.kinds == MembershipEventKind.allCases)
    }

    /// The day before and the day of each event, for a member whose first event is after
    /// the day (no state yet), whose latest is later (the history), and on or after the
    /// latest (the kept row): the counts at the start and the end are the history's.
    @Test(arguments: ["2016-05-31", "2016-06-01", "2019-12-31", "2020-01-01", "2024-04-30", "2024-05-01", "2030-01-01"])
    func theCountsOnTheDaysAroundEachEventAreTheHistorys(_ text: String) throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1995-01-01", joined: "2016-06-01", unit: "YT-BV")
        try temp.addMember("DV3", "Trần Văn Cường", born: "1996-01-01", joined: "2016-06-02", unit: "TC")
        try temp.register.transferMember("DV1", to: "TC", on: day("2020-01-01"))
        try temp.register.transferMember("DV2", to: "YT-VP", on: day("2020-01-01"))
        try temp.register.endMembership("DV2", .removed, on: day("2024-05-01"), reason: "Chuyển vùng")
        let end = day(text)
        let period = try ReportPeriod(from: day("2015-01-01"), to: end)
        try temp.register.read { db in
            let rootID = try UnitTable.find("DK", in: db).id
            let counts = try ReportMemberCounts(connection: db, rootID: rootID, period: period)
            let atEnd = try temp.register.activeMemberCounts(on: end, in: db)
            let atStart = try temp.register.activeMemberCounts(on: period.dayBeforeStart, in: db)
            #expect(counts.end.mapValues { $0.count(.female, nil) + $0.count(.male, nil) } == atEnd, "on \(text)")
            #expect(counts.start == atStart, "on \(text)")
        }
    }

    @Test func checkNamesAMemberWhoseRowIsWrong() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1995-01-01", joined: "2016-06-01")
        #expect(try !temp.register.check().contains { $0.code == "report-members" })
        let damage = [
            ("UPDATE report_member SET profile = profile + 1 WHERE member_id = 1", "DV1"),
            ("UPDATE report_member SET unit_id = 1 WHERE member_id = 2", "DV2"),
            ("UPDATE report_member SET religion = 'none' WHERE member_id = 1", "DV1"),
            ("DELETE FROM report_member WHERE member_id = 2", "DV2"),
            ("INSERT INTO report_member (member_id, unit_id, state, profile) VALUES (99, 3, 0, 0)", "member #99"),
        ]
        for (sql, subject) in damage {
            let snapshot = try temp.register.read { db in try Row.fetchAll(db, sql: "SELECT * FROM report_member") }
            try temp.register.database.write { db in try db.execute(sql: sql) }
            let found = try temp.register.check().filter { $0.code == "report-members" }
            #expect(found.map(\.subject) == [subject], "\(sql)")
            #expect(found.allSatisfy { $0.severity == .error && $0.message.en.contains("report_member") && $0.message.vi.contains("report_member") })
            try temp.register.database.write { db in
                try db.execute(sql: "DELETE FROM report_member")
                for row in snapshot {
                    try db.execute(sql: "INSERT INTO report_member VALUES (?, ?, ?, ?, ?)", arguments: StatementArguments(row.databaseValues))
                }
            }
            #expect(try !temp.register.check().contains { $0.code == "report-members" }, "repaired after \(sql)")
        }
    }
}
