import Foundation
import PostgresTestSupport
import Testing

/// The commands that run on both engines (docs/CLI.md#where-the-register-is), end to end:
/// each test runs on a file and on PostgreSQL with the same assertions, and one session of
/// commands gives the same outputs, byte for byte, on both.
@Suite("unit add, update, close and list, member add, host, show, history and list, and log, on a file and on PostgreSQL", .serialized)
struct TwoEngineCommandTests {
    @Test(arguments: RegisterEngineKind.allCases)
    func unitAddBuildsTheTreeThatUnitListShows(_ kind: RegisterEngineKind) throws {
        let register = try EngineRegister(kind)
        defer { register.cleanUp() }
        try register.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2015-01-01"])
        #expect(try register.ok(["unit", "add", "YT", "--name", "Đoàn cơ sở Sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
            == "Đã thêm Đoàn cơ sở YT — Đoàn cơ sở Sở Y tế.\n")
        try register.ok(["unit", "add", "YT-VP", "--name", "Chi đoàn Văn phòng", "--kind", "branch", "--parent", "YT", "--opened", "2016-03-26"])
        try register.ok(["unit", "add", "TC", "--name", "Chi đoàn cơ sở Sở Tài chính", "--kind", "grassroots-branch", "--parent", "DK", "--opened", "2015-01-01"])

