import Foundation
import PostgresTestSupport
import Testing

/// `check` on a file and on PostgreSQL (docs/CLI.md#where-the-register-is): the same damage,
/// made behind sodoan's back with each engine's own tools (GRDB with the guards off on a
/// file, as the sqlite3 shell would; psql on PostgreSQL, past its constraints where that
/// takes a superuser), is found with the same findings, byte for byte.
@Suite("check on a file and on PostgreSQL", .serialized)
struct TwoEngineCheckCommandTests {
    /// Runs `sql` on PostgreSQL past the CHECK constraints of `table`, as SQLite's
    /// `ignore_check_constraints` lets the file's tamper: the catalog is told the table has
    /// none while it runs (what a superuser can do), then told again, so the schema reads
    /// as sodoan made it and only the rows are wrong.
    private func pastChecks(of table: String, _ sql: String) -> String {
        """
        UPDATE pg_class SET relchecks = 0 WHERE oid = '\(table)'::regclass;
        \(sql);
        UPDATE pg_class SET relchecks = (SELECT count(*) FROM pg_constraint WHERE conrelid = '\(table)'::regclass AND contype = 'c')
        WHERE oid = '\(table)'::regclass
        """
    }

    /// The small tree with DV001 in YT-VP and DV002 in YT-BV, damaged by `sqlite` on a file
    /// and by `postgres` on PostgreSQL, and what `check` says of each: its status and its
    /// JSON and text outputs, the register's name masked.
    private func checked(sqlite: String, postgres: String) throws -> [RegisterEngineKind: (status: Int32, outputs: [String])] {
        var results: [RegisterEngineKind: (status: Int32, outputs: [String])] = [:]
        for kind in RegisterEngineKind.allCases {
            let register = try EngineRegister(kind)
            defer { register.cleanUp() }
            try register.makeSmallTree()
            try register.ok(CLI.memberAdd("DV001", unit: "YT-VP"))
            try register.ok(CLI.memberAdd("DV002", unit: "YT-BV"))
            try register.ok(["dues", "start", "2025-01"])
            try register.ok(["dues", "pay", "DV001", "--through", "2025-06", "--on", "2025-01-15"])
            if !sqlite.isEmpty { try register.tamper(sqlite: sqlite, postgres: postgres) }
            var status: Int32 = 0
            let outputs = try [["--format", "json", "--lang", "en"], []].map { options in
                let result = try register.run(["check", "--as-of", "2026-01-01"] + options)
                status = result.status
                return (result.stdout + result.stderr).replacingOccurrences(of: register.location, with: "REGISTER")
            }
            results[kind] = (status, outputs)
        }
        return results
    }

    /// The codes and subjects of `check`'s JSON findings.
    private func codes(_ json: String) throws -> [String] {
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        return items.map { "\($0["code"] ?? "") \($0["subject"] ?? "")" }
    }

    /// Expects `status` and the findings `expected` (code and subject, in `check`'s order) on
    /// both engines, and the same outputs byte for byte but for each engine's own integrity
    /// check (`sqlite-integrity`, `postgres-integrity`), whose findings are `integrity` on each.
    private func expectSame(_ results: [RegisterEngineKind: (status: Int32, outputs: [String])], status: Int32, codes expected: [String],
                            integrity: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = try #require(results[.file]), postgres = try #require(results[.postgres])
        #expect(file.status == status && postgres.status == status, "\(file.status) \(postgres.status)", sourceLocation: sourceLocation)
        let own = ["sqlite-integrity register", "postgres-integrity register"]
        for outputs in [file.outputs, postgres.outputs] {
            let found = try codes(outputs[0])
            #expect(found.filter { !own.contains($0) } == expected, "\(outputs[0])", sourceLocation: sourceLocation)
            #expect(found.filter(own.contains).count == integrity, "\(outputs[0])", sourceLocation: sourceLocation)
        }
        let json = try [file, postgres].map { result in
            try JSONSerialization.data(withJSONObject: (try JSONSerialization.jsonObject(with: Data(result.outputs[0].utf8)) as? [[String: String]] ?? [])
                .filter { !["sqlite-integrity", "postgres-integrity"].contains($0["code"]) }, options: .sortedKeys)
        }
        #expect(json[0] == json[1], sourceLocation: sourceLocation)
        let text = [file, postgres].map { $0.outputs[1].split(separator: "\n").filter { !$0.contains("-integrity] register: ") } }
        #expect(text[0] == text[1], "\(text)", sourceLocation: sourceLocation)
    }

    /// The warnings of the undamaged register on 2026-01-01: dues owed, units too small.
    private let warnings = ["dues-owing DV001", "dues-owing DV002", "unit-structure YT", "unit-structure YT-BV", "unit-structure YT-VP"]

    @Test func anUndamagedRegisterPassesOnBothEngines() throws {
        try expectSame(try checked(sqlite: "", postgres: ""), status: 0, codes: warnings)
    }

