import Foundation
import PostgresTestSupport
import Testing

/// `import` and `absorb` on a file and on PostgreSQL (docs/CLI.md#where-the-register-is):
/// every kind of the sample register imported, dry-run and refused gives the same outputs,
/// refusals and exit statuses byte for byte on both engines and leaves the same register
/// behind (every kind's export); a dry run and a refused file write nothing; a repeated code
/// names both lines; any engine absorbs a register on any engine.
@Suite("import and absorb on a file and on PostgreSQL", .serialized)
struct TwoEngineImportCommandTests {
    private static let kinds = ["units", "unit-changes", "members", "events", "offices", "grades", "unit-grades", "trainings",
                                "discipline", "referrals", "dues"]

    /// One refused row for each kind, after the sample register is in: each names a cell
    /// (a unit or member that does not exist, a day that does not, a grade that is none).
    private static let refusedRows = [
        "units": "XA,Chi đoàn X,branch,NOPE,2020-01-01,",
        "unit-changes": "renamed,2024-01-01,NOPE,,Tên mới,,,",
        "members": "DV9001,Lê Văn Tèo,2001-02-30,male,GD,2019-03-26,university,,,,,,,,",
        "events": "NOPE,transferred,2021-01-05,GD,,,,",
        "offices": "NOPE,GD,deputy-secretary,2022-10-01,,",
        "grades": "DV0001,2021,superb",
        "unit-grades": "NOPE,2024,good",
        "trainings": "NOPE,new-member,2021-04-07,2021-04-09,Đoàn Khối,,Đạt",
        "discipline": "NOPE,reprimand,2025-09-10,Vắng sinh hoạt",
        "referrals": "NOPE,nominated,2023-04-16,16,16,16,,,",
        "dues": "payment,NOPE,,2026-01,2026-03,2026-01-20,15000,,",
    ]

    private static func sample(_ kind: String) -> String { DemoCommandTests.samples + "/\(kind).csv" }

