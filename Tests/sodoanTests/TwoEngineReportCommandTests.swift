import Foundation
import PostgresTestSupport
import Testing

/// The year-end figures on a file and on PostgreSQL (docs/CLI.md#where-the-register-is):
/// `report annual|period|summary|trend`, `dues report` and `backup`, end to end, each output
/// the same byte for byte, the fingerprint they print included.
@Suite("reports on a file and on PostgreSQL", .serialized)
struct TwoEngineReportCommandTests {
    /// The sample register's reports on a file and, copied, on PostgreSQL: every format and
    /// language, each unit's, past periods and one reaching into the next year, and the
    /// workbook's bytes.
    @Test func theSampleRegistersReportsAreTheSameOnBothEngines() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        try cli.ok(["demo", "--samples", DemoCommandTests.samples, "--db", cli.db])
        #expect(try pg.run(cli, ["copy", "--from", cli.db, "--to", pg.url]).status == 0)
        var reads: [[String]] = []
        for year in ["2024", "2025"] {
            for format in ["text", "md", "html", "csv", "json"] {
                reads += [["report", "annual", "--year", year, "--format", format], ["report", "annual", "--year", year, "--format", format, "--lang", "en"]]
            }
        }
        reads += [["report", "period", "--from", "2025-03-01", "--to", "2025-12-25"],
                  ["report", "period", "--from", "2025-07-01", "--to", "2026-06-30", "--format", "json"],
                  ["report", "summary", "--year", "2025"], ["report", "summary", "--year", "2025", "--compare", "2", "--format", "json", "--lang", "en"],
                  ["report", "trend", "--from-year", "2022", "--to-year", "2025", "--format", "csv"], ["report", "trend", "--from-year", "2023", "--to-year", "2025", "--format", "svg"],
                  ["dues", "report", "--from", "2025-01", "--to", "2025-12"], ["dues", "report", "--from", "2025-01", "--to", "2025-06", "--format", "json", "--lang", "en"],
                  ["report", "annual", "--year", "2025", "--unit", "NOWHERE"]]
        for unit in try cli.lines("SELECT code FROM unit ORDER BY id") {
            reads += [["report", "annual", "--year", "2025", "--unit", unit, "--format", "csv"],
                      ["dues", "report", "--from", "2025-01", "--to", "2025-12", "--unit", unit, "--format", "csv"]]
        }
        let filled = try expectSameReads(reads, file: cli, postgres: pg)
        #expect(filled > reads.count / 2, "most reads print rows: \(filled) of \(reads.count)")

        let fileBook = cli.directory.appending(path: "file.xlsx").path, postgresBook = cli.directory.appending(path: "postgres.xlsx").path
        try cli.ok(["report", "annual", "--year", "2025", "--format", "xlsx", "--output", fileBook])
        #expect(try pg.run(cli, ["report", "annual", "--year", "2025", "--format", "xlsx", "--output", postgresBook, "--db", pg.url]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fileBook)) == Data(contentsOf: URL(fileURLWithPath: postgresBook)))
    }

    /// A year of reorganisations written on each engine by the same commands: the members a
    /// merge, a move and a split carry count as reorganised in and out the same way on both.
    @Test func aYearOfReorganisationsIsCountedTheSameOnBothEngines() throws {
        var outputs: [RegisterEngineKind: [String]] = [:]
        for kind in RegisterEngineKind.allCases {
            let register = try EngineRegister(kind)
            defer { register.cleanUp() }
            for arguments in CLI.twoBlocs { try register.ok(arguments) }
            try register.ok(["unit", "merge", "DN", "--into", "DK", "--on", "2020-06-01"])
            try register.ok(["unit", "move", "DD", "--parent", "NB", "--on", "2020-09-01"])
            let plan = try register.cli.file("plan.csv", "Số thẻ,Chi đoàn\nDV003,YT-VP\nDV004,DD1\n")
            try register.ok(["unit", "split", "YT-BV", "--plan", plan, "--on", "2020-10-01"])
            outputs[kind] = try [["report", "annual", "--year", "2020", "--format", "json"], ["report", "annual", "--year", "2020"],
                                 ["report", "period", "--from", "2020-06-01", "--to", "2020-09-30", "--unit", "NB", "--format", "csv"],
                                 ["report", "annual", "--year", "2021", "--format", "csv", "--lang", "en"]].map { try register.ok($0) }
        }
        let file = try #require(outputs[.file]), postgres = try #require(outputs[.postgres])
        for (index, output) in file.enumerated() { #expect(output == postgres[index]) }
        #expect(file[0].contains("\"reorganised_in\" : 2") || file[0].contains("\"reorganisedIn\" : 2"), "\(file[0])")
    }

    /// `backup` of a PostgreSQL register writes a register file, owner-only, that reports as
    /// the database does; a path already taken is refused and left as it was.
    @Test func aBackupOfAPostgreSQLRegisterIsAFileWithTheSameReport() throws {
        let register = try EngineRegister(.postgres)
        defer { register.cleanUp() }
        for arguments in CLI.twoBlocs { try register.ok(arguments) }
        let path = register.cli.directory.appending(path: "backup.db").path
        try register.ok(["backup", path])
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let onFile = try register.cli.run(["report", "annual", "--year", "2020", "--db", path], useDB: false)
        let onPostgres = try register.ok(["report", "annual", "--year", "2020"])
        #expect(onFile.status == 0 && onFile.stdout == onPostgres, "\(onFile.stderr)")
        let again = try register.run(["backup", path])
        #expect(again.status == 65, "\(again.stderr)")
        #expect(try register.cli.run(["check", "--db", path], useDB: false).status == 0)
    }
}
