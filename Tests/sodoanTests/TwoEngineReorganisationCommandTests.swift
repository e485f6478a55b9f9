import Foundation
import PostgresTestSupport
import Testing

/// `unit rename|move|merge|split|history` on a file and on PostgreSQL
/// (docs/CLI.md#where-the-register-is), end to end: the same assertions on each engine,
/// one session compared byte for byte. The dated closure table a move rewrites is checked
/// by `check` on each engine's register.
@Suite("unit rename, move, merge, split and history on a file and on PostgreSQL", .serialized)
struct TwoEngineReorganisationCommandTests {
    /// `makeTwoBlocs`'s register on `kind`.
    private func twoBlocs(_ kind: RegisterEngineKind) throws -> EngineRegister {
        let register = try EngineRegister(kind)
        for arguments in CLI.twoBlocs { try register.ok(arguments) }
        return register
    }

    private func csvRows(_ text: String) -> [[Substring]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func aYearOfReorganisationsIsKeptInTimeAndPassesCheck(_ kind: RegisterEngineKind) throws {
        let register = try twoBlocs(kind)
        defer { register.cleanUp() }
        #expect(try register.ok(["unit", "rename", "YT-VP", "--name", "Chi đoàn Hành chính", "--on", "2020-03-01"])
                == "Đã đổi tên YT-VP thành «Chi đoàn Hành chính» từ ngày 2020-03-01.\n")
        #expect(try register.ok(["unit", "merge", "DN", "--into", "DK", "--on", "2020-06-01", "--lang", "en"]) == "Merged DN into DK from 2020-06-01.\n")
        #expect(try register.ok(["unit", "move", "DD", "--parent", "NB", "--on", "2020-09-01"]) == "Đã chuyển DD về trực thuộc NB từ ngày 2020-09-01.\n")
        let plan = try register.cli.file("plan.csv", "Số thẻ,Chi đoàn\nDV003,YT-VP\nDV004,DD1\n")
        #expect(try register.ok(["unit", "split", "YT-BV", "--plan", plan, "--on", "2020-10-01", "--lang", "en"])
                == "Split YT-BV from 2020-10-01; YT-BV closed on that day.\n")

        let history = try register.ok(["unit", "history", "DK", "--format", "csv"])
        #expect(csvRows(history).map { "\($0[0]) \($0[1]) \($0[2])" } == ["2020-06-01 moved DD", "2020-06-01 merged DN", "2020-09-01 moved DD"], "\(history)")
        #expect(try register.ok(["unit", "history", "YT-BV", "--format", "csv"]).contains("2020-10-01,split,YT-BV"))

