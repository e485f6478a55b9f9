import Foundation
import GRDB
import Testing

/// Issue 11, families 3 and 4: damage made behind sodoan's back (the sqlite3 shell with the
/// foreign keys, CHECK constraints or audit triggers switched off) is found by `check`,
/// which always ends, and no other command crashes on it.
@Suite("Tampering found by check, end to end")
struct TamperingTests {
    /// The small tree with DV001 in YT-VP and one referral nomination.
    func makeRegister() throws -> CLI {
        let cli = try CLI()
        try cli.makeSmallTree()
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Nguyễn Thị Lan", "--born", "2000-05-10", "--gender", "female",
                    "--code", "DV001", "--joined", "2016-03-26", "--education", "university"])
        try cli.ok(["member", "add", "--unit", "YT-BV", "--name", "Trần Văn Bình", "--born", "1999-01-10", "--gender", "male",
                    "--code", "DV002", "--joined", "2016-03-26", "--education", "university"])
        return cli
    }

    /// Runs SQL on the register as the sqlite3 shell would, with every guard off.
    func tamper(_ cli: CLI, _ sql: String) throws {
        try cli.tamper(sql)
    }

    /// `check --format json`: the findings as (code, subject) pairs, and the exit status.
    func findings(_ cli: CLI) throws -> (status: Int32, items: [(code: String, subject: String, message: String)]) {
        let result = try cli.run(["check", "--format", "json", "--as-of", "2026-01-01", "--lang", "en"], timeout: 20)
        let items = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]]) ?? []
        return (result.status, items.map { ($0["code"] ?? "", $0["subject"] ?? "", $0["message"] ?? "") })
    }

    @Test func aUnitCycleIsReportedAndEndsEveryCommand() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        try tamper(cli, "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'YT-VP') WHERE code = 'YT'")
        let (status, items) = try findings(cli)
        #expect(status == 1)
        let cycle: Set<String> = Set(items.filter { $0.code == "unit-cycle" }.map(\.subject))
        #expect(cycle == ["YT", "YT-VP"])
        #expect(items.contains { $0.code == "unit-closure" })
        for command in [["unit", "list", "--tree"], ["report", "annual", "--year", "2024"], ["member", "list"]] {
            #expect(try cli.run(command, timeout: 20).status != -1, "\(command) did not end")
        }
    }

    @Test func impossibleValuesAreReportedByRowAndReadsRefuseInsteadOfCrashing() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        try tamper(cli, """
            UPDATE member SET birth_date = '2000-02-30' WHERE code = 'DV001';
            UPDATE member SET gender = 'other' WHERE code = 'DV002';
            """)
        let (status, items) = try findings(cli)
        #expect(status == 1)
        let impossible = items.filter { $0.code == "impossible-value" }
        #expect(impossible.contains { $0.subject == "DV001" && $0.message.contains("2000-02-30") })
        #expect(impossible.contains { $0.subject == "DV002" && $0.message.contains("\"other\"") })
        #expect(items.contains { $0.code == "not-checked" })
        let show = try cli.run(["member", "show", "DV001", "--lang", "en"])
        #expect(show.status == 65 && show.stderr.contains("\"2000-02-30\" in the column birth_date"), "\(show.stderr)")
    }

    @Test func duesRowsAreCheckedValueByValue() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        try cli.ok(["dues", "start", "2025-01"])
        try cli.ok(["dues", "class", "DV002", "unsalaried", "--from", "2025-01"])
        try cli.ok(["dues", "pay", "DV001", "--through", "2025-06", "--on", "2025-01-15"])
        try cli.ok(["dues", "exempt", "DV002", "--from", "2025-04", "--to", "2025-09", "--decision", "7/QĐ-ĐTN", "--reason", "Ốm dài ngày"])
        #expect(try findings(cli).items.filter { $0.code == "impossible-value" || $0.code == "dues-value" }.isEmpty)
        try tamper(cli, """
            UPDATE dues_payment SET amount = 0;
            UPDATE dues_exemption SET to_month = '2025-10';
            UPDATE dues_rate SET amount = 0 WHERE class = 'abroad';
            """)
        let bounds = try findings(cli).items.filter { $0.code == "dues-value" }
        #expect(bounds.contains { $0.subject == "DV001" && $0.message.contains("2025-01-15: 0") }, "\(bounds)")
        #expect(bounds.contains { $0.subject == "DV002" && $0.message.contains("2025-04…2025-10") }, "\(bounds)")
        #expect(bounds.contains { $0.subject == "dues" && $0.message.contains("abroad 2011-01: 0") }, "\(bounds)")
        try tamper(cli, """
            UPDATE dues_payment SET through_month = '2025-13';
            UPDATE member_dues_class SET class = 'gold';
            UPDATE dues_start SET kept_from = 2025;
            """)
        let (status, items) = try findings(cli)
        #expect(status == 1)
        let impossible = items.filter { $0.code == "impossible-value" }
        #expect(impossible.contains { $0.subject == "DV001" && $0.message.contains("\"2025-13\"") }, "\(impossible)")
        #expect(impossible.contains { $0.subject == "DV002" && $0.message.contains("\"gold\"") }, "\(impossible)")
        #expect(impossible.contains { $0.subject == "dues" && $0.message.contains("dues_start.kept_from") }, "\(impossible)")
        #expect(items.contains { $0.code == "not-checked" })
        for command in [["dues", "status"], ["dues", "report", "--from", "2025-01", "--to", "2025-12"], ["dues", "status", "--owing", "1"]] {
            let result = try cli.run(command + ["--lang", "en"], timeout: 20)
            #expect(result.status == 65 && result.stderr.contains("behind its back"), "\(command): \(result.status) \(result.stderr)")
        }
        try tamper(cli, "DELETE FROM dues_start")
        #expect(try findings(cli).items.contains { $0.code == "impossible-value" && $0.message.contains("dues_start row") })
        #expect(try cli.run(["dues", "status", "--lang", "en"], timeout: 20).status == 65)
    }

    @Test func aDamagedAccountRoleOrAMissingContentVersionIsReportedNotACrash() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        let added = try cli.run(["user", "add", "bt.vp", "--role", "secretary", "--unit", "YT-VP", "--password-stdin"],
                                stdin: "Mật khẩu đủ dài 2026\n")
        #expect(added.status == 0, "\(added.stderr)")
        try tamper(cli, "UPDATE account SET role = 'god'; DELETE FROM content_version")
        let impossible = try findings(cli).items.filter { $0.code == "impossible-value" }
        #expect(impossible.contains { $0.subject == "bt.vp" && $0.message.contains("\"god\"") }, "\(impossible)")
        #expect(impossible.contains { $0.message.contains("content_version row") }, "\(impossible)")
        for command in [["user", "list"], ["report", "annual", "--year", "2025"]] {
            let result = try cli.run(command + ["--lang", "en"], timeout: 20)
            #expect(result.status == 65 && result.stderr.contains("behind its back"), "\(command): \(result.status) \(result.stderr)")
        }
    }

    @Test func ordersOrphansVotesAndFutureDatesAreReported() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        try tamper(cli, """
            INSERT INTO membership_event (member_id, kind, on_date, unit_id, from_unit_id)
                SELECT m.id, 'transferred', '2015-06-01', (SELECT id FROM unit WHERE code = 'YT-BV'), (SELECT id FROM unit WHERE code = 'YT-VP')
                FROM member m WHERE code = 'DV001';
            INSERT INTO membership_event (member_id, kind, on_date, unit_id) VALUES (999, 'matured', '2020-01-01', 1);
            INSERT INTO referral (member_id) SELECT id FROM member WHERE code = 'DV002';
            INSERT INTO referral (member_id) SELECT id FROM member WHERE code = 'DV002';
            INSERT INTO referral_step (referral_id, stage, on_date, convened, present, votes_for)
                VALUES ((SELECT MAX(id) FROM referral), 'nominated', '2024-01-10', 3, 10, 12);
            INSERT INTO discipline (member_id, level, on_date, reason) SELECT id, 'warning', '2999-01-01', 'x' FROM member WHERE code = 'DV002';
            """)
        let (status, items) = try findings(cli)
        #expect(status == 1)
        #expect(items.contains { $0.code == "event-order" && $0.subject == "DV001" })
        #expect(items.contains { $0.code == "foreign-key" })
        #expect(items.contains { $0.code == "orphan-row" && $0.subject == "DV002" })
        #expect(items.contains { $0.code == "vote-numbers" && $0.subject == "DV002" })
        #expect(items.contains { $0.code == "future-date" && $0.message.contains("2999-01-01") })
        #expect(try cli.run(["referral", "list"], timeout: 20).status == 0)
    }

    @Test func aForgedOrRemovedAuditRowIsReportedByRow() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        #expect(try findings(cli).items.filter { $0.code == "audit-chain" || $0.code == "schema-changed" }.isEmpty)
        try tamper(cli, """
            DROP TRIGGER audit_log_never_updated; DROP TRIGGER audit_log_never_deleted;
            DELETE FROM audit_log WHERE id = 3;
            UPDATE audit_log SET command = 'sodoan member add --name forged' WHERE id = 5;
            """)
        let (status, items) = try findings(cli)
        #expect(status == 1)
        let chain = items.filter { $0.code == "audit-chain" }
        #expect(chain.contains { $0.subject == "audit #4" && $0.message.contains("row 3 is missing") })
        #expect(chain.contains { $0.subject == "audit #5" && $0.message.contains("does not match its hash") })
        #expect(items.filter { $0.code == "schema-changed" }.count == 2)
        let log = try cli.run(["log", "--lang", "en"])
        #expect(log.status == 0 && log.stderr.contains("does not match its hash chain (audit #4, audit #5)"), "\(log.stderr)")
    }

    @Test func removingTheLastAuditRowsIsReportedAgainstTheKeptHead() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        try tamper(cli, "DROP TRIGGER audit_log_never_deleted; DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
        let chain = try findings(cli).items.filter { $0.code == "audit-chain" }
        #expect(chain.count == 1 && chain[0].message.contains("its last rows were removed"), "\(chain)")
    }

    @Test func controlCharactersPutInByHandNeverReachTheTerminal() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        try tamper(cli, "UPDATE member SET full_name = 'Lan' || char(27) || '[2J' || char(7) || char(8238) WHERE code = 'DV001'")
        for command in [["member", "list"], ["member", "show", "DV001"], ["export", "members"], ["member", "list", "--format", "csv"]] {
            let output = try cli.ok(command)
            #expect(output.contains("Lan\u{FFFD}[2J\u{FFFD}\u{FFFD}"), "\(command): \(output)")
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
        }
    }
}
