import Foundation
import PostgresTestSupport
import Testing

@Suite("sodoan dues, end to end", .serialized)
struct DuesCommandTests {
    /// The small tree with DV1 in YT-VP and DV2 (unsalaried) in TC, dues kept from January 2025.
    func register(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        try cli.makeSmallTree()
        for (code, unit) in [("DV1", "YT-VP"), ("DV2", "TC")] {
            try cli.ok(["member", "add", "--unit", unit, "--code", code, "--name", "Nguyễn Văn \(code)", "--born", "2000-01-01",
                        "--gender", "Nam", "--joined", "2018-03-26", "--education", "Đại học"])
        }
        try cli.ok(["dues", "start", "01/2025"])
        try cli.ok(["dues", "class", "DV2", "unsalaried", "--from", "2025-01"])
        return cli
    }

    @Test(arguments: RegisterEngineKind.allCases) func paymentsExemptionsStatusAndTheReportRolledUp(_ kind: RegisterEngineKind) throws {
        let cli = try register(kind)
        defer { cli.cleanUp() }
        #expect(try cli.ok(["dues", "pay", "DV1", "--through", "2025-06", "--on", "2025-01-15"])
            .contains("Đã ghi DV1 đóng 30.000 đồng đoàn phí từ tháng 01/2025 đến tháng 06/2025 ngày 2025-01-15."))
        try cli.ok(["dues", "pay", "DV2", "--through", "03/2025", "--amount", "6.000", "--on", "2025-03-01"])
        try cli.ok(["dues", "exempt", "DV2", "--from", "2025-04", "--to", "2025-09", "--decision", "7/QĐ-ĐTN", "--reason", "Ốm dài ngày"])
        let owing = try cli.ok(["dues", "status", "--as-of", "2025-10-01", "--owing", "3", "--format", "json"])
        // On 1 October DV1 has July to September unpaid; DV2 is exempt from April to September.
        #expect((try JSONSerialization.jsonObject(with: Data(owing.utf8)) as? [[String: Any]])?.map { $0["member"] as? String } == ["DV1"])
        let later = try JSONSerialization.jsonObject(with: Data(try cli.ok(["dues", "status", "--as-of", "2025-10-01", "--format", "json"]).utf8)) as! [[String: Any]]
        #expect(later.map { $0["member"] as? String } == ["DV1", "DV2"])
        #expect(later.map { $0["months_behind"] as? Int } == [3, 0])
        let json = try JSONSerialization.jsonObject(with: Data(try cli.ok(["dues", "report", "--from", "2025-01", "--to", "2025-12", "--format", "json"]).utf8)) as! [String: Any]
        #expect(json["unit"] as? String == "DK" && json["balanced"] as? Bool == true)
        // YT-VP: 30,000 collected, 10,000 up; YT keeps 6,667 of it and sends 3,333; TC
        // (a grassroots branch) collected 6,000 and sends 2,000; DK receives 5,333.
        #expect(json["received_from_below"] as? Int == 5_333)
        #expect(json["sent_up"] as? Int == 1_777 && json["kept"] as? Int == 3_556)
        // At the year's end DV1 owes July to December, DV2 October to December.
        #expect(json["members_owing_3_months"] as? Int == 2)
        let text = try cli.ok(["dues", "report", "--from", "2025-01", "--to", "2025-12", "--lang", "en"])
        #expect(text.contains("Balanced: collected + from below = kept + sent up at every unit"))
        #expect(text.contains("30,000 VND"))
        #expect(try cli.ok(["check", "--as-of", "2025-12-31"]).contains("[dues-owing] DV1"))
        let html = try cli.ok(["dues", "report", "--from", "2025-01", "--to", "2025-12", "--format", "html"])
        #expect(html.contains("<td class=\"n\">30.000 đồng</td>") && html.contains("size: A4"))
        #expect(try cli.ok(["dues", "report", "--from", "2025-01", "--to", "2025-12", "--format", "md"]).contains("| 30.000 đồng |"))
    }

    @Test(arguments: [
        (["dues", "pay", "DV1", "--through", "2025-03", "--amount", "14000", "--on", "2025-03-01"], Int32(1), "dues-amount"),
        (["dues", "pay", "DV1", "--through", "2025-13", "--on", "2025-03-01"], 65, "không phải tháng hợp lệ"),
        (["dues", "pay", "DV1", "--through", "2025-03", "--amount", "-5000"], 64, "Error:"),
        (["dues", "pay", "DV1", "--through", "2025-03", "--amount", "0", "--on", "2025-03-01"], 65, "không phải số tiền hợp lệ"),
        (["dues", "pay", "DV1", "--through", "2025-03", "--amount", "99999999999999999999999", "--on", "2025-03-01"], 65, "không phải số tiền hợp lệ"),
        (["dues", "pay", "NOBODY", "--through", "2025-03", "--on", "2025-03-01"], 65, "NOBODY"),
        (["dues", "pay", "DV1", "--through", "2017-03", "--on", "2017-03-01"], 1, "dues-months"),
        (["dues", "exempt", "DV1", "--from", "2025-01", "--to", "2025-07", "--decision", "1", "--reason", "x"], 1, "dues-exemption"),
        (["dues", "exempt", "DV1", "--from", "2025-05", "--to", "2025-04", "--decision", "1", "--reason", "x"], 65, "sau tháng kết thúc"),
        (["dues", "rate", "set", "abroad", "4000", "--from", "2025-01"], 1, "dues-rate"),
        (["dues", "rate", "set", "nobody", "4000", "--from", "2025-01"], 64, "Error:"),
        (["dues", "class", "DV1", "abroad", "--from", "2017-01"], 1, "dues-months"),
    ])
    func refusalsExitWithTheirStatusAndChangeNothing(arguments: [String], status: Int32, message: String) throws {
        let cli = try register()
        defer { cli.cleanUp() }
        let before = try cli.registerBytes()
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try cli.registerBytes() == before)
    }

    @Test(arguments: RegisterEngineKind.allCases) func theDuesBookExportsAndImportsBackToTheSameFingerprint(_ kind: RegisterEngineKind) throws {
        let cli = try register(kind)
        defer { cli.cleanUp() }
        try cli.ok(["dues", "rate", "set", "salaried", "6.000", "--from", "2025-07"])
        try cli.ok(["dues", "pay", "DV1", "--through", "2025-08", "--on", "2025-06-15"])
        try cli.ok(["dues", "exempt", "DV2", "--from", "2025-02", "--to", "2025-03", "--decision", "2/QĐ", "--reason", "Khó khăn"])
        try cli.ok(["dues", "pay", "DV2", "--through", "2025-05", "--on", "2025-05-20"])
        let fingerprint = { (cli: CLI) throws -> String in
            (try JSONSerialization.jsonObject(with: Data(try cli.ok(["report", "annual", "--year", "2025", "--format", "json"]).utf8)) as! [String: Any])["fingerprint"] as! String
        }
        let copy = try CLI()
        defer { copy.cleanUp() }
        try copy.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2015-01-01"])
        for kind in ["units", "members", "events", "grades", "trainings", "discipline", "referrals", "dues"] {
            let file = copy.directory.appending(path: "\(kind).csv").path
            try cli.ok(["export", kind, "--include-personal"]).write(toFile: file, atomically: true, encoding: .utf8)
            try copy.ok(["import", kind, file])
        }
        #expect(try fingerprint(copy) == fingerprint(cli))
        let dues = copy.directory.appending(path: "dues.csv").path
        #expect(try copy.ok(["import", "dues", dues]).contains("thêm 0, cập nhật 0"))
    }
}
