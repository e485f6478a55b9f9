import Foundation
import PostgresTestSupport
import Testing

@Suite("sodoan office and removal from office, end to end", .serialized)
struct OfficeCommandTests {
    /// The small tree with DV001 (born 1990-05-10, over 30 from 2020-05-11) in YT-VP and
    /// DV002 (born 1998) in YT-BV.
    func register(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        try cli.makeSmallTree()
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Nguyễn Văn An", "--born", "1990-05-10", "--gender", "Nam",
                    "--code", "DV001", "--joined", "2015-03-26", "--education", "Đại học"])
        try cli.ok(["member", "add", "--unit", "YT-BV", "--name", "Lê Thị Bình", "--born", "1998-01-01", "--gender", "Nữ",
                    "--code", "DV002", "--joined", "2015-03-26", "--education", "Đại học"])
        return cli
    }

    func due(_ cli: CLI, on day: String) throws -> [String] {
        try cli.ok(["member", "list", "--due-maturity", "--as-of", day, "--format", "csv"])
            .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    }

    @Test(arguments: RegisterEngineKind.allCases) func theCommitteeOfAUnitOnAnyDayAndTheMaturityFlagFollowIt(_ kind: RegisterEngineKind) throws {
        let cli = try register(kind)
        defer { cli.cleanUp() }
        try cli.ok(["office", "add", "DV001", "--role", "Bí thư", "--unit", "YT-VP", "--from", "2022-10-01", "--to", "2024-10-01"])
        try cli.ok(["office", "add", "DV002", "--role", "standing-committee", "--unit", "YT", "--from", "2023-01-01"])
        #expect(try due(cli, on: "2022-09-30") == ["DV001"])
        #expect(try due(cli, on: "2022-10-01").isEmpty)
        #expect(try due(cli, on: "2024-09-30").isEmpty)
        #expect(try due(cli, on: "2024-10-01") == ["DV001"])
        let committee = try cli.ok(["office", "list", "--unit", "YT", "--as-of", "2024-06-01", "--format", "csv"])
        #expect(committee == """
            unit,role,member,full_name,from,to,title
            YT,standing-committee,DV002,Lê Thị Bình,2023-01-01,,
            YT-VP,secretary,DV001,Nguyễn Văn An,2022-10-01,2024-10-01,

            """)
        #expect(try cli.ok(["office", "list", "--unit", "YT-VP", "--as-of", "2024-10-01", "--format", "csv"]).split(separator: "\n").count == 1)
        let show = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["member", "show", "DV001", "--format", "json"]).utf8)) as? [String: Any])
        let offices = try #require(show["offices"] as? [[String: Any]])
        #expect(offices.first?["role"] as? String == "secretary" && offices.first?["held"] as? Bool == false)
        #expect(try cli.ok(["log", "--member", "DV001", "--format", "csv"]).contains("office.add"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func refusalsChangeNothing(_ kind: RegisterEngineKind) throws {
        let cli = try register(kind)
        defer { cli.cleanUp() }
        try cli.ok(["office", "add", "DV001", "--role", "secretary", "--unit", "YT-VP", "--from", "2022-10-01"])
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Trần Văn Cường", "--born", "1995-01-01", "--gender", "Nam",
                    "--code", "DV003", "--joined", "2015-03-26", "--education", "Đại học"])
        let two = try cli.refusedLeavingNoTrace(["office", "add", "DV003", "--role", "secretary", "--unit", "YT-VP", "--from", "2024-01-01", "--lang", "en"], status: 1)
        #expect(two.contains("[office-secretary]"))
        let notIn = try cli.refusedLeavingNoTrace(["office", "add", "DV002", "--role", "committee", "--unit", "YT-VP", "--from", "2024-01-01", "--lang", "en"], status: 1)
        #expect(notIn.contains("[office-member]") && notIn.contains("in YT-BV on 2024-01-01"))
        let backwards = try cli.refusedLeavingNoTrace(["office", "add", "DV003", "--role", "committee", "--unit", "YT-VP", "--from", "2024-01-01", "--to", "2023-12-31"], status: 1)
        #expect(backwards.contains("[office-term]"))
        try cli.ok(["unit", "add", "OLD", "--name", "Chi đoàn cũ", "--kind", "branch", "--parent", "YT", "--opened", "2015-01-01"])
        try cli.ok(["unit", "close", "OLD", "--on", "2020-01-01"])
        let closed = try cli.refusedLeavingNoTrace(["office", "add", "DV001", "--role", "committee", "--unit", "OLD", "--from", "2021-01-01"], status: 1)
        #expect(closed.contains("[office-unit]"))
        let none = try cli.refusedLeavingNoTrace(["office", "end", "DV003", "--unit", "YT-VP", "--on", "2024-01-01"], status: 1)
        #expect(none.contains("[office-term]"))
        // The predecessor ends, the successor starts the same day.
        try cli.ok(["office", "end", "DV001", "--unit", "YT-VP", "--on", "2024-01-01"])
        try cli.ok(["office", "add", "DV003", "--role", "secretary", "--unit", "YT-VP", "--from", "2024-01-01"])
    }

    @Test(arguments: RegisterEngineKind.allCases) func aUnitThatClosesEndsItsCommitteeOnItsClosingDay(_ kind: RegisterEngineKind) throws {
        let cli = try register(kind)
        defer { cli.cleanUp() }
        try cli.ok(["office", "add", "DV002", "--role", "standing-committee", "--unit", "YT", "--from", "2023-01-01"])
        for member in ["DV001", "DV002"] { try cli.ok(["member", "transfer", member, "--to", "TC", "--on", "2025-01-01"]) }
        for unit in ["YT-VP", "YT-BV", "YT"] { try cli.ok(["unit", "close", unit, "--on", "2025-02-01"]) }
        #expect(try cli.ok(["office", "list", "--unit", "YT", "--format", "csv"]).contains("YT,standing-committee,DV002,Lê Thị Bình,2023-01-01,2025-02-01,"))
        #expect(try cli.ok(["office", "list", "--unit", "YT", "--as-of", "2025-01-31", "--format", "csv"]).contains("DV002"))
        #expect(!(try cli.ok(["office", "list", "--unit", "YT", "--as-of", "2025-02-01", "--format", "csv"])).contains("DV002"))
        #expect(try cli.ok(["log", "--format", "csv"]).contains("office.end"))
        // DV001, born 1990, is reported over 35; no office outlives its unit.
        let check = try cli.run(["check", "--as-of", "2025-06-01", "--format", "csv"]).stdout
        #expect(check.contains(",over-35,DV001,") && !check.contains("office-"), "\(check)")
    }

    @Test(arguments: RegisterEngineKind.allCases) func removalFromOfficeEndsTheOfficesHeldOnItsDate(_ kind: RegisterEngineKind) throws {
        let cli = try register(kind)
        defer { cli.cleanUp() }
        let none = try cli.refusedLeavingNoTrace(["discipline", "add", "DV001", "--level", "removal-from-office", "--on", "2024-03-01",
                                                  "--reason", "Vi phạm", "--lang", "en"], status: 1)
        #expect(none.contains("[discipline-office]"))
        try cli.ok(["office", "add", "DV001", "--role", "secretary", "--unit", "YT-VP", "--from", "2022-10-01"])
        try cli.ok(["office", "add", "DV001", "--role", "standing-committee", "--unit", "YT", "--from", "2023-01-01"])
        try cli.ok(["discipline", "add", "DV001", "--level", "Cách chức", "--on", "2024-03-01", "--reason", "Vi phạm"])
        #expect(try cli.ok(["office", "list", "--as-of", "2024-02-29", "--format", "csv"]).split(separator: "\n").count == 3)
        #expect(try cli.ok(["office", "list", "--as-of", "2024-03-01", "--format", "csv"]).split(separator: "\n").count == 1)
        #expect(try due(cli, on: "2024-03-01") == ["DV001"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["report", "annual", "--year", "2024", "--format", "json"]).utf8)) as? [String: Any])
        #expect(((report["root"] as? [String: Any])?["discipline"] as? [String: Int])?["removal-from-office"] == 1
                || "\(report)".contains("removal-from-office"))
    }

    @Test func officesRoundTripAndDamageIsFoundByCheck() throws {
        let cli = try register()
        defer { cli.cleanUp() }
        try cli.ok(["office", "add", "DV001", "--role", "secretary", "--unit", "YT-VP", "--from", "2022-10-01", "--title", "Bí thư Chi đoàn Văn phòng"])
        try cli.ok(["discipline", "add", "DV001", "--level", "removal-from-office", "--on", "2024-03-01", "--reason", "Vi phạm"])
        let fingerprint = try cli.ok(["report", "annual", "--year", "2024", "--format", "json"])
            .split(separator: "\n").first { $0.contains("fingerprint") }
        let fresh = try CLI()
        defer { fresh.cleanUp() }
        try fresh.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2015-01-01"])
        for kind in ["units", "members", "events", "offices", "discipline"] {
            let text = try cli.ok(["export", kind, "--include-personal"])
            let path = try fresh.file("\(kind).csv", kind == "units" ? text.split(separator: "\n").filter { !$0.hasPrefix("DK,") }.joined(separator: "\n") + "\n" : text)
            try fresh.ok(["import", kind, path])
        }
        #expect(try fresh.ok(["report", "annual", "--year", "2024", "--format", "json"]).split(separator: "\n").first { $0.contains("fingerprint") } == fingerprint)
        // A second secretary written behind sodoan's back.
        try cli.tamper("INSERT INTO office (member_id, unit_id, role, from_on) SELECT 2, id, 'secretary', '2023-01-01' FROM unit WHERE code = 'YT-VP'")
        let check = try cli.run(["check", "--lang", "en"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("office-secretary") && check.stdout.contains("office-member"))
    }
}