        // The tree of each day: names, parents and the members counted in each subtree.
        let before = csvRows(try register.ok(["unit", "list", "--format", "csv", "--as-of", "2020-01-01", "--closed"]))
        #expect(before.map { "\($0[0]) \($0[1]) \($0[3]) \($0[6])" }
                == ["DK Đoàn Khối các cơ quan tỉnh  5", "NB Đoàn Khối cơ quan Đảng DK 0", "TC Chi đoàn cơ sở Sở Tài chính DK 1",
                    "YT Đoàn cơ sở Sở Y tế DK 4", "YT-BV Chi đoàn Bệnh viện Đa khoa YT 2", "YT-VP Chi đoàn Văn phòng Sở YT 2",
                    "DN Đoàn Khối doanh nghiệp tỉnh  2", "DD Đoàn cơ sở Điện lực DN 2", "DD1 Chi đoàn Truyền tải DD 2"])
        let after = csvRows(try register.ok(["unit", "list", "--format", "csv", "--as-of", "2020-12-31"]))
        #expect(after.map { "\($0[0]) \($0[3]) \($0[6])" } == ["DK  7", "NB DK 3", "DD NB 3", "DD1 DD 3", "TC DK 1", "YT DK 3", "YT-VP YT 3"],
                "\(after)")
        #expect(try register.ok(["member", "history", "DV004", "--format", "json"]).contains("\"reorganised\""))
        // One audit row per reorganisation, the members it moved and the units it moved inside it.
        let actions = try register.ok(["log", "--format", "csv"]).split(separator: "\n").suffix(5).map { $0.split(separator: ",")[2] }
        #expect(actions == ["member.add", "unit.rename", "unit.merge", "unit.move", "unit.split"], "\(actions)")

        // The closure rows the moves rewrote are the ones the history implies.
        let check = try register.run(["check", "--format", "json", "--as-of", "2021-01-01"])
        #expect(check.status == 0 && !check.stdout.contains("\"error\""), "\(check.stdout)\(check.stderr)")
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func aGrassrootsUnionIsSplitByAPlanOfBranches(_ kind: RegisterEngineKind) throws {
        let register = try twoBlocs(kind)
        defer { register.cleanUp() }
        try register.ok(["unit", "add", "YT2", "--name", "Đoàn cơ sở Bệnh viện tỉnh", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
        let plan = try register.cli.file("plan.csv", "Mã chi đoàn,Đơn vị\nYT-BV,YT2\nYT-VP,YT\n")
        #expect(try register.ok(["unit", "split", "YT", "--plan", plan, "--on", "2020-07-01"]) == "Đã chia tách YT từ ngày 2020-07-01; YT vẫn hoạt động.\n")
        let tree = csvRows(try register.ok(["unit", "list", "--format", "csv", "--as-of", "2020-07-01"]))
        #expect(tree.map { "\($0[0]) \($0[3]) \($0[6])" } == ["DK  5", "NB DK 0", "TC DK 1", "YT DK 2", "YT-VP YT 2", "YT2 DK 2", "YT-BV YT2 2",
                                                              "DN  2", "DD DN 2", "DD1 DD 2"], "\(tree)")
        let june = csvRows(try register.ok(["unit", "list", "--format", "csv", "--as-of", "2020-06-30"]))
        #expect(june.first { $0[0] == "YT-BV" }?[3] == "YT", "the tree before the split is kept")
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func refusedReorganisationsExitWithTheirStatusAndWriteNothing(_ kind: RegisterEngineKind) throws {
        let register = try twoBlocs(kind)
        defer { register.cleanUp() }
        try register.ok(["unit", "merge", "DN", "--into", "DK", "--on", "2020-06-01"])
        let unplaced = try register.cli.file("unplaced.csv", "member,unit\nDV003,YT-VP\n")
        let unreadable = try register.cli.file("unreadable.csv", "member,branch\nDV003,YT-VP\n")
        let refusals: [(arguments: [String], status: Int32, message: String)] = [
            (["unit", "move", "YT", "--parent", "DK", "--on", "2020-07-01"], 1, "[unit-parent]"),
            (["unit", "move", "NB", "--parent", "NB", "--on", "2020-07-01"], 1, "[unit-move-cycle]"),
            (["unit", "merge", "TC", "--into", "DN", "--on", "2020-07-01"], 1, "[unit-merge]"),
            (["unit", "rename", "YT", "--name", "Đoàn cơ sở Y tế", "--on", "2014-12-31", "--lang", "en"], 1, "opened on 2015-01-01, after 2014-12-31"),
            (["unit", "split", "YT-BV", "--plan", unplaced, "--on", "2020-10-01", "--lang", "en"], 1,
             "leaves 1 active member(s) of YT-BV on 2020-10-01 unplaced: DV004"),
            (["unit", "split", "YT-BV", "--plan", unreadable, "--on", "2020-10-01"], 65, "unreadable.csv"),
            (["unit", "split", "YT-BV", "--plan", register.cli.directory.appending(path: "none.csv").path, "--on", "2020-10-01"], 66, ""),
            (["unit", "move", "YT", "--parent", "NB", "--on", "2020-13-01"], 65, ""),
            (["unit", "move", "YT", "--parent", "NOPE", "--on", "2020-07-01", "--lang", "en"], 65, "Error: There is no unit with code NOPE in the register."),
            (["unit", "merge", "--into", "DK", "--on", "2020-07-01"], 64, ""),
            (["unit", "history", "NOPE"], 65, "Không có đơn vị mã NOPE trong sổ."),
        ]
        let before = try register.contents()
        for refusal in refusals {
            let result = try register.run(refusal.arguments)
            #expect(result.status == refusal.status, "\(refusal.arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(refusal.arguments)")
            #expect(refusal.message.isEmpty || result.stderr.contains(refusal.message), "\(refusal.arguments): \(result.stderr)")
            #expect(try register.contents() == before, "\(refusal.arguments) wrote")
        }
    }

    /// One session of reorganisations, refusals and reads on a file and on PostgreSQL:
    /// every output, message and exit status is the same byte for byte.
    @Test func theSameSessionOfReorganisationsGivesTheSameOutputsOnBothEngines() throws {
        let plans = FileManager.default.temporaryDirectory.appending(path: "sodoan-plans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: plans) }
        func plan(_ name: String, _ text: String) throws -> String {
            let url = plans.appending(path: name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let members = try plan("members.csv", "member,unit\nDV003,YT-VP\nDV004,DD1\n")
        let unplaced = try plan("unplaced.csv", "member,unit\nDV003,YT-VP\n")
        let branches = try plan("branches.csv", "branch,unit\nYT-VP,YT2\n")
        let session: [[String]] = CLI.twoBlocs + [
            ["unit", "add", "YT2", "--name", "Đoàn cơ sở Bệnh viện tỉnh", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"],
            ["unit", "rename", "YT-VP", "--name", "  Chi đoàn   Hành chính ", "--on", "2020-03-01"],
            ["unit", "rename", "YT-VP", "--name", "Chi đoàn Cũ", "--on", "2020-02-01", "--lang", "en"],
            ["unit", "rename", "YT-VP", "--name", "", "--on", "2020-04-01"],
            ["unit", "rename", "YT-VP", "--name", "Chi đoàn Mới", "--on", "2999-01-01", "--lang", "en"],
            ["unit", "merge", "DN", "--into", "DK", "--on", "2020-06-01"],
            ["unit", "merge", "TC", "--into", "DN", "--on", "2020-07-01", "--lang", "en"],
            ["unit", "merge", "DK", "--into", "YT", "--on", "2020-07-01"],
            ["unit", "move", "DD", "--parent", "NB", "--on", "2020-09-01", "--lang", "en"],
            ["unit", "move", "NB", "--parent", "DD", "--on", "2020-10-01"],
            ["unit", "move", "DD", "--parent", "DK", "--on", "2020-08-01", "--lang", "en"],
            ["unit", "move", "YT-BV", "--parent", "NB", "--on", "2020-09-01"],
            ["unit", "split", "YT-BV", "--plan", unplaced, "--on", "2020-10-01", "--lang", "en"],
            ["unit", "split", "YT-BV", "--plan", members, "--on", "2020-10-01"],
            ["unit", "split", "YT", "--plan", branches, "--on", "2020-11-01", "--lang", "en"],
            ["member", "transfer", "DV003", "--to", "YT-BV", "--on", "2020-12-01"],
            ["unit", "history", "DK"], ["unit", "history", "YT-BV", "--format", "json", "--lang", "en"], ["unit", "history", "YT", "--format", "csv"],
            ["unit", "history", "YT-VP"], ["unit", "history", "NOPE", "--lang", "en"],
            ["unit", "list", "--tree", "--as-of", "2020-01-01", "--closed"], ["unit", "list", "--tree", "--as-of", "2020-12-31", "--lang", "en"],
            ["unit", "list", "--format", "json", "--as-of", "2020-06-01"],
            ["member", "history", "DV004"], ["member", "list", "--unit", "NB", "--as-of", "2020-12-31", "--format", "csv"],
            ["log", "--format", "csv", "--since", "2015-01-01"],
            ["export", "units"], ["export", "unit-changes", "--format", "json"], ["export", "members", "--unit", "NB", "--include-personal"],
            ["export", "events", "--unit", "DK"], ["export", "units", "--unit", "YT2", "--format", "json"], ["export", "members", "--unit", "NOPE"],
        ]
        let file = try sessionOutputs(session, on: .file), postgres = try sessionOutputs(session, on: .postgres)
        #expect(sessionStatuses(file) == Array(repeating: "0", count: CLI.twoBlocs.count + 2)
                + ["1", "65", "65", "0", "1", "1", "0", "1", "1", "1", "1", "0", "0", "1"]
                + ["0", "0", "0", "0", "65"] + Array(repeating: "0", count: 11) + ["65"],
                "\(sessionStatuses(file))")
        for (index, arguments) in session.enumerated() {
            #expect(file[index] == postgres[index], "\(arguments)")
        }
    }
}