    /// A folder for the files a test writes, the same path for both engines' runs (the
    /// outputs name the files).
    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "sodoan-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let path = folder.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private static func header(_ kind: String) throws -> String {
        try String(contentsOfFile: sample(kind), encoding: .utf8).prefix { $0 != "\n" } + "\n"
    }

    @Test func everyKindImportsDryRunsAndRefusesTheSameOnBothEngines() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session: [[String]] = [["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2008-01-01"]]
        for kind in Self.kinds {
            session += [["import", kind, Self.sample(kind), "--dry-run"], ["import", kind, Self.sample(kind)]]
        }
        session.append(["import", "members", Self.sample("members"), "--lang", "en"])
        for kind in Self.kinds {
            let bad = try Self.write(Self.header(kind) + Self.refusedRows[kind]! + "\n", "bad-\(kind).csv", in: folder)
            session += [["import", kind, bad], ["import", kind, bad, "--dry-run", "--lang", "en"]]
        }
        let members = try String(contentsOfFile: Self.sample("members"), encoding: .utf8).split(separator: "\n")
        let repeated = try Self.write(([members[0], members[1], members[2], members[1]] + members[3...5]).joined(separator: "\n") + "\n",
                                      "repeated.csv", in: folder)
        session.append(["import", "members", repeated, "--lang", "en"])
        session += Self.kinds.map { ["export", $0, "--include-personal"] } + [["check", "--as-of", "2026-11-22"]]

        let file = try sessionOutputs(session, on: .file)
        let postgres = try sessionOutputs(session, on: .postgres)
        for (onFile, onPostgres) in zip(file, postgres) { #expect(onFile == onPostgres) }
        let statuses = sessionStatuses(file)
        #expect(statuses.prefix(1 + 2 * Self.kinds.count + 1).allSatisfy { $0 == "0" }, "\(statuses)")
        #expect(statuses.dropFirst(1 + 2 * Self.kinds.count + 1).prefix(2 * Self.kinds.count + 1).allSatisfy { $0 == "65" }, "\(statuses)")
        #expect(file.contains { $0.contains("The code DV0001 already appears on line 2 of the file.") }, "\(file)")
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func aDryRunAndARefusedFileWriteNothing(_ kind: RegisterEngineKind) throws {
        let register = try EngineRegister(kind)
        defer { register.cleanUp() }
        try register.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2008-01-01"])
        try register.ok(["import", "units", Self.sample("units")])
        let before = try register.contents()
        #expect(try register.ok(["import", "members", Self.sample("members"), "--dry-run", "--lang", "en"])
            .hasSuffix("204 rows: 204 added, 0 updated, 0 unchanged. Nothing was written.\n"))
        #expect(try register.contents() == before)
        let bad = try register.cli.file("bad.csv", try Self.header("members") + Self.refusedRows["members"]! + "\n")
        let refused = try register.run(["import", "members", bad, "--lang", "en"])
        #expect(refused.status == 65 && refused.stderr.hasPrefix("Error: \(bad):2: birth_date: "), "\(refused.stderr)")
        #expect(try register.contents() == before)
        #expect(try register.run(["import", "members", register.cli.directory.appending(path: "none.csv").path]).status == 66)
        #expect(try register.contents() == before)
    }

    /// Into an empty register the member table's UNIQUE indexes find a repeat (on
    /// PostgreSQL inside a savepoint, so the rows after it are still checked); into one with
    /// members the look-up does. Both name the line repeated, and the import writes nothing.
    @Test(arguments: RegisterEngineKind.allCases)
    func aRepeatedCodeOrNationalIDNamesTheEarlierLine(_ kind: RegisterEngineKind) throws {
        let register = try EngineRegister(kind)
        defer { register.cleanUp() }
        try register.makeSmallTree()
        let header = "code,full_name,birth_date,gender,unit,joined_on,education,id_number\n"
        let row = { (code: String, id: String) in "\(code),Lý Thị Mai,2001-02-03,female,YT-VP,2019-03-26,university,\(id)\n" }
        let file = try register.cli.file("repeats.csv", header + row("DV-A", "001201000001") + row("DV-B", "001201000002")
                                         + row("DV-A", "001201000003") + row("DV-C", "001201000002") + row("DV-D", "001201000004"))
        let expected = "Error: \(file):4: code: The code DV-A already appears on line 2 of the file.\n"
            + "Error: \(file):5: id_number: National ID 001201000002 already appears on line 3 of the file.\n"
            + "2 problems in \(file); nothing was written. Fix the file and import it again.\n"
        for registerHasMembers in [false, true] {
            let before = try register.contents()
            let refused = try register.run(["import", "members", file, "--lang", "en"])
            #expect(refused.status == 65)
            #expect(refused.stderr == expected, "members before: \(registerHasMembers)")
            #expect(try register.contents() == before)
            if registerHasMembers { continue }
            try register.ok(["member", "add", "--unit", "TC", "--code", "DV-Z", "--name", "Lê Văn Cường", "--born", "1998-03-10",
                             "--gender", "male", "--joined", "2016-01-01", "--education", "university"])
        }
    }

    /// Each of the four pairs of engines: the other register on a file or PostgreSQL, this
    /// one on a file or PostgreSQL, the same refusals and the same register after, byte for byte.
    @Test func absorbTakesARegisterOnEitherEngineIntoOneOnEither() throws {
        var outcomes: [[String]] = []
        for target in RegisterEngineKind.allCases {
            for source in RegisterEngineKind.allCases {
                outcomes.append(try absorbing(source, into: target))
            }
        }
        #expect(outcomes.count == 4)
        for outcome in outcomes.dropFirst() {
            for (first, other) in zip(outcomes[0], outcome) { #expect(first == other) }
        }
        let lines = outcomes[0]
        #expect(lines[0].contains("[absorb-clash]") && lines[0].contains("members: DV001") && lines[0].contains("--prefix"), "\(lines[0])")
        #expect(lines[1].contains("Dry run") && lines[1].contains("members 2") && lines[1].contains("DV001 → B-DV001"), "\(lines[1])")
        #expect(lines[2].hasPrefix("0\nĐã nhập sổ OTHER vào dưới DK từ ngày 2020-06-01"), "\(lines[2])")
        #expect(lines[3].contains("B-DV001,Trần Văn Nam"), "\(lines[3])")
    }

    /// Absorbs the register of `ReorganisationCommandTests`' absorb (the bloc DN, with a
    /// member code that clashes) on `source` into the small tree on `target`: the outputs,
    /// with both registers' names masked, and whether each refusal and the dry run wrote nothing.
    private func absorbing(_ source: RegisterEngineKind, into target: RegisterEngineKind) throws -> [String] {
        let this = try EngineRegister(target), other = try EngineRegister(source)
        defer { this.cleanUp(); other.cleanUp() }
        try this.makeSmallTree()
        for (code, unit, name) in [("DV001", "YT-VP", "Nguyễn Văn An"), ("DV002", "TC", "Lê Thị Hoa")] {
            try this.ok(["member", "add", "--unit", unit, "--code", code, "--name", name, "--born", "1998-03-10",
                         "--gender", "female", "--joined", "2016-01-01", "--education", "university"])
        }
        try other.ok(["init", "--name", "Đoàn Khối doanh nghiệp tỉnh", "--code", "DN", "--opened", "2015-01-01"])
        try other.ok(["unit", "add", "DD", "--name", "Đoàn cơ sở Điện lực", "--kind", "grassroots-union", "--parent", "DN", "--opened", "2015-01-01"])
        try other.ok(["unit", "add", "DD1", "--name", "Chi đoàn Truyền tải", "--kind", "branch", "--parent", "DD", "--opened", "2015-01-01"])
        for (code, name) in [("DV001", "Trần Văn Nam"), ("EV001", "Lê Thị Hoa")] {
            try other.ok(["member", "add", "--unit", "DD1", "--code", code, "--name", name, "--born", "1998-03-10",
                          "--gender", "female", "--joined", "2016-05-01", "--education", "university"])
        }
        let otherBefore = try other.contents()
        // Both registers' environments: the other one may be on PostgreSQL when this one is not.
        func run(_ arguments: [String]) throws -> CLI.Result {
            try this.cli.run(arguments, useDB: false,
                             environment: other.environment.merging(this.environment) { $1 }.merging(["SODOAN_DB": this.location]) { $1 })
        }
        let absorb = ["absorb", other.location, "--under", "DK", "--on", "2020-06-01"]
        var outputs: [String] = []
        for arguments in [absorb + ["--lang", "en"], absorb + ["--prefix", "B-", "--dry-run", "--lang", "en"], absorb + ["--prefix", "B-"],
                          ["export", "members"], ["unit", "history", "DN", "--format", "csv"], ["check"]] {
            let before = try this.contents()
            let result = try run(arguments)
            if arguments.first == "absorb" && result.stdout.hasPrefix("Đã nhập") == false {
                #expect(try this.contents() == before, "\(arguments) wrote")
            }
            outputs.append("\(result.status)\n\(result.stdout)\(result.stderr)"
                .replacingOccurrences(of: other.location, with: "OTHER").replacingOccurrences(of: this.location, with: "REGISTER"))
        }
        let onItself = try run(["absorb", this.location, "--under", "DK", "--on", "2020-06-01", "--prefix", "B-", "--lang", "en"])
        outputs.append("\(onItself.status)\n\(onItself.stderr)".replacingOccurrences(of: this.location, with: "REGISTER"))
        #expect(try other.contents() == otherBefore, "the other register is only read")
        return outputs
    }
}
