import Foundation
import PostgresTestSupport
import Testing

/// A database of its own on the run's PostgreSQL cluster, for one test's sodoan commands.
struct PostgresDatabase {
    let cluster: PostgresTestCluster
    let name: String
    var url: String { cluster.url(name) }

    init() throws {
        cluster = try PostgresTestCluster.shared()
        name = try cluster.makeDatabase()
    }

    /// Runs sodoan with the cluster's password file and no other PostgreSQL variable.
    @discardableResult
    func run(_ cli: CLI, _ arguments: [String], environment: [String: String] = [:]) throws -> CLI.Result {
        try cli.run(arguments, useDB: false, environment: cluster.environment.merging(environment) { $1 })
    }

    @discardableResult
    func psql(_ sql: String) throws -> [String] {
        try cluster.psql(name, sql)
    }

    /// What a write would change, table by table (`PostgresTestCluster.contents`).
    func contents() throws -> [String] {
        try cluster.contents(of: name)
    }
}

@Suite("sodoan init, copy and --db on PostgreSQL, end to end", .serialized)
struct PostgresCommandTests {
    @Test func initMakesTheRegisterOnPostgreSQLAndASecondInitIsRefusedWritingNothing() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        let made = try pg.run(cli, ["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2015-01-01", "--db", pg.url])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == "Đã tạo sổ \(pg.url) với đơn vị gốc DK (Đoàn Khối các cơ quan tỉnh).\n")
        #expect(try pg.psql("SELECT code, name, kind, opened_on FROM unit") == ["DK|Đoàn Khối các cơ quan tỉnh|bloc|2015-01-01"])
        #expect(try pg.psql("SELECT action, actor IS NOT NULL, hash IS NOT NULL FROM audit_log") == ["register.init|t|t"])
        #expect(try pg.psql("SELECT count(*) FROM grdb_migrations") == ["\(try migrationCount())"])

        let before = try pg.contents()
        let again = try pg.run(cli, ["init", "--name", "Khác", "--db", pg.url, "--lang", "en"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("is not empty: it already holds a register") && again.stderr.contains("createdb"))
        #expect(try pg.contents() == before)
    }

    /// `demo --db URL` makes its sample register in the empty database and tours it: every
    /// command of the tour prints there what it prints on a file.
    @Test func theDemoMakesAndToursItsSampleRegisterOnPostgreSQL() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        let onFile = try cli.run(["demo", "--samples", DemoCommandTests.samples, "--db", cli.db, "--lang", "en"], useDB: false)
        let onPostgres = try pg.run(cli, ["demo", "--samples", DemoCommandTests.samples, "--db", pg.url, "--lang", "en"])
        #expect(onFile.status == 0 && onPostgres.status == 0, "\(onPostgres.stderr)")
        #expect(onPostgres.stdout.replacingOccurrences(of: pg.url, with: "REGISTER") == onFile.stdout.replacingOccurrences(of: cli.db, with: "REGISTER"))
        #expect(onPostgres.stdout.contains("The sample register is kept at \(pg.url)."))
        #expect(try pg.psql("SELECT count(*) > 0 FROM member") == ["t"])
    }

    @Test func aPasswordInDbIsRefusedButSODOANDBMayCarryOne() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        let secret = "postgres://\(pg.cluster.user):\(pg.cluster.password)@127.0.0.1:\(pg.cluster.port)/\(pg.name)"
        for arguments in [["init", "--name", "X", "--db", secret], ["copy", "--from", secret, "--to", cli.db], ["copy", "--from", cli.db, "--to", secret]] {
            let refused = try pg.run(cli, arguments + ["--lang", "en"])
            #expect(refused.status == 64, "\(arguments[0]): \(refused.stderr)")
            #expect(refused.stderr.contains("must not carry a password") && refused.stderr.contains("PGPASSWORD"))
            #expect(!refused.stderr.contains(pg.cluster.password))
        }
        #expect(try pg.psql("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") == ["0"])
        // In the environment the password is the user's own business, and it works without a password file.
        let made = try pg.run(cli, ["init", "--name", "Đoàn Khối", "--code", "DK"],
                              environment: ["SODOAN_DB": secret, "PGPASSFILE": "/nonexistent"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(!made.stdout.contains(pg.cluster.password))
        #expect(!(try pg.psql("SELECT command FROM audit_log")).joined().contains(pg.cluster.password))
    }

    @Test func theSampleRegisterCopiedToPostgreSQLAndBackIsTheSameRegister() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "samples").path
        #expect(try cli.run(["demo", "--samples", samples]).status == 0)
        let back = cli.directory.appending(path: "back.db").path
        try expectRoundTrip(cli, pg, back: back, reports: [["report", "annual", "--year", "2025", "--format", "json"],
                                                           ["export", "members", "--include-personal"],
                                                           ["log", "--format", "csv"]])
        // The derived tables PostgreSQL's triggers built hold what SQLite's hold.
        #expect(try pg.psql("SELECT count(*) FROM member_state") == [String(try cli.count("SELECT count(*) FROM member_state"))])
        for words in ["SELECT word || '|' || member_id || '|' || search_name FROM member_word ORDER BY word, member_id",
                      "SELECT word || '|' || members FROM name_word ORDER BY word"] {
            let expected = try cli.lines(words)
            #expect(!expected.isEmpty)
            #expect(try pg.psql(words) == expected, "\(words)")
        }
        // New rows on PostgreSQL get ids after the copied ones, as SQLite gives them.
        #expect(try pg.psql("SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) = max(id) + 1 FROM audit_log") == ["t"])
    }

    @Test func aReorganisedRegisterCopiedToPostgreSQLAndBackIsTheSameRegister() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        try makeTwoBlocs(cli)
        try cli.ok(["unit", "rename", "YT", "--name", "Đoàn cơ sở Sở Y tế tỉnh", "--on", "2021-01-01"])
        try cli.ok(["unit", "merge", "DN", "--into", "DK", "--on", "2021-06-01"])
        try cli.ok(["unit", "move", "DD", "--parent", "NB", "--on", "2021-09-01"])
        let plan = try cli.file("plan.csv", "Số thẻ,Chi đoàn\nDV003,YT-VP\nDV004,DD1\n")
        try cli.ok(["unit", "split", "YT-BV", "--plan", plan, "--on", "2021-10-01"])
        let account = try cli.run(["user", "add", "vanphong", "--role", "office", "--unit", "DK", "--password-stdin"], stdin: "mật-khẩu-dài-đủ-12\n")
        #expect(account.status == 0, "\(account.stderr)")
        let back = cli.directory.appending(path: "back.db").path
        try expectRoundTrip(cli, pg, back: back, reports: [["report", "annual", "--year", "2021", "--format", "json"],
                                                           ["unit", "history", "DK", "--format", "json"],
                                                           ["export", "unit-changes"], ["user", "list"]])
        #expect(try pg.psql("SELECT name, role FROM account") == ["vanphong|office"])
    }

    @Test func anAuditRowChangedOnPostgreSQLBehindSodoansBackShowsOnTheCopyBack() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        try pg.run(cli, ["copy", "--from", cli.db, "--to", pg.url])
        try pg.psql("""
            ALTER TABLE audit_log DISABLE TRIGGER audit_log_never_updated;
            UPDATE audit_log SET unit_code = 'XX' WHERE id = 2;
            ALTER TABLE audit_log ENABLE TRIGGER audit_log_never_updated
            """)
        let back = cli.directory.appending(path: "back.db").path
        #expect(try pg.run(cli, ["copy", "--from", pg.url, "--to", back]).status == 0)
        let check = try cli.run(["check", "--format", "json", "--db", back], useDB: false)
        #expect(check.status == 1 && check.stdout.contains("\"audit-chain\"") && check.stdout.contains("audit #2"))
    }

    @Test func aCopyOntoATargetThatIsNotNewIsRefusedAndWritesNothing() throws {
        let cli = try CLI(), pg = try PostgresDatabase(), other = try PostgresDatabase()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        try pg.run(cli, ["init", "--name", "Sổ khác", "--code", "KH", "--db", pg.url])
        let held = try pg.contents()
        let onRegister = try pg.run(cli, ["copy", "--from", cli.db, "--to", pg.url])
        #expect(onRegister.status == 65 && onRegister.stderr.contains("đã có một sổ"))
        #expect(try pg.contents() == held)

        try other.psql("CREATE TABLE their_table (x integer); INSERT INTO their_table VALUES (1)")
        let foreign = try other.contents()
        let onForeign = try other.run(cli, ["copy", "--from", cli.db, "--to", other.url, "--lang", "en"])
        #expect(onForeign.status == 65 && onForeign.stderr.contains("holds tables that are not a register's"))
        #expect(try other.contents() == foreign)

        let existing = try cli.file("existing.db", "not a register")
        let onFile = try pg.run(cli, ["copy", "--from", pg.url, "--to", existing])
        #expect(onFile.status == 65)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "not a register")
    }

    @Test func aCopyThePostgreSQLSideRefusesHalfWayLeavesTheDatabaseEmpty() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        // A unit name of spaces, written behind sodoan's back: PostgreSQL's CHECK refuses it
        // after the schema and the first tables are in.
        try cli.tamper("UPDATE unit SET name = '   ' WHERE code = 'TC'")
        let refused = try pg.run(cli, ["copy", "--from", cli.db, "--to", pg.url, "--lang", "en"])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("refused data that breaks its constraints") && refused.stderr.contains("sodoan check"))
        #expect(try pg.contents() == [])
    }

    @Test func aPostgreSQLRegisterFromANewerSodoanOrNoneAtAllIsRefused() throws {
        let cli = try CLI(), pg = try PostgresDatabase(), empty = try PostgresDatabase()
        defer { cli.cleanUp() }
        try pg.run(cli, ["init", "--name", "Đoàn Khối", "--code", "DK", "--db", pg.url])
        try pg.psql("INSERT INTO grdb_migrations (identifier) VALUES ('99 from the future')")
        let held = try pg.contents()
        let newer = try pg.run(cli, ["copy", "--from", pg.url, "--to", cli.db, "--lang", "en"])
        #expect(newer.status == 65 && newer.stderr.contains("was made by a newer sodoan"))
        #expect(!FileManager.default.fileExists(atPath: cli.db))
        #expect(try pg.run(cli, ["init", "--name", "X", "--db", pg.url]).status == 65)
        #expect(try pg.contents() == held)

        let none = try empty.run(cli, ["copy", "--from", empty.url, "--to", cli.db, "--lang", "en"])
        #expect(none.status == 66 && none.stderr.contains("holds no register"))
        let missing = try pg.run(cli, ["copy", "--from", pg.cluster.url("no_such_database"), "--to", cli.db, "--lang", "en"])
        #expect(missing.status == 66 && missing.stderr.contains("has no database no_such_database"))
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }
}

