import Foundation
import PostgresTestSupport
import GRDB
import Testing

/// The small tree with five members and a year of movements:
/// 2024 starts with DV001 (YT-VP), DV002 (YT-BV), DV003 and DV005 (TC); DV004 is admitted
/// to YT-VP on 2024-03-01 and moves to TC on 2024-06-01; DV005 is removed on 2024-09-01.
/// DV001 is graded excellent and DV002 good for 2024; DV002 is reprimanded; DV003 completes
/// the Party-awareness class.
private func makeReportRegister(_ cli: CLI) throws {
    try cli.makeSmallTree()
    for (code, unit, gender, joined) in [("DV001", "YT-VP", "female", "2020-01-01"), ("DV002", "YT-BV", "male", "2021-01-01"),
                                         ("DV003", "TC", "female", "2022-06-01"), ("DV004", "YT-VP", "male", "2024-03-01"),
                                         ("DV005", "TC", "female", "2019-01-01")] {
        try cli.ok(["member", "add", "--unit", unit, "--name", "Nguyễn Thị \(code)", "--born", "1998-01-01",
                    "--gender", gender, "--code", code, "--joined", joined, "--education", "university"])
    }
    try cli.ok(["member", "transfer", "DV004", "--to", "TC", "--on", "2024-06-01"])
    try cli.ok(["member", "remove", "DV005", "--on", "2024-09-01"])
    try cli.ok(["grade", "set", "DV001", "--year", "2024", "--grade", "excellent"])
    try cli.ok(["grade", "set", "DV002", "--year", "2024", "--grade", "good"])
    try cli.ok(["discipline", "add", "DV002", "--level", "reprimand", "--on", "2024-04-04", "--reason", "Vắng sinh hoạt"])
    try cli.ok(["training", "add", "DV003", "--kind", "party-awareness", "--completed", "2024-05-05"])
}

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

private func keys(_ object: Any?) -> Set<String> {
    Set((object as? [String: Any])?.keys.map { $0 } ?? [])
}

