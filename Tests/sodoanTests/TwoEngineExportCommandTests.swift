import Foundation
import Testing

/// `export` on a file and on PostgreSQL (docs/CLI.md#where-the-register-is): the sample
/// register on a file and copied to PostgreSQL gives every kind's CSV, JSON and workbook
/// byte for byte the same, the whole register's and each unit's, personal data out unless
/// asked for.
@Suite("export on a file and on PostgreSQL", .serialized)
struct TwoEngineExportCommandTests {
    private let kinds = ["units", "unit-changes", "members", "events", "offices", "grades", "unit-grades", "trainings",
                         "discipline", "referrals", "dues"]

    @Test func everyKindExportsTheSameBytesFromTheSampleRegisterOnBothEngines() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        try cli.ok(["demo", "--samples", DemoCommandTests.samples, "--db", cli.db])
        #expect(try pg.run(cli, ["copy", "--from", cli.db, "--to", pg.url]).status == 0)
        var reads: [[String]] = kinds.flatMap { kind in
            [["export", kind], ["export", kind, "--include-personal"], ["export", kind, "--format", "json", "--include-personal", "--lang", "en"]]
        }
        for unit in try cli.lines("SELECT code FROM unit ORDER BY id") + ["NOPE"] {
            reads += [["export", "members", "--unit", unit, "--format", "json"], ["export", "units", "--unit", unit],
                      ["export", "events", "--unit", unit], ["export", "dues", "--unit", unit, "--include-personal"]]
        }
        let filled = try expectSameReads(reads, file: cli, postgres: pg)
        #expect(filled > reads.count / 2, "most exports hold rows: \(filled) of \(reads.count)")

        let members = try pg.run(cli, ["export", "members", "--db", pg.url])
        let header = try #require(members.stdout.split(separator: "\n").first)
        #expect(members.status == 0 && !header.contains("birth_date") && !header.contains("phone"), "personal data out by default: \(header)")
        let personal = try pg.run(cli, ["export", "members", "--include-personal", "--db", pg.url])
        #expect(personal.stdout.split(separator: "\n").first?.contains("birth_date") == true)

        for kind in kinds {
            let onFile = cli.directory.appending(path: "\(kind)-file.xlsx").path, onPostgres = cli.directory.appending(path: "\(kind)-pg.xlsx").path
            try cli.ok(["export", kind, "--format", "xlsx", "--output", onFile, "--include-personal"])
            #expect(try pg.run(cli, ["export", kind, "--format", "xlsx", "--output", onPostgres, "--include-personal", "--db", pg.url]).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: onFile)) == Data(contentsOf: URL(fileURLWithPath: onPostgres)), "\(kind).xlsx")
        }
    }
}
