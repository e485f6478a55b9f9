import Foundation
import PostgresTestSupport
import Testing

@Suite("sodoan arrivals, departures and temporary members, end to end", .serialized)
struct ArrivalCommandTests {
    /// A bloc with a past (opened 2010) whose branch CD1 was set up in 2020, and Lan,
    /// admitted at university in 2013, in CD1 since 2020-09-01.
    func blocWithAnArrival(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        try cli.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2010-01-01"])
        try cli.ok(["unit", "add", "DCS", "--name", "Đoàn cơ sở Sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"])
        try cli.ok(["unit", "add", "CD1", "--name", "Chi đoàn Văn phòng", "--kind", "branch", "--parent", "DCS", "--opened", "2020-09-01"])
        try cli.ok(["unit", "add", "CD2", "--name", "Chi đoàn Bệnh viện", "--kind", "branch", "--parent", "DCS", "--opened", "2020-09-01"])
        try cli.ok(["member", "add", "--unit", "CD1", "--code", "L1", "--name", "Trần Thị Lan", "--born", "1995-01-01", "--gender", "Nữ",
                    "--education", "university", "--joined", "2013-03-26", "--arrived", "2020-09-01",
                    "--from", "Chi đoàn Trường Đại học Y", "--letter", "12/GGT"])
        return cli
    }

