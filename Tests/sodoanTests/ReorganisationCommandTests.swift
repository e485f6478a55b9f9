import Foundation
import GRDB
import PostgresTestSupport
import Testing

/// The small tree, a bloc NB under DK, and a second root bloc DN → DD → DD1, with members
/// admitted in 2016: DV001, DV002 in YT-VP, DV003, DV004 in YT-BV, DV005 in TC, DV006,
/// DV007 in DD1. (The PostgreSQL copy tests reorganise it too.)
func makeTwoBlocs(_ cli: CLI) throws {
    for arguments in CLI.twoBlocs { try cli.ok(arguments) }
}

extension CLI {
    /// The commands of `makeTwoBlocs`, which `EngineRegister` runs on either engine.
    static let twoBlocs: [[String]] = smallTree + [
        ["unit", "add", "NB", "--name", "Đoàn Khối cơ quan Đảng", "--kind", "bloc", "--parent", "DK", "--opened", "2015-01-01"],
        ["unit", "add", "DN", "--name", "Đoàn Khối doanh nghiệp tỉnh", "--kind", "bloc", "--opened", "2015-01-01"],
        ["unit", "add", "DD", "--name", "Đoàn cơ sở Điện lực", "--kind", "grassroots-union", "--parent", "DN", "--opened", "2015-01-01"],
        ["unit", "add", "DD1", "--name", "Chi đoàn Truyền tải", "--kind", "branch", "--parent", "DD", "--opened", "2015-01-01"],
    ] + ["YT-VP", "YT-VP", "YT-BV", "YT-BV", "TC", "DD1", "DD1"].enumerated().map { n, unit in memberAdd("DV00\(n + 1)", unit: unit) }

    /// `member add` of a member admitted on 2016-05-01 into `unit`.
    static func memberAdd(_ code: String, unit: String, name: String? = nil) -> [String] {
        ["member", "add", "--unit", unit, "--name", name ?? "Nguyễn Thị \(code)", "--born", "1998-01-01",
         "--gender", "female", "--code", code, "--joined", "2016-05-01", "--education", "university"]
    }
}

private func addMember(_ cli: CLI, _ code: String, unit: String, name: String? = nil, db: String? = nil) throws {
    let result = try cli.run(CLI.memberAdd(code, unit: unit, name: name) + ["--db", db ?? cli.db], useDB: false)
    #expect(result.status == 0, "\(result.stderr)")
}

private func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}

/// The unit with `code` among the report's `children`, at any depth.
private func find(_ code: String, in report: Any?) -> [String: Any]? {
    guard let report = report as? [String: Any] else { return nil }
    if report["unit"] as? String == code { return report }
    return (report["children"] as? [Any])?.lazy.compactMap { find(code, in: $0) }.first
}

