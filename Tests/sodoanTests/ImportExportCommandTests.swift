import Foundation
import PostgresTestSupport
import RegisterStore
import Testing

@Suite("sodoan import and export, end to end", .serialized)
struct ImportExportCommandTests {
    static let header = "code,full_name,birth_date,gender,unit,joined_on,education,id_number,phone\n"

    /// A members file of `count` valid rows with codes `prefix000001`…, in the small tree.
    func membersFile(_ cli: CLI, _ name: String, count: Int, prefix: String) throws -> String {
        var text = Self.header
        let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"], givens = ["An", "Bình", "Cường", "Dung", "Hà"]
        for index in 0..<count {
            text += "\(prefix)\(String(format: "%06d", index)),\(families[index % 5]) Văn \(givens[index / 5 % 5]),1995-03-02,male,"
                + "\(index % 2 == 0 ? "YT-VP" : "TC"),2015-03-26,university,,\n"
        }
        let path = cli.directory.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func write(_ cli: CLI, _ name: String, _ text: String) throws -> String {
        let path = cli.directory.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theImportHelpListsEveryColumnEveryKindReadsWithin80Columns() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let help = try cli.run(["help", "import"], useDB: false).stdout
        for kind in DataKind.allCases {
            // The kind's line and the lines indented under it.
            let lines = help.split(separator: "\n").drop { !$0.hasPrefix("  \(kind.rawValue) ") }
            let line = ([lines.first ?? ""] + lines.dropFirst().prefix { $0.hasPrefix(String(repeating: " ", count: 14)) })
                .joined(separator: " ")
            for column in kind.columns {
                #expect(line.contains(column.name + (column.isRequired ? "*" : "") + (column.isPersonal ? "†" : "")),
                        "\(kind): \(column.name)")
            }
        }
        #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test(arguments: RegisterEngineKind.allCases) func badRowsExit65ListingFileLineAndColumnAndTheRegisterIsUnchanged(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let path = try write(cli, "members.csv", Self.header + """
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university,,
            DV2,Lê Thị Bình,1996-05-06,female,XX,2016-03-26,university,,
            DV3,Trần Văn Cường,30/02/1996,male,YT-VP,2016-03-26,university,,
            """)
        let before = try cli.registerBytes()
        let result = try cli.run(["import", "members", path, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("members.csv:3: unit: There is no unit with code XX"))
        #expect(result.stderr.contains("members.csv:4: birth_date: \"30/02/1996\" is not a valid date"))
        #expect(result.stderr.contains("2 problems in"))
        #expect(try cli.registerBytes() == before)

        let vi = try cli.run(["import", "members", path, "--dry-run"])
        #expect(vi.status == 65)
        #expect(vi.stderr.contains("không ghi gì vào sổ"))
        #expect(try cli.registerBytes() == before)
    }

    @Test(arguments: RegisterEngineKind.allCases) func exportLeavesPersonalDataOutUnlessAskedAndFiltersByUnit(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let path = try write(cli, "members.csv", Self.header + """
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university,001095000001,0912345678
            DV2,Lê Thị Bình,1996-05-06,female,TC,2016-03-26,university,,
            """)
        try cli.ok(["import", "members", path])
        let plain = try cli.ok(["export", "members"])
        #expect(plain.hasPrefix("code,full_name,gender,unit,joined_on,education,party_joined_on,arrived_on,arrived_from,arrival_letter,temporary_until,qualification,theory,central_id\n"))
        #expect(!plain.contains("001095000001") && !plain.contains("0912345678") && !plain.contains("1995-03-02"))
        let personal = try cli.ok(["export", "members", "--include-personal", "--format", "json"])
        #expect(personal.contains("\"id_number\":\"001095000001\""))
        #expect(personal.contains("\"phone\":\"0912345678\""))
        let yt = try cli.ok(["export", "members", "--unit", "YT"])
        #expect(yt.contains("DV1") && !yt.contains("DV2"))
        // What export writes, import reads back unchanged, personal data kept.
        let again = try write(cli, "again.csv", plain)
        #expect(try cli.ok(["import", "members", again, "--lang", "en"]).contains("0 added, 0 updated, 2 unchanged"))
        #expect(try cli.ok(["export", "members", "--include-personal", "--format", "json"]) == personal)
        // Without birth dates it cannot create members.
        let fresh = try CLI(kind)
        defer { fresh.cleanUp() }
        try fresh.makeSmallTree()
        let refused = try fresh.run(["import", "members", try fresh.file("plain.csv", plain), "--lang", "en"])
        #expect(refused.status == 65 && refused.stderr.contains("birth_date"), "\(refused.stderr)")
    }

    @Test(arguments: RegisterEngineKind.allCases) func aKilledImportLeavesTheRegisterExactlyAsBefore(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let small = try membersFile(cli, "small.csv", count: 3, prefix: "A")
        try cli.ok(["import", "members", small])
        let before = try cli.registerBytes()
        let exportBefore = try cli.ok(["export", "members", "--include-personal"])

        let big = try membersFile(cli, "big.csv", count: 60_000, prefix: "B")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", "members", big, "--db", cli.db]
        process.environment = cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.launchAlone()
        Thread.sleep(forTimeInterval: 1.5)
        try #require(process.isRunning, "the import finished before it could be killed; use a larger file")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try cli.registerBytes() == before)
        #expect(try cli.ok(["export", "members", "--include-personal"]) == exportBefore)
        let check = try cli.run(["check", "--lang", "en"])
        #expect(!check.stdout.contains("sqlite-integrity") && !check.stderr.contains("sqlite-integrity"))
        // The register is usable: the next import goes through.
        let next = try membersFile(cli, "next.csv", count: 10, prefix: "C")
        try cli.ok(["import", "members", next])
    }

    @Test(arguments: RegisterEngineKind.allCases) func twoImportsAtOnceIntoOneRegisterBothFinishWithNothingLost(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let files = [try membersFile(cli, "a.csv", count: 400, prefix: "A"), try membersFile(cli, "b.csv", count: 400, prefix: "B")]
        let processes = try files.map { file in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["import", "members", file, "--db", cli.db]
            process.environment = cli.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.launchAlone()
            return process
        }
        processes.forEach { $0.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let lines = try cli.ok(["export", "members"]).split(separator: "\n")
        #expect(lines.count == 801)
        #expect(lines.filter { $0.hasPrefix("A") }.count == 400 && lines.filter { $0.hasPrefix("B") }.count == 400)
    }
}