    /// Runs a command that must be refused with `status` and `rule`, leaving the file as it was.
    func expectRefusal(_ cli: CLI, _ arguments: [String], status: Int32, rule: String?, says text: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try cli.registerBytes()
        let result = try cli.run(arguments + ["--lang", "en"])
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        if let rule { #expect(result.stderr.contains("[\(rule)]"), "\(result.stderr)", sourceLocation: sourceLocation) }
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try cli.registerBytes() == before, sourceLocation: sourceLocation)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aUnitUnderARootOpenedTodayIsRefusedWithTheFixThenCorrected(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK"])
        let add = ["unit", "add", "DCS", "--name", "Đoàn cơ sở Sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"]
        try expectRefusal(cli, add, status: 1, rule: "unit-parent-open", says: "sodoan unit update DK --opened 2015-01-01")
        try cli.ok(["unit", "update", "DK", "--opened", "2010-01-01"])
        try cli.ok(add)
        try expectRefusal(cli, ["unit", "update", "DK", "--opened", "2015-01-02"], status: 1, rule: "unit-parent-open", says: "DCS under it opened on 2015-01-01")
        try expectRefusal(cli, ["unit", "update", "NOPE", "--name", "X"], status: 65, rule: nil, says: "no unit with code NOPE")
        #expect(try cli.ok(["unit", "update", "DCS", "--name", "Đoàn cơ sở Sở Y tế tỉnh"]).contains("2015-01-01"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aMemberAdmittedBeforeTheBranchIsRefusedWithTheArrivalHint(_ kind: RegisterEngineKind) throws {
        let cli = try blocWithAnArrival(kind)
        defer { cli.cleanUp() }
        try expectRefusal(cli, ["member", "add", "--unit", "CD1", "--name", "Lê Văn Minh", "--born", "1995-01-01", "--gender", "male",
                                "--education", "university", "--joined", "2013-03-26"],
                          status: 1, rule: "member-unit-open", says: "--arrived DATE --from")
    }

    @Test(arguments: RegisterEngineKind.allCases) func everyRefusalOfAnArrivalOrADepartureChangesNothing(_ kind: RegisterEngineKind) throws {
        let cli = try blocWithAnArrival(kind)
        defer { cli.cleanUp() }
        let newMember = ["member", "add", "--unit", "CD1", "--name", "Lê Văn Minh", "--born", "1995-01-01", "--gender", "male",
                         "--education", "university", "--joined", "2013-03-26", "--from", "Chi đoàn xã A"]
        try expectRefusal(cli, newMember + ["--arrived", "2013-03-25"], status: 1, rule: "arrival-before-admission",
                          says: "before Lê Văn Minh's admission to the Union on 2013-03-26")
        try expectRefusal(cli, newMember + ["--arrived", "2020-08-31"], status: 1, rule: "member-unit-open", says: "not open on 2020-08-31")
        try expectRefusal(cli, ["member", "arrive", "L1", "--unit", "CD2", "--on", "2024-01-01", "--from", "X"],
                          status: 1, rule: "arrival-active", says: "already active in CD1")
        try expectRefusal(cli, ["member", "arrive", "L1", "--unit", "NOPE", "--on", "2024-01-01", "--from", "X"],
                          status: 65, rule: nil, says: "no unit with code NOPE")
        try expectRefusal(cli, newMember.map { $0 == "CD1" ? "NOPE" : $0 } + ["--arrived", "2021-01-01"],
                          status: 65, rule: nil, says: "no unit with code NOPE")
        try cli.ok(["member", "leave", "L1", "--on", "2024-03-01", "--to", "Đoàn Khối Doanh nghiệp", "--letter", "5-GGT/ĐTN"])
        try expectRefusal(cli, ["member", "leave", "L1", "--on", "2024-04-01", "--to", "Y"],
                          status: 1, rule: "departure-not-active", says: "not active in this register")
        try expectRefusal(cli, ["member", "arrive", "L1", "--unit", "CD2", "--on", "2024-02-01", "--from", "X"],
                          status: 1, rule: "event-order", says: "before the latest event")
        let host = ["member", "host", "--unit", "CD2", "--name", "Lê Văn Cường", "--born", "1997-01-01", "--gender", "male",
                    "--education", "college", "--joined", "2014-01-01", "--from", "Chi đoàn xã Yên Sơn", "--on", "2025-01-01"]
        try expectRefusal(cli, host + ["--until", "2024-12-31"], status: 1, rule: "temporary-period", says: "ends on 2024-12-31, before it starts")
        try expectRefusal(cli, ["member", "away", "L1", "--to", "X", "--on", "2024-05-01", "--until", "2024-06-01"],
                          status: 1, rule: "event-order", says: "Membership already ended")
        try expectRefusal(cli, ["member", "letter", "NOPE"], status: 65, rule: nil, says: "no member with code NOPE")
    }

    @Test(arguments: RegisterEngineKind.allCases) func theLetterSaysTheMonthOfDuesPaidByTheDeparture(_ kind: RegisterEngineKind) throws {
        let cli = try blocWithAnArrival(kind)
        defer { cli.cleanUp() }
        #expect(try cli.ok(["member", "leave", "L1", "--on", "2024-03-01", "--to", "Đoàn Khối Doanh nghiệp"])
            .isEmpty == false)
        #expect(try cli.ok(["member", "letter", "L1"]).contains("Đã đóng đoàn phí đến hết tháng: **……/……**"))
        let paid = try CLI(kind)
        defer { paid.cleanUp() }
        try paid.ok(["init", "--name", "Đoàn Khối", "--code", "DK", "--opened", "2010-01-01"])
        try paid.ok(["unit", "add", "CD1", "--name", "Chi đoàn Văn phòng", "--kind", "grassroots-branch", "--parent", "DK", "--opened", "2015-01-01"])
        try paid.ok(["member", "add", "--unit", "CD1", "--code", "L1", "--name", "Trần Thị Lan", "--born", "1995-01-01", "--gender", "Nữ",
                     "--education", "university", "--joined", "2016-03-26"])
        try paid.ok(["dues", "start", "2024-01"])
        try paid.ok(["dues", "pay", "L1", "--through", "2024-02", "--on", "2024-02-10"])
        try paid.ok(["member", "leave", "L1", "--on", "2024-03-01", "--to", "Đoàn Khối Doanh nghiệp"])
        #expect(try paid.ok(["member", "letter", "L1"]).contains("Đã đóng đoàn phí đến hết tháng: **02/2024**"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aMemberLeavesWithALetterAndComesBackWithTheirHistory(_ kind: RegisterEngineKind) throws {
        let cli = try blocWithAnArrival(kind)
        defer { cli.cleanUp() }
        try cli.ok(["member", "leave", "L1", "--on", "2024-03-01", "--to", "Đoàn Khối <Doanh nghiệp> & *Cty*", "--letter", "5-GGT/ĐTN"])
        let html = try cli.ok(["member", "letter", "L1", "--format", "html", "--place", "Tuyên Quang"])
        #expect(html.contains("GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN"))
        #expect(html.contains("Đoàn Khối &lt;Doanh nghiệp&gt; &amp; *Cty*"))
        #expect(!html.contains("<Doanh nghiệp>"))
        #expect(html.contains("Số: 5-GGT/ĐTN") && html.contains("Tuyên Quang, ngày 01 tháng 03 năm 2024"))
        #expect(html.contains("26/03/2013") && html.contains("BCH ĐOÀN CƠ SỞ SỞ Y TẾ") && html.contains("size: A4"))
        let md = try cli.ok(["member", "letter", "L1"])
        #expect(md.contains("Đoàn Khối \\<Doanh nghiệp\\> \\& \\*Cty\\*"))
        #expect(md.contains("TRẦN THỊ LAN"))
        #expect(try cli.ok(["member", "list", "--status", "left", "--format", "csv"]).contains("L1,Trần Thị Lan,1995-01-01,"))
        #expect(try cli.ok(["member", "list", "--format", "csv"]).split(separator: "\n").count == 1)
        try cli.ok(["member", "arrive", "L1", "--unit", "CD2", "--on", "2025-02-01", "--from", "Đoàn Khối Doanh nghiệp"])
        let history = try cli.ok(["member", "history", "L1", "--lang", "en"])
        #expect(history.contains("2020-09-01  arrived from Chi đoàn Trường Đại học Y into CD1, letter no. 12/GGT"))
        #expect(history.contains("2024-03-01  left from CD1 to Đoàn Khối <Doanh nghiệp> & *Cty*, letter no. 5-GGT/ĐTN"))
        #expect(history.contains("2025-02-01  arrived from Đoàn Khối Doanh nghiệp into CD2"))
        #expect(try cli.ok(["member", "list", "--as-of", "2024-12-31", "--status", "left", "--format", "csv"]).contains(",CD1,left,"))
        #expect(try cli.ok(["member", "list", "--format", "csv"]).contains(",CD2,active,"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func temporaryMembersAreListedNotCountedAndOursAwayStayCounted(_ kind: RegisterEngineKind) throws {
        let cli = try blocWithAnArrival(kind)
        defer { cli.cleanUp() }
        try cli.ok(["member", "host", "--unit", "CD2", "--code", "H1", "--name", "Lê Văn Cường", "--born", "1997-01-01", "--gender", "male",
                    "--education", "college", "--joined", "2014-01-01", "--from", "Chi đoàn xã Yên Sơn", "--on", "2025-01-01", "--until", "2025-06-30"])
        try cli.ok(["member", "away", "L1", "--to", "Sở Tư pháp", "--on", "2025-03-01", "--until", "2025-12-31"])
        let hosted = try cli.ok(["member", "list", "--status", "temporary", "--as-of", "2025-06-30", "--format", "csv"])
        #expect(hosted.contains("H1,Lê Văn Cường,1997-01-01,28,male,CD2,temporary,"))
        #expect(try cli.ok(["member", "list", "--status", "temporary-ended", "--as-of", "2025-07-01", "--format", "csv"]).contains("H1,"))
        let active = try cli.ok(["member", "list", "--as-of", "2025-05-01", "--lang", "en"])
        #expect(active.contains("away at Sở Tư pháp through 2025-12-31") && !active.contains("H1"))
        let show = try JSONSerialization.jsonObject(with: Data(try cli.run(["member", "show", "H1", "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect(show?["status"] as? String == "temporary-ended")
        // A training the hosted member took while here counts at their home unit, not here.
        try cli.ok(["training", "add", "H1", "--kind", "union-cadre", "--completed", "2025-04-01"])
        try cli.ok(["training", "add", "L1", "--kind", "union-cadre", "--completed", "2025-04-01"])
        let report = try JSONSerialization.jsonObject(with: Data(try cli.ok(["report", "annual", "--year", "2025", "--format", "json"]).utf8)) as? [String: Any]
        #expect((report?["members"] as? [String: Any])?["end"] as? Int == 1)
        #expect((report?["training"] as? [String: Any])?["union-cadre"] as? Int == 1)
        let grade = try cli.run(["grade", "set", "H1", "--year", "2025", "--grade", "good", "--lang", "en"])
        #expect(grade.status == 1 && grade.stderr.contains("[grade-not-here]"))
        try cli.ok(["grade", "set", "L1", "--year", "2025", "--grade", "good"])
        let nominate = try cli.run(["referral", "check", "H1", "--step", "nominate", "--on", "2025-05-01", "--lang", "en"])
        #expect(nominate.stdout.contains("Only hosted temporarily in CD2 through 2025-06-30"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func theBlocCountsArrivalsAndDeparturesAndBalances(_ kind: RegisterEngineKind) throws {
        let cli = try blocWithAnArrival(kind)
        defer { cli.cleanUp() }
        try cli.ok(["member", "add", "--unit", "CD2", "--code", "M2", "--name", "Lê Văn Minh", "--born", "1998-01-01", "--gender", "male",
                    "--education", "university", "--joined", "2016-03-26", "--arrived", "2025-10-01", "--from", "Đoàn Thanh niên huyện"])
        try cli.ok(["member", "transfer", "L1", "--to", "CD2", "--on", "2025-04-01"])
        try cli.ok(["member", "leave", "L1", "--on", "2025-11-01", "--to", "Đoàn Khối Doanh nghiệp"])
        let json = try JSONSerialization.jsonObject(with: Data(try cli.ok(["report", "annual", "--year", "2025", "--format", "json"]).utf8)) as? [String: Any]
        let members = json?["members"] as? [String: Any]
        #expect(members?["start"] as? Int == 1)
        #expect(members?["transferred_in"] as? Int == 1)
        #expect(members?["transferred_out"] as? Int == 1)
        #expect(members?["end"] as? Int == 1)
        let branches = ((json?["children"] as? [[String: Any]])?.first?["children"] as? [[String: Any]]) ?? []
        let cd1 = branches.first { $0["unit"] as? String == "CD1" }?["members"] as? [String: Any]
        let cd2 = branches.first { $0["unit"] as? String == "CD2" }?["members"] as? [String: Any]
        #expect(cd1?["transferred_out"] as? Int == 1 && cd1?["end"] as? Int == 0)
        #expect(cd2?["transferred_in"] as? Int == 2 && cd2?["transferred_out"] as? Int == 1 && cd2?["end"] as? Int == 1)
        // M2 arrived on 1 October after nine years in the Union: graded for 2025.
        try cli.ok(["grade", "set", "M2", "--year", "2025", "--grade", "excellent"])
    }

    @Test(arguments: RegisterEngineKind.allCases) func aMembersFileWithArrivalsLoadsInOneImportAndRefusesARowWithoutOne(_ kind: RegisterEngineKind) throws {
        let cli = try blocWithAnArrival(kind)
        defer { cli.cleanUp() }
        let file = cli.directory.appending(path: "members.csv")
        try """
            Số thẻ,Họ và tên,Ngày sinh,Giới tính,Chi đoàn,Ngày vào Đoàn,Trình độ,Ngày chuyển đến,Nơi chuyển đến
            A2,Phạm Thị Hoa,01/02/1999,Nữ,CD1,26/03/2015,Đại học,01/09/2021,Chi đoàn Trường THPT Chuyên
            A3,Vũ Văn Nam,01/02/1999,Nam,CD1,26/03/2015,Đại học,,

            """.write(to: file, atomically: true, encoding: .utf8)
        let before = try cli.registerBytes()
        let refused = try cli.run(["import", "members", file.path, "--lang", "en"])
        #expect(refused.status == 65 || refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("members.csv:3") && refused.stderr.contains("arrived_on"), "\(refused.stderr)")
        #expect(try cli.registerBytes() == before)
        try """
            Số thẻ,Họ và tên,Ngày sinh,Giới tính,Chi đoàn,Ngày vào Đoàn,Trình độ,Ngày chuyển đến,Nơi chuyển đến
            A2,Phạm Thị Hoa,01/02/1999,Nữ,CD1,26/03/2015,Đại học,01/09/2021,Chi đoàn Trường THPT Chuyên
            A3,Vũ Văn Nam,01/02/1999,Nam,CD1,26/03/2015,Đại học,01/09/2021,Chi đoàn Trường THPT Chuyên

            """.write(to: file, atomically: true, encoding: .utf8)
        try cli.ok(["import", "members", file.path])
        #expect(try cli.ok(["member", "list", "--format", "csv"]).split(separator: "\n").count == 4)
    }
}