        let csv = try register.ok(["unit", "list", "--format", "csv", "--as-of", "2016-03-26"])
        #expect(csv.split(separator: "\n").map { $0.split(separator: ",").first.map(String.init) ?? "" } == ["code", "DK", "TC", "YT", "YT-VP"],
                "each unit followed by its subtree, siblings by code: \(csv)")
        let tree = try register.ok(["unit", "list", "--tree", "--lang", "en"])
        #expect(tree.hasPrefix("Code ") && tree.contains("\n  YT ") && tree.contains("\n    YT-VP "), "\(tree)")
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func aRefusedUnitAddSaysWhyWithItsStatusAndWritesNothing(_ kind: RegisterEngineKind) throws {
        let register = try EngineRegister(kind)
        defer { register.cleanUp() }
        try register.ok(["init", "--name", "Đoàn Khối", "--code", "DK", "--opened", "2015-01-01"])
        try register.ok(["unit", "add", "YT", "--name", "Đoàn cơ sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
        let before = try register.contents()
        let refusals: [(arguments: [String], status: Int32, message: String)] = [
            (["unit", "add", "YT", "--name", "Khác", "--kind", "grassroots-union", "--parent", "DK", "--lang", "en"], 65,
             "Error: Unit code YT is already in the register.\n"),
            (["unit", "add", "CD1", "--name", "Chi đoàn 1", "--kind", "branch", "--parent", "XX"], 65,
             "Lỗi: Không có đơn vị mã XX trong sổ.\nXem các đơn vị bằng `sodoan unit list --tree`.\n"),
            (["unit", "add", "CD1", "--name", "Chi đoàn 1", "--kind", "branch", "--parent", "YT", "--opened", "2014-12-31", "--lang", "en"], 1, ""),
        ]
        for refusal in refusals {
            let result = try register.run(refusal.arguments)
            #expect(result.status == refusal.status, "\(refusal.arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            if !refusal.message.isEmpty { #expect(result.stderr == refusal.message) }
            #expect(try register.contents() == before, "\(refusal.arguments) wrote")
        }
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func unitUpdateCorrectsAndUnitCloseClosesWithTheirAuditRows(_ kind: RegisterEngineKind) throws {
        let register = try EngineRegister(kind)
        defer { register.cleanUp() }
        try register.ok(["init", "--name", "Đoàn Khối", "--code", "DK", "--opened", "2015-01-01"])
        try register.ok(["unit", "add", "YT", "--name", "Đoàn cơ sở Y tê", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
        try register.ok(["unit", "add", "YT-VP", "--name", "Chi đoàn Văn phòng", "--kind", "branch", "--parent", "YT", "--opened", "2016-01-01"])
        try register.ok(["unit", "update", "YT", "--name", "Đoàn cơ sở Sở Y tế"])
        let before = try register.contents()
        let early = try register.run(["unit", "update", "YT", "--opened", "2014-12-31", "--lang", "en"])
        #expect(early.status == 1 && early.stderr.hasPrefix("Error ["), "opened before its parent: \(early.stderr)")
        let withChild = try register.run(["unit", "close", "YT", "--on", "2020-01-01"])
        #expect(withChild.status == 1 && withChild.stderr.contains("YT-VP"), "an open branch under it: \(withChild.stderr)")
        #expect(try register.contents() == before)
        try register.ok(["unit", "close", "YT-VP", "--on", "2020-01-01"])
        try register.ok(["unit", "close", "YT", "--on", "2020-01-01"])

        let open = try register.ok(["unit", "list", "--format", "csv"])
        #expect(open.split(separator: "\n").count == 2, "only DK is open: \(open)")
        let all = try register.ok(["unit", "list", "--format", "csv", "--closed"])
        #expect(all.contains("Đoàn cơ sở Sở Y tế") && all.contains("2020-01-01"), "\(all)")
        let actions = try register.ok(["log", "--format", "csv"]).split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] }
        #expect(actions == ["register.init", "unit.add", "unit.add", "unit.update", "unit.close", "unit.close"])
    }

    /// Members added count in their units' subtrees, and the register they make passes
    /// `check`: on PostgreSQL, once copied to a file, which also checks that its triggers
    /// kept the derived tables (each member's state, the word index of the names) as a
    /// file's do, and that the rows appended there chain.
    @Test(arguments: RegisterEngineKind.allCases)
    func memberAddCountsInTheTreeAndTheRegisterPassesCheck(_ kind: RegisterEngineKind) throws {
        let register = try EngineRegister(kind)
        defer { register.cleanUp() }
        try register.ok(["init", "--name", "Đoàn Khối", "--code", "DK", "--opened", "2015-01-01"])
        try register.ok(["unit", "add", "YT", "--name", "Đoàn cơ sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
        try register.ok(["unit", "add", "YT-VP", "--name", "Chi đoàn Văn phòng", "--kind", "branch", "--parent", "YT", "--opened", "2015-01-01"])
        let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]
        for (index, name) in names.enumerated() {
            let added = try register.ok(["member", "add", "--unit", "YT-VP", "--name", name, "--born", "200\(index)-01-01", "--gender", "male",
                                         "--joined", "2019-03-26", "--education", "university", "--lang", "en"])
            #expect(added.contains("DV00000\(index + 1)"), "the next free code: \(added)")
        }
        let before = try register.contents()
        let young = try register.run(["member", "add", "--unit", "YT-VP", "--name", "Phạm Nhỏ", "--born", "2012-01-01", "--gender", "male",
                                      "--joined", "2019-03-26", "--education", "primary"])
        #expect(young.status == 1 && young.stderr.hasPrefix("Lỗi ["), "\(young.stderr)")
        #expect(try register.contents() == before)

        let csv = try register.ok(["unit", "list", "--format", "csv", "--as-of", "2020-01-01"])
        let members = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(members.map { "\($0[0]) \($0[6])" } == ["DK 4", "YT 4", "YT-VP 4"], "\(csv)")
        #expect(try register.ok(["unit", "list", "--format", "csv", "--as-of", "2019-03-25"]).contains("YT-VP,Chi đoàn Văn phòng,branch,YT,2015-01-01,,0,"))

        var file = register.location
        if kind == .postgres {
            file = register.cli.directory.appending(path: "copied.db").path
            try register.ok(["copy", "--from", register.location, "--to", file])
        }
        let check = try register.cli.run(["check", "--format", "json", "--db", file], useDB: false)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func logReadsTheChainedAuditRowsOfEveryWrite(_ kind: RegisterEngineKind) throws {
        let register = try EngineRegister(kind)
        defer { register.cleanUp() }
        try register.ok(["init", "--name", "Đoàn Khối", "--code", "DK", "--opened", "2015-01-01"])
        try register.ok(["unit", "add", "YT", "--name", "Đoàn cơ sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
        let log = try register.run(["log", "--format", "csv"])
        #expect(log.status == 0 && log.stderr.isEmpty, "no warning of a broken chain: \(log.stderr)")
        let rows = log.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows.dropFirst().map { $0.split(separator: ",")[2] } == ["register.init", "unit.add"])
        #expect(try register.ok(["log", "--since", "2999-01-01", "--format", "json"]) == "[\n\n]\n")
        #expect(try register.ok(["log", "--member", "DV999999", "--format", "csv"]) == "id,at,action,member_code,unit_code,command,actor,old_value,new_value\n")
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func logWarnsOfAuditRowsChangedBehindSodoansBack(_ kind: RegisterEngineKind) throws {
        let register = try EngineRegister(kind)
        defer { register.cleanUp() }
        try register.ok(["init", "--name", "Đoàn Khối", "--code", "DK", "--opened", "2015-01-01"])
        for code in ["YT", "TC", "GD", "NN"] {
            try register.ok(["unit", "add", code, "--name", "Đoàn cơ sở \(code)", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
        }
        try register.tamper(sqlite: """
            DROP TRIGGER audit_log_never_updated; DROP TRIGGER audit_log_never_deleted;
            DELETE FROM audit_log WHERE id = 3;
            UPDATE audit_log SET command = 'sodoan unit add forged' WHERE id = 5;
            """, postgres: """
            ALTER TABLE audit_log DISABLE TRIGGER USER;
            DELETE FROM audit_log WHERE id = 3;
            UPDATE audit_log SET command = 'sodoan unit add forged' WHERE id = 5;
            ALTER TABLE audit_log ENABLE TRIGGER USER
            """)
        let log = try register.run(["log", "--lang", "en"])
        #expect(log.status == 0)
        #expect(log.stderr == "Warning: the audit log does not match its hash chain (audit #4, audit #5): it was changed behind sodoan's back; run `sodoan check`.\n")
        #expect(log.stdout.contains("sodoan unit add forged"))
    }

    /// One session of commands, refusals included, on a file and on PostgreSQL: every
    /// output, message and exit status is the same byte for byte, once the register's name
    /// and the moments of the audit rows (the clock's, different on each run) are masked.
    @Test func theSameSessionGivesTheSameOutputsOnBothEngines() throws {
        let session: [[String]] = [
            ["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2015-01-01"],
            ["unit", "add", "YT", "--name", "Đoàn cơ sở Sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"],
            ["unit", "add", "YT-VP", "--name", "Chi đoàn Văn phòng Sở", "--kind", "branch", "--parent", "YT", "--opened", "2015-01-01"],
            ["unit", "add", "YT-BV", "--name", "Chi đoàn Bệnh viện Đa khoa", "--kind", "branch", "--parent", "YT", "--opened", "2016-01-01"],
            ["unit", "add", "TC", "--name", "Chi đoàn cơ sở Sở Tài chính", "--kind", "grassroots-branch", "--parent", "DK", "--opened", "2015-01-01"],
            ["unit", "add", "YT", "--name", "Trùng", "--kind", "branch", "--parent", "DK"],
            ["unit", "add", "X1", "--name", "Chi đoàn X", "--kind", "branch", "--parent", "NOPE", "--lang", "en"],
            ["unit", "add", "X2", "--name", "Chi đoàn X", "--kind", "branch", "--parent", "DK"],
            ["unit", "add", "X3", "--name", "Chi đoàn X", "--kind", "branch", "--parent", "YT", "--opened", "2014-01-01", "--lang", "en"],
            ["unit", "add", "bad code", "--name", "Chi đoàn X", "--kind", "branch", "--parent", "YT"],
            ["unit", "update", "YT-BV", "--name", "Chi đoàn Bệnh viện Đa khoa tỉnh", "--opened", "2015-06-01"],
            ["unit", "update", "YT-BV", "--opened", "2014-01-01", "--lang", "en"], ["unit", "update", "NOPE", "--name", "X"],
            ["unit", "close", "YT", "--on", "2020-01-01"], ["unit", "close", "YT-BV", "--on", "2999-01-01", "--lang", "en"],
            ["unit", "close", "YT-BV", "--on", "2020-01-01"],
            ["member", "add", "--unit", "YT-VP", "--name", "nguyễn  văn an", "--born", "10/05/2000", "--gender", "Nam",
             "--joined", "2016-03-26", "--education", "university", "--id-number", "001200012345"],
            ["member", "add", "--unit", "YT-VP", "--code", "12/2019", "--name", "Trần Thị Bình", "--born", "2001-02-03", "--gender", "female",
             "--joined", "2019-03-26", "--education", "upper-secondary", "--phone", "0901234567"],
            ["member", "add", "--unit", "YT-VP", "--code", "12/2019", "--name", "Lê Văn Cường", "--born", "2001-02-03", "--gender", "male",
             "--joined", "2019-03-26", "--education", "university", "--lang", "en"],
            ["member", "add", "--unit", "YT-VP", "--name", "Lê Văn Cường", "--born", "2001-02-03", "--gender", "male",
             "--joined", "2019-03-26", "--education", "university", "--id-number", "001200012345"],
            ["member", "add", "--unit", "YT-VP", "--name", "Phạm Nhỏ", "--born", "2012-01-01", "--gender", "male",
             "--joined", "2019-03-26", "--education", "primary", "--lang", "en"],
            ["member", "add", "--unit", "NOPE", "--name", "Phạm Văn Dũng", "--born", "2000-01-01", "--gender", "male",
             "--joined", "2019-03-26", "--education", "university"],
            ["member", "add", "--unit", "YT-VP", "--name", "Hoàng Văn Em", "--born", "1999-01-01", "--gender", "male",
             "--joined", "2014-03-26", "--education", "university", "--arrived", "2021-01-01", "--from", "Đoàn Thanh niên tỉnh khác", "--letter", "15/GT"],
            ["member", "host", "--unit", "TC", "--name", "Võ Thị Hà", "--born", "2002-06-01", "--gender", "female", "--joined", "2018-03-26",
             "--education", "college", "--from", "Đoàn trường Đại học X", "--on", "2022-09-01", "--until", "2023-06-30"],
            ["unit", "list"], ["unit", "list", "--tree", "--lang", "en"], ["unit", "list", "--as-of", "2015-06-01", "--tree"],
            ["unit", "list", "--format", "json"], ["unit", "list", "--format", "csv", "--closed"],
            ["log"], ["log", "--lang", "en", "--format", "json"], ["log", "--format", "csv", "--since", "2015-01-01"],
            ["member", "list"], ["member", "list", "--search", "AN", "--format", "json"], ["member", "show", "DV000001"],
            ["member", "show", "12/2019", "--lang", "en", "--format", "json"], ["member", "history", "DV000004"],
            ["member", "list", "--unit", "DK", "--status", "all", "--format", "csv", "--as-of", "2023-01-01"],
            ["member", "show", "NOPE"], ["member", "list", "--unit", "YT-BV", "--lang", "en"],
            ["member", "update", "DV000001", "--phone", "0912345678", "--name", "Nguyễn Văn An"], ["member", "update", "DV000001", "--phone", "0912345678"],
            ["member", "update", "DV000001", "--joined", "2030-01-01", "--lang", "en"], ["member", "update", "12/2019", "--id-number", "001200012345"],
            ["member", "update", "NOPE", "--phone", "1"],
            ["member", "transfer", "DV000001", "--to", "TC", "--on", "2021-01-10"],
            ["member", "transfer", "DV000001", "--to", "YT-VP", "--on", "2020-01-01", "--lang", "en"],
            ["member", "transfer", "DV000001", "--to", "NOPE", "--on", "2021-02-01"],
            ["member", "away", "12/2019", "--on", "2021-02-01", "--to", "Bộ Y tế", "--until", "2021-08-31"],
            ["member", "leave", "12/2019", "--on", "2022-03-01", "--to", "Đoàn Thanh niên tỉnh B", "--letter", "12/GT"],
            ["member", "arrive", "12/2019", "--unit", "TC", "--on", "2022-04-01", "--from", "Đoàn Thanh niên tỉnh B", "--letter", "3/GT"],
            ["member", "mature", "DV000001", "--on", "2023-05-01", "--lang", "en"], ["member", "remove", "12/2019", "--on", "2023-06-01", "--reason", "Bỏ sinh hoạt"],
            ["member", "decease", "12/2019", "--on", "2023-07-01", "--lang", "en"], ["member", "decease", "DV000001", "--on", "2024-07-01"],
            ["member", "show", "12/2019"], ["member", "history", "DV000001", "--format", "json"],
            ["member", "list", "--status", "all", "--as-of", "2024-01-01", "--format", "csv"], ["log", "--format", "csv", "--since", "2015-01-01"],
        ]
        let file = try sessionOutputs(session, on: .file), postgres = try sessionOutputs(session, on: .postgres)
        let statuses = sessionStatuses(file)
        #expect(statuses == ["0", "0", "0", "0", "0", "65", "65", "1", "1", "65", "0", "1", "65", "1", "65", "0"]
                + ["0", "0", "65", "65", "1", "65", "0", "0"] + Array(repeating: "0", count: 14) + ["65", "0"]
                + ["0", "0", "65", "65", "65", "0", "1", "65", "0", "0", "0", "0", "0", "1", "1", "0", "0", "0", "0"],
                "the session's writes, refusals and reads: \(statuses)")
        for (index, arguments) in session.enumerated() {
            #expect(file[index] == postgres[index], "\(arguments)")
        }
    }
}