@Suite("sodoan report, end to end", .serialized)
struct ReportCommandTests {
    @Test(arguments: RegisterEngineKind.allCases) func jsonHasExactlyTheShapeOfCLIMD(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try makeReportRegister(cli)
        let dk = try json(try cli.ok(["report", "annual", "--year", "2024", "--format", "json"]))
        #expect(keys(dk) == ["unit", "name", "kind", "from", "to", "units", "members", "grades", "profile", "unit_grades",
                             "discipline", "referral", "training", "balanced", "fingerprint", "children"])
        #expect(keys(dk["profile"]) == ["female", "male", "ethnic_minority", "religious", "age_bands", "education", "theory",
                                        "party_members", "office_holders"])
        let profile = try #require(dk["profile"] as? [String: Any])
        #expect(keys(profile["age_bands"]) == ["16-18", "19-22", "23-27", "28-30", "over-30"])
        #expect(keys(profile["education"]) == ["none", "primary", "lower-secondary", "upper-secondary", "vocational", "college",
                                               "university", "postgraduate"])
        #expect(keys(profile["theory"]) == ["none", "elementary", "intermediate", "advanced"])
        #expect(keys(profile["party_members"]) == ["probationary", "official"])
        #expect(keys(dk["unit_grades"]) == ["excellent", "good", "pass", "fail", "not_graded"])
        #expect(keys(dk["units"]) == ["grassroots-union", "grassroots-branch", "branch"])
        #expect(keys(dk["members"]) == ["start", "end", "admitted", "transferred_in", "transferred_out", "reorganised_in",
                                        "reorganised_out", "matured",
                                        "removed", "expelled", "deceased", "end_female", "end_male"])
        #expect(keys(dk["grades"]) == ["excellent", "good", "pass", "fail", "not_graded"])
        #expect(keys(dk["discipline"]) == ["reprimand", "warning", "removal-from-office", "expulsion"])
        #expect(keys(dk["referral"]) == ["nominated", "referred_to_class", "referred", "admitted", "official",
                                         "referred_to_class_since_admitted"])
        #expect(keys(dk["training"]) == ["party-awareness", "new-member", "theory-elementary", "theory-intermediate",
                                         "theory-advanced", "union-cadre", "member-programme", "other"])
        #expect(dk["unit"] as? String == "DK" && dk["kind"] as? String == "bloc")
        #expect(dk["from"] as? String == "2024-01-01" && dk["to"] as? String == "2024-12-31")
        #expect(dk["balanced"] as? Bool == true)
        #expect((dk["fingerprint"] as? String)?.count == 64)

        let members = try #require(dk["members"] as? [String: Int])
        #expect(members == ["start": 4, "end": 4, "admitted": 1, "transferred_in": 0, "transferred_out": 0, "reorganised_in": 0,
                            "reorganised_out": 0, "matured": 0, "removed": 1, "expelled": 0, "deceased": 0, "end_female": 2, "end_male": 2])
        #expect(dk["units"] as? [String: Int] == ["grassroots-union": 1, "grassroots-branch": 1, "branch": 2])
        #expect(dk["grades"] as? [String: Int] == ["excellent": 1, "good": 1, "pass": 0, "fail": 0, "not_graded": 2])
        #expect(dk["discipline"] as? [String: Int] == ["reprimand": 1, "warning": 0, "removal-from-office": 0, "expulsion": 0])
        #expect((dk["training"] as? [String: Int])?["party-awareness"] == 1)

        let children = try #require(dk["children"] as? [[String: Any]])
        #expect(children.map { $0["unit"] as? String } == ["TC", "YT"])
        #expect(keys(children[0]) == keys(dk))
        #expect(children[0]["members"] as? [String: Int] == ["start": 2, "end": 2, "admitted": 0, "transferred_in": 1,
                                                             "transferred_out": 0, "reorganised_in": 0, "reorganised_out": 0,
                                                             "matured": 0, "removed": 1, "expelled": 0,
                                                             "deceased": 0, "end_female": 1, "end_male": 1])
        let branches = try #require(children[1]["children"] as? [[String: Any]])
        #expect(branches.map { $0["unit"] as? String } == ["YT-BV", "YT-VP"])
        #expect(branches[1]["members"] as? [String: Int] == ["start": 1, "end": 1, "admitted": 1, "transferred_in": 0,
                                                             "transferred_out": 1, "reorganised_in": 0, "reorganised_out": 0,
                                                             "matured": 0, "removed": 0, "expelled": 0,
                                                             "deceased": 0, "end_female": 1, "end_male": 0])
        #expect(branches[1]["children"] as? [Any] != nil)
    }

    @Test(arguments: RegisterEngineKind.allCases) func theSameRegisterPrintsTheSameBytesInEveryFormat(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try makeReportRegister(cli)
        for format in ["text", "md", "html", "csv", "json"] {
            let first = try cli.ok(["report", "annual", "--year", "2024", "--format", format])
            let second = try cli.ok(["report", "annual", "--year", "2024", "--format", format])
            #expect(!first.isEmpty)
            #expect(first == second, "format \(format)")
        }
        let period = try cli.ok(["report", "period", "--from", "01/01/2024", "--to", "2024-12-31", "--format", "json"])
        #expect(period == (try cli.ok(["report", "annual", "--year", "2024", "--format", "json"])))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aLaterTransferLeavesLastYearsFiguresButChangesTheFingerprint(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try makeReportRegister(cli)
        let before = try json(try cli.ok(["report", "annual", "--year", "2024", "--format", "json"]))
        try cli.ok(["member", "transfer", "DV001", "--to", "TC", "--on", "2025-03-01"])
        let after = try json(try cli.ok(["report", "annual", "--year", "2024", "--format", "json"]))
        #expect(after["fingerprint"] as? String != before["fingerprint"] as? String)
        func withoutFingerprints(_ object: [String: Any]) -> NSDictionary {
            var copy = object
            copy["fingerprint"] = nil
            copy["children"] = (object["children"] as? [[String: Any]])?.map(withoutFingerprints)
            return copy as NSDictionary
        }
        #expect(withoutFingerprints(after) == withoutFingerprints(before))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aWriteChangesTheFingerprintAndAReadDoesNot(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try makeReportRegister(cli)
        let fingerprint = { try json(try cli.ok(["report", "annual", "--year", "2024", "--format", "json"]))["fingerprint"] as? String }
        let first = try fingerprint()
        try cli.ok(["member", "list"])
        #expect(try fingerprint() == first)
        try cli.ok(["member", "update", "DV002", "--name", "Trần Văn Bình"])
        #expect(try fingerprint() != first)
    }

    @Test(arguments: RegisterEngineKind.allCases) func documentsAreVietnameseByDefaultAndEnglishOnRequest(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try makeReportRegister(cli)
        let md = try cli.ok(["report", "annual", "--year", "2024", "--format", "md"])
        #expect(md.hasPrefix("# Báo cáo số liệu tổng kết năm 2024\n"))
        for heading in ["Đoàn viên đầu kỳ", "Kết nạp mới", "Chuyển đến", "Chuyển đi", "Trưởng thành", "Xóa tên",
                        "Khai trừ", "Từ trần", "Cuối kỳ", "## Xếp loại đoàn viên năm 2024", "## Kỷ luật",
                        "## Giới thiệu đoàn viên ưu tú cho Đảng", "Đoàn cơ sở Sở Y tế (YT)"] {
            #expect(md.contains(heading), "md lacks \(heading)")
        }
        #expect(md.contains("| \u{2003}\u{2003}Chi đoàn Văn phòng Sở (YT-VP) |"))
        #expect(md.contains("| Đoàn Khối các cơ quan tỉnh (DK) | 1 (25,0%) | 1 (25,0%) | 0 (0,0%) | 0 (0,0%) | 2 (50,0%) |"))
        let html = try cli.ok(["report", "annual", "--year", "2024", "--format", "html", "--unit", "YT"])
        #expect(html.contains("<h1>Báo cáo số liệu tổng kết năm 2024</h1>"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(!html.contains("Sở Tài chính"))
        let english = try cli.ok(["report", "period", "--from", "2024-01-01", "--to", "2024-06-30", "--format", "md", "--lang", "en"])
        #expect(english.hasPrefix("# Figures from 2024-01-01 to 2024-06-30\n"))
        #expect(english.contains("Transferred in"))
        let text = try cli.ok(["report", "annual", "--year", "2024"])
        #expect(text.contains("Cuối kỳ"))
        #expect(text.contains("\n    YT-VP "))
    }

    @Test(arguments: RegisterEngineKind.allCases) func csvHasOneRowPerUnit(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try makeReportRegister(cli)
        let lines = try cli.ok(["report", "annual", "--year", "2024", "--format", "csv"]).split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("unit,name,kind,parent,depth,from,to,units_grassroots-union,"))
        #expect(lines[0].contains(",members_end_male,balanced,grade_excellent,"))
        #expect(lines[0].contains(",referral_referred_to_class,"))
        #expect(lines[0].hasSuffix(",training_other,fingerprint"))
        #expect(lines.dropFirst().map { $0.split(separator: ",")[0] } == ["DK", "TC", "YT", "YT-BV", "YT-VP"])
    }

    @Test func aDamagedRegisterFailsLoudly() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try makeReportRegister(cli)
        // DV004's admission vanishes; the transfer that followed it stays.
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            try db.execute(sql: """
                DELETE FROM membership_event
                WHERE kind = 'admitted' AND member_id = (SELECT id FROM member WHERE code = 'DV004')
                """)
        }
        try queue.close()
        let result = try cli.run(["report", "annual", "--year", "2024", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("[report-balance]"))
        #expect(result.stderr.contains("SỐ LIỆU KHÔNG CÂN ĐỐI"))
        #expect(result.stderr.contains("YT-VP: 1 + 0 + 0 − 1 + 0 − 0 − 0 − 0 − 0 − 0 = 0, nhưng cuối kỳ có 1"))
        let dk = try json(result.stdout)
        #expect(dk["balanced"] as? Bool == false)
    }

    @Test(arguments: RegisterEngineKind.allCases) func badPeriodsAreBadInput(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let backwards = try cli.run(["report", "period", "--from", "2024-12-31", "--to", "2024-01-01"])
        #expect(backwards.status == 65)
        #expect(backwards.stderr.contains("trước khi bắt đầu"))
        #expect(try cli.run(["report", "period", "--from", "2024-13-01", "--to", "2024-12-31"]).status == 65)
        #expect(try cli.run(["report", "annual", "--year", "2024", "--unit", "NOPE"]).status == 65)
    }
}
