import Foundation
import PostgresTestSupport
import Testing

/// The member commands on a file and on PostgreSQL, end to end: the same assertions on a
/// register built by commands on each engine, and the sample register (every kind of
/// record a member's book holds) read on a file and on its copy on PostgreSQL, the outputs
/// the same byte for byte.
@Suite("member show, history, list, update and the membership events on a file and on PostgreSQL", .serialized)
struct TwoEngineMemberCommandTests {
    /// Three branches' members added and hosted by commands on one engine.
    private func membersInThreeBranches(_ kind: RegisterEngineKind) throws -> EngineRegister {
        let register = try EngineRegister(kind)
        try register.ok(["init", "--name", "Đoàn Khối", "--code", "DK", "--opened", "2015-01-01"])
        try register.ok(["unit", "add", "YT", "--name", "Đoàn cơ sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
        try register.ok(["unit", "add", "YT-VP", "--name", "Chi đoàn Văn phòng", "--kind", "branch", "--parent", "YT", "--opened", "2015-01-01"])
        try register.ok(["unit", "add", "TC", "--name", "Chi đoàn Tài chính", "--kind", "grassroots-branch", "--parent", "DK", "--opened", "2015-01-01"])
        for (name, unit) in [("Trần Thị Bình", "YT-VP"), ("Nguyễn Văn An", "YT-VP"), ("Đặng Văn Ân", "TC"), ("Nguyễn Thị Anh", "TC")] {
            try register.ok(["member", "add", "--unit", unit, "--name", name, "--born", "2000-01-01", "--gender", "male",
                             "--joined", "2019-03-26", "--education", "university", "--phone", "0901234567"])
        }
        try register.ok(["member", "host", "--unit", "TC", "--name", "Võ Thị Hà", "--born", "2002-06-01", "--gender", "female",
                         "--joined", "2018-03-26", "--education", "college", "--from", "Đoàn trường X", "--on", "2022-09-01",
                         "--until", "2023-06-30"])
        return register
    }

    /// The codes of a `member list --format csv`, in its order.
    private func codes(_ csv: String) -> [String] {
        csv.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func memberListFiltersByUnitStatusAndSearchInNameOrder(_ kind: RegisterEngineKind) throws {
        let register = try membersInThreeBranches(kind)
        defer { register.cleanUp() }
        // Vietnamese name order: by given name, then middle, then family name; Ân after An and Anh.
        #expect(codes(try register.ok(["member", "list", "--format", "csv"])) == ["DV000002", "DV000004", "DV000003", "DV000001"])
        #expect(codes(try register.ok(["member", "list", "--unit", "YT", "--format", "csv"])) == ["DV000002", "DV000001"])
        #expect(codes(try register.ok(["member", "list", "--status", "temporary", "--format", "csv", "--as-of", "2023-01-01"])) == ["DV000005"])
        #expect(codes(try register.ok(["member", "list", "--status", "all", "--format", "csv", "--as-of", "2023-07-01"]))
                == ["DV000002", "DV000004", "DV000003", "DV000001", "DV000005"])
        // Diacritics and case ignored; every word must be in the name; a word may be the code.
        #expect(codes(try register.ok(["member", "list", "--search", "AN", "--format", "csv"])) == ["DV000002", "DV000004", "DV000003", "DV000001"],
                "An, Anh, Ân and Trần each hold \"an\"")
        #expect(codes(try register.ok(["member", "list", "--search", "nguyễn an", "--format", "csv"])) == ["DV000002", "DV000004"])
        #expect(codes(try register.ok(["member", "list", "--search", "dv000001", "--format", "csv"])) == ["DV000001"])
        #expect(codes(try register.ok(["member", "list", "--search", "an_", "--format", "csv"])) == [], "_ is no wildcard")
        #expect(codes(try register.ok(["member", "list", "--as-of", "2019-03-25", "--format", "csv"])) == [], "not yet admitted")
        let json = try register.ok(["member", "list", "--unit", "TC", "--format", "json"])
        #expect(json.contains("\"full_name\" : \"Đặng Văn Ân\"") && !json.contains("0901234567"), "no phone in the list: \(json)")

        let unknown = try register.run(["member", "list", "--unit", "NOPE", "--lang", "en"])
        #expect(unknown.status == 65 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "Error: There is no unit with code NOPE in the register.\nSee the units with `sodoan unit list --tree`.\n")
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func memberShowAndHistoryTellTheMembersBook(_ kind: RegisterEngineKind) throws {
        let register = try membersInThreeBranches(kind)
        defer { register.cleanUp() }
        let shown = try register.ok(["member", "show", "DV000005", "--lang", "en"])
        #expect(shown.contains("Võ Thị Hà") && shown.contains("TC"), "\(shown)")
        let json = try register.ok(["member", "show", "DV000002", "--format", "json"])
        #expect(json.contains("\"full_name\" : \"Nguyễn Văn An\"") && json.contains("\"kind\" : \"admitted\""), "\(json)")
        let history = try register.ok(["member", "history", "DV000005", "--format", "csv"])
        #expect(history.contains("hosted") && history.contains("2022-09-01"), "\(history)")

        for (arguments, message) in [(["member", "show", "DV999999"], "Lỗi: Không có đoàn viên mã DV999999 trong sổ.\nXem danh sách bằng `sodoan member list --search`.\n"),
                                     (["member", "history", "DV999999", "--lang", "en"],
                                      "Error: There is no member with code DV999999 in the register.\nLook the member up with `sodoan member list --search`.\n")] {
            let refused = try register.run(arguments)
            #expect(refused.status == 65 && refused.stdout.isEmpty, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr == message, "\(arguments): \(refused.stderr)")
        }
    }

    /// Each change of a member's life is written with its audit row and read back; each
    /// refusal says why, with its status, and writes nothing.
    @Test(arguments: RegisterEngineKind.allCases)
    func membersLivesAreRecordedAndRefusalsWriteNothing(_ kind: RegisterEngineKind) throws {
        let register = try membersInThreeBranches(kind)
        defer { register.cleanUp() }
        let same = try register.ok(["member", "update", "DV000001", "--name", "Trần  Thị   Bình", "--lang", "en"])
        #expect(same.hasPrefix("Nothing changed: DV000001"), "the name as it is kept: \(same)")
        try register.ok(["member", "update", "DV000001", "--phone", "0987654321", "--joined", "2019-04-01"])
        try register.ok(["member", "transfer", "DV000001", "--to", "TC", "--on", "2021-01-10"])
        try register.ok(["member", "away", "DV000002", "--on", "2021-02-01", "--to", "Bộ Y tế", "--until", "2021-08-31"])
        try register.ok(["member", "leave", "DV000003", "--on", "2022-03-01", "--to", "Đoàn Thanh niên tỉnh B", "--letter", "12/GT"])
        try register.ok(["member", "arrive", "DV000003", "--unit", "YT-VP", "--on", "2022-04-01", "--from", "Đoàn Thanh niên tỉnh B"])
        try register.ok(["member", "remove", "DV000004", "--on", "2023-06-01", "--reason", "Bỏ sinh hoạt"])
        try register.ok(["member", "decease", "DV000002", "--on", "2023-07-01"])
        try register.ok(["member", "mature", "DV000001", "--on", "2024-05-01"])

        let shown = try register.ok(["member", "show", "DV000001", "--format", "json"])
        #expect(shown.contains("\"phone\" : \"0987654321\"") && shown.contains("\"joined_on\" : \"2019-04-01\""), "\(shown)")
        #expect(codes(try register.ok(["member", "list", "--unit", "YT-VP", "--format", "csv", "--as-of", "2022-05-01"])) == ["DV000002", "DV000003"],
                "back from away, and arrived")
        let statuses = try register.ok(["member", "list", "--status", "all", "--format", "csv", "--as-of", "2024-06-01"])
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[6] }
        #expect(statuses.sorted() == ["active", "deceased", "matured", "removed", "temporary-ended"], "\(statuses)")
        let actions = try register.ok(["log", "--format", "csv"]).split(separator: "\n").suffix(9).map { $0.split(separator: ",")[2] }
        #expect(actions == ["member.hosted", "member.update", "member.transfer", "member.away", "member.left", "member.arrived",
                            "member.removed", "member.deceased", "member.matured"], "no row for the update that changed nothing")

        let before = try register.contents()
        let refusals: [(arguments: [String], status: Int32, message: String)] = [
            (["member", "update", "DV000001", "--phone", "0987654321"], 0, ""),
            (["member", "update", "DV000003", "--joined", "2999-01-01", "--lang", "en"], 65, "Error: Joining date 2999-01-01 is in the future"),
            (["member", "transfer", "DV000003", "--to", "TC", "--on", "2022-03-31", "--lang", "en"], 1, "Error [event-order]: "),
            (["member", "transfer", "DV000003", "--to", "NOPE", "--on", "2022-05-01"], 65, "Lỗi: Không có đơn vị mã NOPE trong sổ."),
            (["member", "decease", "DV000002", "--on", "2023-08-01", "--lang", "en"], 1, "Error [event-order]: Membership already ended"),
            (["member", "mature", "DV999999", "--on", "2023-08-01"], 65, "Lỗi: Không có đoàn viên mã DV999999 trong sổ."),
        ]
        for refusal in refusals {
            let result = try register.run(refusal.arguments)
            #expect(result.status == refusal.status, "\(refusal.arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(refusal.message), "\(refusal.arguments): \(result.stderr)")
            #expect(try register.contents() == before, "\(refusal.arguments) wrote")
        }
    }

    /// The sample register's reads on a file and, copied, on PostgreSQL: each output, message
    /// and status the same byte for byte. The samples hold grades, trainings, discipline,
    /// offices, referrals, arrivals and departures, so every part of a member's book and
    /// every status of the list is read from PostgreSQL's rows.
    @Test func theSampleRegistersMemberReadsAreTheSameOnBothEngines() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        try cli.ok(["demo", "--samples", DemoCommandTests.samples, "--db", cli.db])
        #expect(try pg.run(cli, ["copy", "--from", cli.db, "--to", pg.url]).status == 0)
        // The first member with each kind of record and of membership event, and every tenth.
        let members = try cli.lines("""
            SELECT code FROM member WHERE id % 10 = 0 OR id IN (
                SELECT MIN(member_id) FROM referral UNION SELECT MIN(member_id) FROM discipline
                UNION SELECT MIN(member_id) FROM office UNION SELECT MIN(member_id) FROM training
                UNION SELECT MIN(member_id) FROM grade UNION SELECT MIN(member_id) FROM membership_event GROUP BY kind)
            ORDER BY id
            """)
        #expect(members.count > 20)
        var reads: [[String]] = [
            ["member", "list"], ["member", "list", "--status", "all", "--format", "csv"], ["member", "list", "--format", "json", "--lang", "en"],
            ["member", "list", "--due-maturity"], ["member", "list", "--as-of", "2020-01-01", "--status", "all"],
            ["member", "list", "--search", "nguyen thi", "--format", "csv"], ["member", "list", "--search", "DV00", "--status", "all"],
            ["member", "list", "--search", "văn 100%"], ["member", "show", "NOPE"], ["member", "list", "--unit", "NOPE", "--lang", "en"],
        ]
        reads += try cli.lines("SELECT code FROM unit ORDER BY id").map { ["member", "list", "--unit", $0, "--status", "all", "--format", "csv"] }
        reads += MembershipStatusCodes.all.map { ["member", "list", "--status", $0, "--format", "csv"] }
        for (index, code) in members.enumerated() {
            reads.append(["member", "show", code] + (index % 2 == 0 ? ["--format", "json"] : ["--lang", "en"]))
            if index % 3 == 0 { reads.append(["member", "history", code, "--format", "csv"]) }
        }
        let filled = try expectSameReads(reads, file: cli, postgres: pg)
        #expect(filled > reads.count * 3 / 4, "most reads print rows: \(filled) of \(reads.count)")
    }
}

/// The `--status` values of `member list`, as its help lists them.
private enum MembershipStatusCodes {
    static let all = ["active", "temporary", "temporary-ended", "left", "matured", "removed", "expelled", "deceased"]
}
