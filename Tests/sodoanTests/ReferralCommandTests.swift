import Foundation
import PostgresTestSupport
import Testing

@Suite("sodoan referral and policy, end to end", .serialized)
struct ReferralCommandTests {
    /// The small tree with Nguyễn Thị Lan (DV001) in YT-VP: graded excellent for 2023, with
    /// a Party-awareness certificate from April 2024.
    func makeRegister(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        try cli.makeSmallTree()
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Nguyễn Thị Lan", "--born", "2000-05-10", "--gender", "female",
                    "--code", "DV001", "--joined", "2016-03-26", "--education", "university"])
        try cli.ok(["grade", "set", "DV001", "--year", "2023", "--grade", "excellent"])
        try cli.ok(["training", "add", "DV001", "--kind", "party-awareness", "--completed", "2024-04-20", "--certificate", "15/GCN"])
        return cli
    }

    let vote = ["--convened", "15", "--present", "12", "--for", "11"]

    func throughReferred(_ cli: CLI) throws {
        try cli.ok(["referral", "nominate", "DV001", "--on", "2024-01-10"] + vote)
        try cli.ok(["referral", "refer-to-class", "DV001", "--on", "2024-02-01"])
        try cli.ok(["referral", "refer", "DV001", "--on", "2024-06-01", "--resolution", "12-NQ/ĐTN"] + vote)
    }

    /// Runs a command that must be refused with `status`, naming `rule`, and change nothing.
    func refused(_ cli: CLI, _ arguments: [String], status: Int32 = 1, rule: String,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try cli.registerBytes()
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(rule), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try cli.registerBytes() == before, sourceLocation: sourceLocation)
    }

    @Test(arguments: RegisterEngineKind.allCases) func theWholePathFromNominationToOfficialPartyMember(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        try throughReferred(cli)
        try cli.ok(["referral", "admit", "DV001", "--on", "2024-10-01", "--decision", "345-QĐ/ĐU"])
        try cli.ok(["referral", "confirm", "DV001", "--on", "2025-10-01"])
        let list = try JSONSerialization.jsonObject(with: Data(try cli.ok(["referral", "list", "--format", "json", "--on", "2025-10-01"]).utf8)) as! [[String: Any]]
        #expect(list.count == 1)
        #expect(list[0]["stage"] as? String == "official")
        #expect(list[0]["unit"] as? String == "YT-VP")
        #expect(list[0]["resolution_no"] as? String == "12-NQ/ĐTN")
        #expect(list[0]["nomination_vote"] as? String == "11/12 (92%)")
        #expect(list[0]["admission_decision_no"] as? String == "345-QĐ/ĐU")
        let check = try cli.ok(["referral", "check", "DV001", "--step", "nominate", "--on", "2025-10-01", "--lang", "en"])
        #expect(check.contains("A Party member since 2024-10-01"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func stagesOutOfOrderAreRefusedAndChangeNothing(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        try refused(cli, ["referral", "admit", "DV001", "--on", "2024-01-10"], rule: "referral-stage")
        try refused(cli, ["referral", "refer-to-class", "DV001", "--on", "2024-01-10"], rule: "no-open-referral")
        try cli.ok(["referral", "nominate", "DV001", "--on", "2024-01-10"] + vote)
        try refused(cli, ["referral", "refer", "DV001", "--on", "2024-02-01", "--resolution", "1"] + vote, rule: "no-open-referral")
        try refused(cli, ["referral", "nominate", "DV001", "--on", "2024-02-01"] + vote, rule: "no-open-referral")
        try cli.ok(["referral", "refer-to-class", "DV001", "--on", "2024-02-01"])
        try refused(cli, ["referral", "refer-to-class", "DV001", "--on", "2024-01-20"], rule: "step-order")
        try cli.ok(["referral", "refer", "DV001", "--on", "2024-06-01", "--resolution", "12"] + vote)
        try cli.ok(["referral", "admit", "DV001", "--on", "2024-10-01"])
        try refused(cli, ["referral", "confirm", "DV001", "--on", "2025-09-30"], rule: "probation")
    }

    @Test(arguments: RegisterEngineKind.allCases) func votesAreChecked(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        try refused(cli, ["referral", "nominate", "DV001", "--on", "2024-01-10", "--convened", "12", "--present", "12", "--for", "6"], rule: "vote-majority")
        try refused(cli, ["referral", "nominate", "DV001", "--on", "2024-01-10", "--convened", "15", "--present", "9", "--for", "9"], rule: "vote-quorum")
        try refused(cli, ["referral", "nominate", "DV001", "--on", "2024-01-10", "--convened", "10", "--present", "11", "--for", "8"],
                    status: 65, rule: "triệu tập 10, có mặt 11")
    }

    @Test(arguments: RegisterEngineKind.allCases) func aStepThatFailsACriterionNamesItAndExits1(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        try cli.ok(["grade", "set", "DV001", "--year", "2024", "--grade", "good"])
        try refused(cli, ["referral", "nominate", "DV001", "--on", "2025-01-10", "--lang", "en"] + vote, rule: "latest-grade: good for 2024")
    }

    @Test(arguments: RegisterEngineKind.allCases) func checkPrintsTheFixedJSONShapeAndExits0WhenNotEligible(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        let result = try cli.run(["referral", "check", "DV001", "--step", "refer", "--on", "2024-05-10", "--format", "json", "--lang", "en"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(Set(json.keys) == ["member", "step", "on", "eligible", "criteria", "policy"])
        #expect(json["member"] as? String == "DV001")
        #expect(json["step"] as? String == "refer")
        #expect(json["on"] as? String == "2024-05-10")
        #expect(json["eligible"] as? Bool == false)
        let criteria = json["criteria"] as! [[String: Any]]
        #expect(criteria.map { $0["rule"] as! String } == ["active-member", "age", "education", "latest-grade", "discipline",
                                                            "party-awareness-certificate", "no-open-referral", "not-party-member"])
        #expect(criteria.allSatisfy { Set($0.keys) == ["rule", "passed", "detail"] })
        #expect(criteria[1]["detail"] as? String == "Born 2000-05-10, 24 years 0 months (at least 18 needed)")
        #expect(criteria[5]["detail"] as? String == "Certificate no. 15/GCN, completed 2024-04-20, valid through 2029-04-19 (valid 60 months)")
        let policy = json["policy"] as! [String: Any]
        #expect(policy["min_grade"] as? String == "excellent")
        #expect(policy["discipline_window_months"] as? Int == 12)
        #expect(policy["min_age"] as? Int == 18)
        #expect(policy["certificate_valid_months"] as? Int == 60)
    }

    @Test(arguments: RegisterEngineKind.allCases) func policySetChangesWhatChecksUseAndTheyPrintIt(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        try cli.ok(["grade", "set", "DV001", "--year", "2024", "--grade", "good"])
        #expect(try cli.ok(["referral", "check", "DV001", "--step", "nominate", "--on", "2025-01-10"]).contains("CHƯA ĐỦ ĐIỀU KIỆN"))
        #expect(try cli.ok(["policy", "set", "min_grade", "good", "--from", "2025-01-10"]) == "Đã đặt min_grade = good từ ngày 2025-01-10.\n")
        let check = try cli.ok(["referral", "check", "DV001", "--step", "nominate", "--on", "2025-01-10"])
        #expect(check.contains("ĐỦ ĐIỀU KIỆN") && !check.contains("CHƯA ĐỦ ĐIỀU KIỆN"))
        #expect(check.contains("min_grade=good, discipline_window_months=12, min_age=18, certificate_valid_months=60"))
        // A check of a step dated the day before the change reads the old value, and says so.
        let before = try cli.ok(["referral", "check", "DV001", "--step", "nominate", "--on", "2025-01-09"])
        #expect(before.contains("CHƯA ĐỦ ĐIỀU KIỆN") && before.contains("min_grade=excellent"))
        #expect(try cli.ok(["policy", "show", "--format", "csv"]).contains("min_grade,good,excellent,2025-01-10"))
        #expect(try cli.ok(["policy", "show", "--on", "2025-01-09", "--format", "csv"]).contains("min_grade,excellent,excellent,\n"))
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["policy", "show", "--on", "2025-01-10", "--format", "json"]).utf8)) as? [String: Any])
        #expect(shown["on"] as? String == "2025-01-10" && shown["min_grade"] as? String == "good")
        #expect((shown["since"] as? [String: String]) == ["min_grade": "2025-01-10"])
        let future = try cli.refusedLeavingNoTrace(["policy", "set", "min_age", "20", "--from", "2999-01-01"], status: 65)
        #expect(future.contains("2999-01-01"))
        try refused(cli, ["policy", "set", "min_age", "12"], status: 65, rule: "min_age")
    }

    @Test(arguments: RegisterEngineKind.allCases) func candidatesListWhoPassesAndWhoIsOneShort(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Trần Văn An", "--born", "1999-01-01", "--gender", "male",
                    "--code", "DV002", "--joined", "2015-03-26", "--education", "university"])
        let text = try cli.ok(["referral", "candidates", "--step", "nominate", "--unit", "YT", "--on", "2024-06-01", "--lang", "en"])
        #expect(text.contains("Eligible (1)"))
        #expect(text.contains("One criterion short (1)"))
        let short = text.split(separator: "\n").first { $0.contains("DV002") }
        #expect(short?.contains("latest-grade") == true)
        #expect(short?.contains("No grade recorded for a year before 2024") == true)
        #expect(text.contains("Policy used: min_grade=excellent"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aReferredReferralLapsesAfterTwelveMonths(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        try throughReferred(cli)
        #expect(try cli.ok(["referral", "list", "--stage", "lapsed", "--on", "2025-05-31", "--format", "csv"]).split(separator: "\n").count == 1)
        let lapsed = try cli.ok(["referral", "list", "--stage", "lapsed", "--on", "2025-06-01", "--format", "csv"])
        #expect(lapsed.contains("DV001,Nguyễn Thị Lan,YT-VP,lapsed,2024-01-10"))
        try refused(cli, ["referral", "admit", "DV001", "--on", "2025-06-01"], rule: "referral-stage")
    }

    @Test(arguments: RegisterEngineKind.allCases) func theDocumentIsTheResolutionForm4KND(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        try throughReferred(cli)
        let md = try cli.ok(["referral", "document", "DV001", "--place", "Quảng Ninh"])
        for part in ["ĐOÀN KHỐI CÁC CƠ QUAN TỈNH", "BCH ĐOÀN CƠ SỞ SỞ Y TẾ", "Số: 12-NQ/ĐTN", "Quảng Ninh, ngày 01 tháng 06 năm 2024",
                     "Kính gửi", "Chi bộ", "Đảng ủy", "Căn cứ Điều 4 Điều lệ Đảng Cộng sản Việt Nam",
                     "Xét đề nghị của Chi đoàn Văn phòng Sở tại cuộc họp ngày 10/01/2024", "NGUYỄN THỊ LAN", "sinh ngày 10/05/2000",
                     "Số tán thành: 11/12 (92%); không tán thành: 1.", "QUYẾT NGHỊ", "T/M BAN CHẤP HÀNH", "BÍ THƯ"] {
            #expect(md.contains(part), "missing: \(part)")
        }
        let html = try cli.ok(["referral", "document", "DV001", "--format", "html"])
        #expect(html.contains("@page { size: A4; margin: 2cm }"))
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("NGUYỄN THỊ LAN"))
        try refused(cli, ["referral", "document", "DV001", "--format", "json"], status: 64, rule: "md or html")
    }

    @Test(arguments: RegisterEngineKind.allCases) func theAddresseesCarryTheirTitleOnceWhetherTypedOrNot(_ kind: RegisterEngineKind) throws {
        let cli = try makeRegister(kind)
        defer { cli.cleanUp() }
        try throughReferred(cli)
        let md = try cli.ok(["referral", "document", "DV001", "--party-cell", "chi bộ Văn phòng Sở", "--party-committee", "Sở Y tế"])
        #expect(md.contains("- chi bộ Văn phòng Sở"))
        #expect(md.contains("- Đảng ủy Sở Y tế"))
        #expect(!md.lowercased().contains("chi bộ chi bộ"))
    }
}