/// Copies the register at cli.db to PostgreSQL and back to `back`, and checks that the copy
/// back is the same register: the same fingerprint, the same `check` (the audit chain
/// verified), and the same output for `reports`.
private func expectRoundTrip(_ cli: CLI, _ pg: PostgresDatabase, back: String, reports: [[String]],
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
    let there = try pg.run(cli, ["copy", "--from", cli.db, "--to", pg.url])
    #expect(there.status == 0, "\(there.stderr)", sourceLocation: sourceLocation)
    #expect(there.stdout.hasPrefix("Đã chép sổ \(cli.db) sang \(pg.url): "), sourceLocation: sourceLocation)
    let home = try pg.run(cli, ["copy", "--from", pg.url, "--to", back, "--lang", "en"])
    #expect(home.status == 0, "\(home.stderr)", sourceLocation: sourceLocation)
    let rows = there.stdout.split(separator: ":").last.map { $0.split(separator: " ")[0] }
    #expect(home.stdout.contains(": \(rows ?? "?") rows in"), sourceLocation: sourceLocation)
    #expect(try pg.psql("SELECT count(*) FROM audit_log") == [String(try cli.count("SELECT count(*) FROM audit_log"))], sourceLocation: sourceLocation)
    // What the report reads of each member, filled once after the load: its view's rows, one per member with an event.
    #expect(try pg.psql("""
        SELECT (SELECT count(*) FROM (SELECT * FROM report_member EXCEPT SELECT * FROM report_member_derived) a)
             + (SELECT count(*) FROM (SELECT * FROM report_member_derived EXCEPT SELECT * FROM report_member) b)
             + (SELECT count(*) FROM member_state) - (SELECT count(*) FROM report_member)
        """) == ["0"], sourceLocation: sourceLocation)
    #expect(try pg.psql("SELECT count(*) > 0 FROM report_member") == ["t"], sourceLocation: sourceLocation)
    for arguments in reports + [["check", "--as-of", "2026-11-22", "--format", "json"]] {
        let original = try cli.run(arguments + ["--db", cli.db], useDB: false)
        let copied = try cli.run(arguments + ["--db", back], useDB: false)
        #expect(original.status == copied.status && original.stdout == copied.stdout && !original.stdout.isEmpty,
                "\(arguments.joined(separator: " ")) differs on the copy", sourceLocation: sourceLocation)
        #expect(copied.stderr.isEmpty, "\(copied.stderr)", sourceLocation: sourceLocation)
    }
    let check = try cli.run(["check", "--as-of", "2026-11-22", "--format", "json", "--db", back], useDB: false).stdout
    #expect(!check.contains("audit-chain") && !check.contains("name-words") && !check.contains("report-members"), sourceLocation: sourceLocation)
}

/// The migrations schema.sql has, as the register file's migrations table lists them.
private func migrationCount() throws -> Int {
    let cli = try CLI()
    defer { cli.cleanUp() }
    try cli.ok(["init", "--name", "X"])
    return try cli.count("SELECT count(*) FROM grdb_migrations")
}