    @Test func removedAuditTriggersAndForgedRowsAreFoundAlike() throws {
        let results = try checked(sqlite: """
            DROP TRIGGER audit_log_never_updated; DROP TRIGGER audit_log_never_deleted;
            DELETE FROM audit_log WHERE id = 3;
            UPDATE audit_log SET command = 'sodoan unit add forged' WHERE id = 5;
            """, postgres: """
            DROP TRIGGER audit_log_never_updated ON audit_log; DROP TRIGGER audit_log_never_deleted ON audit_log;
            DELETE FROM audit_log WHERE id = 3;
            UPDATE audit_log SET command = 'sodoan unit add forged' WHERE id = 5
            """)
        try expectSame(results, status: 1, codes: ["audit-chain audit #4", "audit-chain audit #4", "audit-chain audit #5", "schema-changed register",
                                                   "schema-changed register"] + warnings)
        #expect(results[.postgres]?.outputs[0].contains("The trigger audit_log_never_updated is missing (dropped behind sodoan's back).") == true)
    }

    /// What only PostgreSQL can be told behind sodoan's back: a trigger kept but disabled,
    /// a function of the schema replaced. The check's reference schema leaves nothing behind.
    @Test func aDisabledTriggerOrAReplacedFunctionOnPostgreSQLIsASchemaChange() throws {
        let register = try EngineRegister(.postgres)
        defer { register.cleanUp() }
        try register.makeSmallTree()
        try register.tamper(sqlite: "", postgres: """
            ALTER TABLE audit_log DISABLE TRIGGER audit_log_never_truncated;
            CREATE OR REPLACE FUNCTION sodoan_is_day(value text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT true $$
            """)
        let check = try register.run(["check", "--lang", "en", "--as-of", "2026-01-01"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("ERROR [schema-changed] register: The trigger audit_log_never_truncated differs from sodoan's schema.\n")
                && check.stdout.contains("ERROR [schema-changed] register: The function sodoan_is_day(value text) differs from sodoan's schema.\n"),
                "\(check.stdout)")
        let schemas = try #require(register.postgres).psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'sodoan_check_reference'")
        #expect(schemas == ["0"], "the reference schema was rolled back")
    }

    @Test func aUnitCycleAndAMissingNameWordAreFoundAlike() throws {
        try expectSame(try checked(sqlite: """
            UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'YT-VP') WHERE code = 'YT';
            DELETE FROM member_word WHERE member_id = (SELECT id FROM member WHERE code = 'DV002');
            """, postgres: """
            UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'YT-VP') WHERE code = 'YT';
            DELETE FROM member_word WHERE member_id = (SELECT id FROM member WHERE code = 'DV002')
            """), status: 1, codes: ["unit-cycle YT", "unit-cycle YT-VP", "name-words register", "unit-closure register", "dues-owing DV001", "dues-owing DV002"])
    }

    @Test func impossibleValuesAreFoundAlikeAndStopTheMembersRules() throws {
        let sql = "UPDATE member SET birth_date = '2000-02-30' WHERE code = 'DV001'; UPDATE member SET gender = 'other' WHERE code = 'DV002'"
        let results = try checked(sqlite: sql, postgres: pastChecks(of: "member", sql))
        try expectSame(results, status: 1, codes: ["impossible-value DV001", "impossible-value DV002", "not-checked register"], integrity: 2)
        #expect(results[.postgres]?.outputs[0].contains("member.birth_date is \\\"2000-02-30\\\", not a day that exists.") == true,
                "\(results[.postgres]?.outputs[0] ?? "")")
    }

    @Test func duesOutOfBoundsAndAnImpossibleMonthAreFoundAlike() throws {
        let sql = "UPDATE dues_payment SET amount = 0, through_month = '2025-13'"
        try expectSame(try checked(sqlite: sql, postgres: pastChecks(of: "dues_payment", sql)), status: 1,
                       codes: ["dues-value DV001", "impossible-value DV001", "not-checked register"], integrity: 1)
    }

    @Test func aMissingReferenceAnOrphanAndAFutureDayAreFoundAlike() throws {
        let missing = "INSERT INTO membership_event (member_id, kind, on_date, unit_id) VALUES (999, 'matured', '2020-01-01', 1);"
        let sql = """
            INSERT INTO referral (member_id) SELECT id FROM member WHERE code = 'DV002';
            INSERT INTO discipline (member_id, level, on_date, reason) SELECT id, 'warning', '2999-01-01', 'x' FROM member WHERE code = 'DV002';
            INSERT INTO membership_event (member_id, kind, on_date, unit_id, from_unit_id)
                SELECT m.id, 'transferred', '2015-06-01', (SELECT id FROM unit WHERE code = 'YT-BV'), (SELECT id FROM unit WHERE code = 'YT-VP')
                FROM member m WHERE code = 'DV001'
            """
        // PostgreSQL lets a row past a foreign key only with its triggers off (a superuser's
        // `session_replication_role`), which also stops the derived tables' triggers: for that
        // row only, so the rest is written as on the file.
        let results = try checked(sqlite: missing + sql, postgres: "SET session_replication_role = replica; \(missing) SET session_replication_role = origin; " + sql)
        try expectSame(results, status: 1, codes: ["event-order DV001", "future-date DV002", "orphan-row DV002", "foreign-key register"] + warnings)
        #expect(results[.postgres]?.outputs[0].contains("Table membership_event, row ") == true)
    }
}
