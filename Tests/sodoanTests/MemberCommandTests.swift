import Foundation
import PostgresTestSupport
import Testing

@Suite("sodoan member, end to end", .serialized)
struct MemberCommandTests {
    /// A small tree with one member, DV001, admitted to YT-VP on 2018-03-26.
    func registerWithOneMember(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        try cli.makeSmallTree()
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Nguyễn Văn An", "--born", "10/05/2000", "--gender", "Nam",
                    "--code", "DV001", "--joined", "2018-03-26", "--education", "Đại học", "--phone", "0912345678"])
        return cli
    }

    @Test(arguments: RegisterEngineKind.allCases) func addShowTransferAndHistory(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithOneMember(kind)
        defer { cli.cleanUp() }
        try cli.ok(["member", "transfer", "DV001", "--to", "TC", "--on", "2024-03-01"])
        let show = try cli.ok(["member", "show", "DV001"])
        #expect(show.contains("Nguyễn Văn An"))
        #expect(show.contains("Đang sinh hoạt tại TC"))
        let json = try JSONSerialization.jsonObject(with: Data(try cli.ok(["member", "show", "DV001", "--format", "json"]).utf8)) as! [String: Any]
        #expect(json["unit"] as? String == "TC")
        #expect(json["birth_date"] as? String == "2000-05-10")
        #expect((json["history"] as? [[String: Any]])?.count == 2)
        let history = try cli.ok(["member", "history", "DV001", "--lang", "en"])
        #expect(history.contains("2024-03-01  transferred from YT-VP to TC"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aMemberHasOneJSONShapeInTheListAndInShow(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithOneMember(kind)
        defer { cli.cleanUp() }
        func object(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
        let row = try #require((try object(try cli.ok(["member", "list", "--format", "json"])) as? [[String: Any]])?.first)
        let show = try #require(try object(try cli.ok(["member", "show", "DV001", "--format", "json"])) as? [String: Any])
        #expect(Set(row.keys) == ["code", "full_name", "birth_date", "age", "gender", "unit", "status"])
        #expect(Set(row.keys).isSubset(of: Set(show.keys)))
        for key in row.keys { #expect("\(row[key]!)" == "\(show[key]!)", "\(key)") }
    }

    @Test(arguments: RegisterEngineKind.allCases) func listAsOfAPastDayShowsWhereMembersWere(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithOneMember(kind)
        defer { cli.cleanUp() }
        try cli.ok(["member", "transfer", "DV001", "--to", "TC", "--on", "2024-03-01"])
        #expect(try cli.ok(["member", "list", "--as-of", "2023-12-31", "--format", "csv"]).contains(",YT-VP,active,"))
        #expect(try cli.ok(["member", "list", "--format", "csv"]).contains(",TC,active,"))
        #expect(try cli.ok(["member", "list", "--unit", "YT", "--as-of", "2024-03-01", "--format", "csv"]).split(separator: "\n").count == 1)
    }

    @Test(arguments: RegisterEngineKind.allCases) func searchIgnoresCaseAndDiacritics(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithOneMember(kind)
        defer { cli.cleanUp() }
        #expect(try cli.ok(["member", "list", "--search", "NGUYEN van AN", "--format", "csv"]).contains("DV001"))
        #expect(!(try cli.ok(["member", "list", "--search", "binh", "--format", "csv"]).contains("DV001")))
    }

    @Test(arguments: RegisterEngineKind.allCases) func matureRemoveAndDeceaseEndMembership(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithOneMember(kind)
        defer { cli.cleanUp() }
        try cli.ok(["member", "mature", "DV001", "--on", "2025-03-26", "--reason", "Lễ trưởng thành Đoàn"])
        #expect(try cli.ok(["member", "list", "--status", "matured", "--format", "csv"]).contains("DV001"))
        #expect(!(try cli.ok(["member", "list", "--format", "csv"]).contains("DV001")))
    }

    @Test(arguments: RegisterEngineKind.allCases) func updateChangesFieldsAndIsAudited(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithOneMember(kind)
        defer { cli.cleanUp() }
        try cli.ok(["member", "update", "DV001", "--qualification", "Kỹ sư", "--phone", ""])
        let json = try JSONSerialization.jsonObject(with: Data(try cli.ok(["member", "show", "DV001", "--format", "json"]).utf8)) as! [String: Any]
        #expect(json["qualification"] as? String == "Kỹ sư")
        #expect(json["phone"] == nil)
        let log = try cli.ok(["log", "--member", "DV001", "--format", "csv"])
        #expect(log.contains("member.add"))
        #expect(log.contains("member.update"))
        // The same change again changes nothing, says so, and leaves no second audit row.
        #expect(try cli.ok(["member", "update", "DV001", "--qualification", "Kỹ sư", "--lang", "en"]).contains("Nothing changed: DV001"))
        let again = try cli.ok(["log", "--member", "DV001", "--format", "csv"])
        #expect(again.components(separatedBy: "member.update").count == log.components(separatedBy: "member.update").count)
    }

    /// Every bad input of issue 2: the exit status of docs/CLI.md, a message, and the file
    /// byte-for-byte unchanged.
    @Test(arguments: [
        (["member", "add", "--unit", "NOPE", "--name", "A", "--born", "2000-01-01", "--gender", "male", "--joined", "2018-01-01", "--education", "university"], Int32(65), "NOPE"),
        (["member", "show", "DV999"], 65, "DV999"),
        (["member", "transfer", "DV999", "--to", "TC", "--on", "2024-01-01"], 65, "DV999"),
        (["member", "add", "--unit", "YT-VP", "--name", "A", "--born", "2000-02-30", "--gender", "male", "--joined", "2018-01-01", "--education", "university"], 65, "2000-02-30"),
        (["member", "add", "--unit", "YT-VP", "--name", "Bé", "--born", "2010-06-01", "--gender", "male", "--joined", "2025-06-01", "--education", "primary"], 1, "admission-age"),
        (["member", "add", "--unit", "YT-VP", "--name", "Chưa Sinh", "--born", "2000-01-01", "--gender", "male", "--joined", "2099-01-01", "--education", "primary"], 65, "2099-01-01"),
        (["member", "add", "--unit", "YT-VP", "--name", "Trùng Mã", "--born", "2000-01-01", "--gender", "male", "--code", "DV001", "--joined", "2018-01-01", "--education", "primary"], 65, "DV001"),
        (["member", "transfer", "DV001", "--to", "TC", "--on", "2017-01-01"], 1, "event-order"),
        (["member", "transfer", "DV001", "--to", "TC", "--on", "2099-01-01"], 65, "2099-01-01"),
        (["member", "transfer", "DV001", "--to", "YT", "--on", "2024-01-01"], 1, "member-unit-kind"),
        (["member", "mature", "DV001", "--on", "31/13/2024"], 65, "31/13/2024"),
        (["unit", "close", "YT-VP", "--on", "2024-01-01"], 1, "unit-close"),
        (["member", "add", "--unit", "YT-VP", "--name", "A", "--born", "2000-01-01", "--gender", "other", "--joined", "2018-01-01", "--education", "university"], 64, "gender"),
    ])
    func badInputIsRefusedAndChangesNothing(arguments: [String], status: Int32, mentions: String) throws {
        let cli = try registerWithOneMember()
        defer { cli.cleanUp() }
        let before = try cli.registerBytes()
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(try cli.registerBytes() == before)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aSecondMaturityIsOutOfOrder(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithOneMember(kind)
        defer { cli.cleanUp() }
        try cli.ok(["member", "mature", "DV001", "--on", "2025-03-26"])
        let before = try cli.registerBytes()
        let again = try cli.run(["member", "mature", "DV001", "--on", "2025-04-26"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("event-order"))
        let transfer = try cli.run(["member", "transfer", "DV001", "--to", "TC", "--on", "2025-05-01", "--lang", "en"])
        #expect(transfer.status == 1)
        #expect(transfer.stderr.contains("Membership already ended"))
        #expect(try cli.registerBytes() == before)
    }

    @Test(arguments: RegisterEngineKind.allCases) func twoProcessesWritingAtOnceBothLand(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithOneMember(kind)
        defer { cli.cleanUp() }
        let perProcess = 15
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for index in 0..<perProcess {
                failures.record {
                    let result = try cli.run(["member", "add", "--unit", writer == 0 ? "YT-VP" : "TC", "--name", "Người \(writer) \(index)",
                                              "--born", "2000-01-01", "--gender", "female", "--joined", "2018-01-01", "--education", "university"])
                    if result.status != 0 { throw ClusterError("member add exited \(result.status): \(result.stderr)") }
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let list = try cli.ok(["member", "list", "--format", "csv"])
        #expect(list.split(separator: "\n").count == 1 + 1 + 2 * perProcess)
        #expect(try cli.ok(["check"]).contains("0 lỗi"))
    }

    @Test func checkAndBackup() throws {
        let cli = try registerWithOneMember()
        defer { cli.cleanUp() }
        #expect(try cli.ok(["check", "--lang", "en"]).contains("Check done: 0 errors"))
        let copy = cli.directory.appending(path: "copy.db").path
        try cli.ok(["backup", copy])
        let shown = try cli.run(["member", "show", "DV001", "--db", copy], useDB: false)
        #expect(shown.stdout.contains("Nguyễn Văn An"))
    }
}