@Suite("sodoan unit rename, move, merge, split, history and absorb, end to end", .serialized)
struct ReorganisationCommandTests {
    @Test(arguments: RegisterEngineKind.allCases) func theReorganisedYearsAreBalancedWithTheNamesOfEachYearAndSurviveExportAndImport(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try makeTwoBlocs(cli)
        #expect(try cli.ok(["unit", "rename", "YT-VP", "--name", "Chi đoàn Hành chính", "--on", "2020-03-01"])
                == "Đã đổi tên YT-VP thành «Chi đoàn Hành chính» từ ngày 2020-03-01.\n")
        #expect(try cli.ok(["unit", "merge", "DN", "--into", "DK", "--on", "2020-06-01", "--lang", "en"]) == "Merged DN into DK from 2020-06-01.\n")
        #expect(try cli.ok(["unit", "move", "DD", "--parent", "NB", "--on", "2020-09-01"]) == "Đã chuyển DD về trực thuộc NB từ ngày 2020-09-01.\n")
        let plan = try cli.file("plan.csv", "Số thẻ,Chi đoàn\nDV003,YT-VP\nDV004,DD1\n")
        #expect(try cli.ok(["unit", "split", "YT-BV", "--plan", plan, "--on", "2020-10-01", "--lang", "en"])
                == "Split YT-BV from 2020-10-01; YT-BV closed on that day.\n")

        let history = try #require(try json(try cli.ok(["unit", "history", "DK", "--format", "json"])) as? [[String: Any]])
        #expect(history.map { $0["kind"] as? String } == ["moved", "merged", "moved"])
        #expect(history.first?["unit"] as? String == "DD" && history.first?["old_parent"] as? String == "DN")
        #expect(try cli.ok(["unit", "history", "YT-BV", "--format", "csv"]).contains("2020-10-01,split,YT-BV"))

        let y2019 = try json(try cli.ok(["report", "annual", "--year", "2019", "--format", "json"]))
        #expect(find("YT-VP", in: y2019)?["name"] as? String == "Chi đoàn Văn phòng Sở")
        #expect(find("DD", in: y2019) == nil)
        let y2020 = try cli.ok(["report", "annual", "--year", "2020", "--format", "json"])
        let dk = try #require(try json(y2020) as? [String: Any])
        let members = try #require(dk["members"] as? [String: Int])
        #expect(members["start"] == 5 && members["reorganised_in"] == 2 && members["end"] == 7)
        #expect(dk["balanced"] as? Bool == true)
        #expect(find("NB", in: dk)?["members"].flatMap { ($0 as? [String: Int])?["reorganised_in"] } == 3)
        #expect(find("YT-BV", in: dk)?["members"].flatMap { ($0 as? [String: Int])?["reorganised_out"] } == 2)
        #expect(try cli.ok(["report", "annual", "--year", "2020", "--format", "json"]) == y2020)
        let y2021 = try json(try cli.ok(["report", "annual", "--year", "2021", "--format", "json"]))
        #expect(find("YT-VP", in: y2021)?["name"] as? String == "Chi đoàn Hành chính")
        #expect(find("NB", in: y2021)?["children"].flatMap { ($0 as? [[String: Any]])?.map { $0["unit"] as? String } } == ["DD"])

        // export of every kind, imported in order into a new register: the same report, fingerprint included.
        let copy = cli.directory.appending(path: "copy.db").path
        let root = try cli.ok(["export", "units"]).split(separator: "\n")[1].split(separator: ",")
        #expect(root.first == "DK")
        #expect(try cli.run(["init", "--name", String(root[1]), "--code", "DK", "--opened", "2015-01-01", "--db", copy], useDB: false).status == 0)
        for kind in ["units", "unit-changes", "members", "events"] {
            let file = try cli.file("\(kind).csv", try cli.ok(["export", kind, "--include-personal"]))
            let imported = try cli.run(["import", kind, file, "--db", copy], useDB: false)
            #expect(imported.status == 0, "\(kind): \(imported.stderr)")
        }
        #expect(try cli.run(["report", "annual", "--year", "2020", "--format", "json", "--db", copy], useDB: false).stdout == y2020)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aGrassrootsUnionIsSplitByAPlanOfBranches(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try makeTwoBlocs(cli)
        try cli.ok(["unit", "add", "YT2", "--name", "Đoàn cơ sở Bệnh viện tỉnh", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
        let toBloc = try cli.file("bloc.csv", "branch,unit\nYT-BV,NB\nYT-VP,YT\n")
        #expect(try cli.refusedLeavingNoTrace(["unit", "split", "YT", "--plan", toBloc, "--on", "2020-07-01", "--lang", "en"], status: 1)
                .contains("Line 2: a branch goes under a grassroots union open on 2020-07-01; NB is a bloc"))
        let plan = try cli.file("plan.csv", "Mã chi đoàn,Đơn vị\nYT-BV,YT2\nYT-VP,YT\n")
        #expect(try cli.ok(["unit", "split", "YT", "--plan", plan, "--on", "2020-07-01"]) == "Đã chia tách YT từ ngày 2020-07-01; YT vẫn hoạt động.\n")
        let dk = try #require(try json(try cli.ok(["report", "annual", "--year", "2020", "--format", "json"])) as? [String: Any])
        #expect(dk["balanced"] as? Bool == true)
        #expect(find("YT2", in: dk)?["members"].flatMap { ($0 as? [String: Int])?["reorganised_in"] } == 2)
        #expect(find("YT2", in: dk)?["children"].flatMap { ($0 as? [[String: Any]])?.map { $0["unit"] as? String } } == ["YT-BV"])
    }

    @Test(arguments: RegisterEngineKind.allCases) func refusedReorganisationsExitWithTheirStatusAndWriteNothing(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try makeTwoBlocs(cli)
        try cli.ok(["unit", "merge", "DN", "--into", "DK", "--on", "2020-06-01"])
        #expect(try cli.refusedLeavingNoTrace(["unit", "move", "YT", "--parent", "DK", "--on", "2020-07-01"], status: 1).contains("[unit-parent]"))
        #expect(try cli.refusedLeavingNoTrace(["unit", "move", "NB", "--parent", "NB", "--on", "2020-07-01"], status: 1).contains("[unit-move-cycle]"))
        #expect(try cli.refusedLeavingNoTrace(["unit", "merge", "TC", "--into", "DN", "--on", "2020-07-01"], status: 1).contains("[unit-merge]"))
        #expect(try cli.refusedLeavingNoTrace(["unit", "rename", "YT", "--name", "Đoàn cơ sở Y tế", "--on", "2014-12-31", "--lang", "en"], status: 1)
                .contains("opened on 2015-01-01, after 2014-12-31"))
        let unplaced = try cli.file("unplaced.csv", "member,unit\nDV003,YT-VP\n")
        #expect(try cli.refusedLeavingNoTrace(["unit", "split", "YT-BV", "--plan", unplaced, "--on", "2020-10-01", "--lang", "en"], status: 1)
                .contains("leaves 1 active member(s) of YT-BV on 2020-10-01 unplaced: DV004"))
        let unreadable = try cli.file("unreadable.csv", "member,branch\nDV003,YT-VP\n")
        #expect(try cli.refusedLeavingNoTrace(["unit", "split", "YT-BV", "--plan", unreadable, "--on", "2020-10-01"], status: 65).contains("unreadable.csv"))
        try cli.refusedLeavingNoTrace(["unit", "split", "YT-BV", "--plan", cli.directory.appending(path: "none.csv").path, "--on", "2020-10-01"], status: 66)
        try cli.refusedLeavingNoTrace(["unit", "move", "YT", "--parent", "NB", "--on", "2020-13-01"], status: 65)
        try cli.refusedLeavingNoTrace(["unit", "merge", "--into", "DK", "--on", "2020-07-01"], status: 64)
        try cli.refusedLeavingNoTrace(["unit", "history", "NOPE"], status: 65)
    }

    @Test(arguments: RegisterEngineKind.allCases) func absorbTakesInAnotherRegisterOrRefusesItsClashesWritingNothing(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        try addMember(cli, "DV001", unit: "YT-VP")
        try addMember(cli, "DV002", unit: "TC", name: "Lê Thị Hoa")
        let other = cli.directory.appending(path: "other.db").path
        #expect(try cli.run(["init", "--name", "Đoàn Khối doanh nghiệp tỉnh", "--code", "DN", "--opened", "2015-01-01", "--db", other], useDB: false).status == 0)
        for (code, name, kind, parent) in [("DD", "Đoàn cơ sở Điện lực", "grassroots-union", "DN"), ("DD1", "Chi đoàn Truyền tải", "branch", "DD")] {
            let added = try cli.run(["unit", "add", code, "--name", name, "--kind", kind, "--parent", parent, "--opened", "2015-01-01", "--db", other], useDB: false)
            #expect(added.status == 0, "\(added.stderr)")
        }
        try addMember(cli, "DV001", unit: "DD1", name: "Trần Văn Nam", db: other)
        try addMember(cli, "EV001", unit: "DD1", name: "Lê Thị Hoa", db: other)

        let clash = try cli.refusedLeavingNoTrace(["absorb", other, "--under", "DK", "--on", "2020-06-01", "--lang", "en"], status: 1)
        #expect(clash.contains("[absorb-clash]") && clash.contains("members: DV001") && clash.contains("--prefix"))
        let dry = try cli.run(["absorb", other, "--under", "DK", "--on", "2020-06-01", "--prefix", "B-", "--dry-run", "--lang", "en"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Dry run") && dry.stdout.contains("members 2") && dry.stdout.contains("DV001 → B-DV001"))
        #expect(dry.stdout.contains("EV001 ~ DV002"))
        #expect(!(try cli.ok(["unit", "list", "--format", "csv"])).contains("DN,"))
        try cli.refusedLeavingNoTrace(["absorb", other, "--under", "YT-VP", "--on", "2020-06-01", "--prefix", "B-"], status: 1)
        try cli.refusedLeavingNoTrace(["absorb", try cli.file("notes.txt", "not a register"), "--under", "DK", "--on", "2020-06-01"], status: 65)
        try cli.refusedLeavingNoTrace(["absorb", cli.directory.appending(path: "none.db").path, "--under", "DK", "--on", "2020-06-01"], status: 66)
        // A register from a newer sodoan is not read, and neither file changes.
        let newer = cli.directory.appending(path: "newer.db").path
        try FileManager.default.copyItem(atPath: other, toPath: newer)
        let queue = try DatabaseQueue(path: newer)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('99 from the future')") }
        try queue.close()
        let newerBytes = try Data(contentsOf: URL(fileURLWithPath: newer))
        let refusedNewer = try cli.refusedLeavingNoTrace(["absorb", newer, "--under", "DK", "--on", "2020-06-01", "--prefix", "B-", "--lang", "en"],
                                                         status: 65)
        #expect(refusedNewer.contains("made by a newer sodoan"), "\(refusedNewer)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: newer)) == newerBytes)

        #expect(try cli.ok(["absorb", other, "--under", "DK", "--on", "2020-06-01", "--prefix", "B-"]).hasPrefix("Đã nhập sổ \(other) vào dưới DK từ ngày 2020-06-01"))
        let dk = try #require(try json(try cli.ok(["report", "annual", "--year", "2020", "--format", "json"])) as? [String: Any])
        #expect((dk["members"] as? [String: Int])?["reorganised_in"] == 2)
        #expect(dk["balanced"] as? Bool == true)
        #expect(try cli.ok(["member", "show", "B-DV001", "--format", "json"]).contains("Trần Văn Nam"))
        #expect(try cli.ok(["unit", "history", "DN", "--format", "csv"]).contains("2020-06-01,moved,DN"))
    }
}
