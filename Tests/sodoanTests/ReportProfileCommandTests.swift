import Foundation
import PostgresTestSupport
import Testing

/// The year-end report's `profile` and `unit_grades` against what a bloc office counts by
/// hand from the listings (`member list --as-of`, `member show`, `training list`, `office
/// list --as-of`, `referral list --on`, `unit grades`) for the same day, on two days.
@Suite("sodoan report profile and unit grades, end to end", .serialized)
struct ReportProfileCommandTests {
    /// The small tree; six members with profiles, one Party member from before the register,
    /// one admitted to the Party on 2025-05-01, a theory course completed on 2025-05-01, a
    /// transfer, an admission and a removal between the two days, and two unit grades.
    func register(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        try cli.makeSmallTree()
        func add(_ code: String, _ unit: String, _ name: String, born: String, gender: String, education: String,
                 joined: String = "2015-03-26", _ extra: [String]) throws {
            try cli.ok(["member", "add", "--unit", unit, "--name", name, "--born", born, "--gender", gender, "--code", code,
                        "--joined", joined, "--education", education] + extra)
        }
        try add("DV001", "YT-VP", "Nguyễn Văn An", born: "1990-05-10", gender: "male", education: "university",
                ["--ethnicity", "Tày", "--religion", "Không", "--theory", "Trung cấp"])
        try add("DV002", "YT-BV", "Lê Thị Bình", born: "2007-03-01", gender: "female", education: "upper-secondary",
                joined: "2023-03-26", ["--ethnicity", "Kinh", "--religion", "Phật giáo"])
        try add("DV003", "YT-VP", "Trần Thị Cúc", born: "2000-02-29", gender: "female", education: "college",
                ["--ethnicity", "Ê Đê", "--religion", "Công giáo", "--theory", "none"])
        try add("DV004", "TC", "John Smith", born: "1996-12-31", gender: "male", education: "vocational",
                ["--ethnicity", "foreign", "--party-joined", "2020-01-01"])
        try add("DV005", "TC", "Phạm Thị Dung", born: "1997-07-01", gender: "female", education: "university", [])
        try add("DV007", "YT-BV", "Đỗ Văn Giang", born: "1995-01-01", gender: "male", education: "postgraduate",
                ["--ethnicity", "Mường", "--theory", "advanced"])
        try cli.ok(["office", "add", "DV001", "--role", "secretary", "--unit", "YT-VP", "--from", "2023-01-01"])
        try cli.ok(["office", "add", "DV007", "--role", "committee", "--unit", "YT", "--from", "2025-04-01"])
        try cli.ok(["training", "add", "DV003", "--kind", "theory-elementary", "--completed", "2025-05-01"])
        // DV005's road to the Party: admitted (probationary) on 2025-05-01.
        try cli.ok(["grade", "set", "DV005", "--year", "2023", "--grade", "excellent"])
        try cli.ok(["training", "add", "DV005", "--kind", "party-awareness", "--completed", "2024-01-05", "--certificate", "9/GCN"])
        let vote = ["--convened", "15", "--present", "12", "--for", "11"]
        try cli.ok(["referral", "nominate", "DV005", "--on", "2024-01-10"] + vote)
        try cli.ok(["referral", "refer-to-class", "DV005", "--on", "2024-02-01"])
        try cli.ok(["referral", "refer", "DV005", "--on", "2024-06-01", "--resolution", "12-NQ/ĐTN"] + vote)
        try cli.ok(["referral", "admit", "DV005", "--on", "2025-05-01", "--decision", "45-QĐ/ĐU"])
        try cli.ok(["member", "transfer", "DV002", "--to", "TC", "--on", "2025-06-01"])
        try add("DV006", "YT-BV", "Hoàng Văn Hải", born: "2009-01-15", gender: "male", education: "lower-secondary",
                joined: "2025-08-01", ["--ethnicity", "Khmer"])
        try cli.ok(["member", "remove", "DV007", "--on", "2025-09-01", "--reason", "Bỏ sinh hoạt"])
        try cli.ok(["unit", "grade", "YT-VP", "--year", "2025", "--grade", "excellent"])
        try cli.ok(["unit", "grade", "TC", "--year", "2025", "--grade", "good"])
        return cli
    }

    /// The units above each branch, the branch included: the tree of this register.
    let rollUp = ["YT-VP": ["YT-VP", "YT", "DK"], "YT-BV": ["YT-BV", "YT", "DK"], "TC": ["TC", "DK"]]

    func csvRows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The profile of every unit on `day`, counted the way an office would from the lists.
    func handCount(_ cli: CLI, on day: String) throws -> [String: [String: Int]] {
        let active = csvRows(try cli.ok(["member", "list", "--as-of", day, "--format", "csv"])).filter { $0["status"] == "active" }
        let courses = csvRows(try cli.ok(["training", "list", "--format", "csv"])).filter { $0["kind"]!.hasPrefix("theory-") }
        let holders = Set(csvRows(try cli.ok(["office", "list", "--as-of", day, "--format", "csv"])).map { $0["member"]! })
        let stages = Dictionary(uniqueKeysWithValues: csvRows(try cli.ok(["referral", "list", "--on", day, "--format", "csv"]))
            .map { ($0["member"]!, $0["stage"]!) })
        var counts: [String: [String: Int]] = [:]
        for row in active {
            let code = row["code"]!
            let show = try object(try cli.ok(["member", "show", code, "--format", "json"]))
            let age = Int(row["age"]!)!
            let band = age <= 18 ? "16-18" : age <= 22 ? "19-22" : age <= 27 ? "23-27" : age <= 30 ? "28-30" : "over-30"
            let mine = courses.filter { $0["member"] == code }
            let levels = ["theory-elementary": "elementary", "theory-intermediate": "intermediate", "theory-advanced": "advanced"]
            let done = mine.filter { $0["completed_on"]! <= day }.map { levels[$0["kind"]!]! }
            let theory = mine.isEmpty ? (show["theory_entered"] as? String ?? "none")
                : ["advanced", "intermediate", "elementary"].first(where: done.contains) ?? "none"
            let party: String? = (show["party_joined_on"] as? String).map { $0 <= day ? "official" : nil }
                ?? (stages[code] == "admitted" ? "probationary" : stages[code] == "official" ? "official" : nil)
            var facts = ["\(row["gender"]!)", "age/\(band)", "education/\(show["education"] as! String)", "theory/\(theory)"]
            if let ethnicity = show["ethnicity"] as? String, ethnicity != "kinh", ethnicity != "foreign" { facts.append("ethnic_minority") }
            if let religion = show["religion"] as? String, religion != "none" { facts.append("religious") }
            if let party { facts.append("party/\(party)") }
            if holders.contains(code) { facts.append("office_holders") }
            for unit in rollUp[row["unit"]!]! {
                for fact in facts { counts[unit, default: [:]][fact, default: 0] += 1 }
            }
        }
        return counts
    }

    /// The report's profile of every unit, flattened to the hand count's keys.
    func reported(_ cli: CLI, on day: String) throws -> [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        func visit(_ unit: [String: Any]) {
            let profile = unit["profile"] as! [String: Any]
            var facts: [String: Int] = [:]
            for key in ["female", "male", "ethnic_minority", "religious", "office_holders"] { facts[key] = profile[key] as? Int }
            for group in ["age_bands": "age", "education": "education", "theory": "theory", "party_members": "party"] {
                for (key, value) in profile[group.key] as! [String: Int] { facts["\(group.value)/\(key)"] = value }
            }
            result[unit["unit"] as! String] = facts.filter { $0.value != 0 }
            for child in unit["children"] as! [[String: Any]] { visit(child) }
        }
        visit(try object(try cli.ok(["report", "period", "--from", "2025-01-01", "--to", day, "--format", "json"])))
        return result.filter { !$0.value.isEmpty }
    }

    @Test(arguments: RegisterEngineKind.allCases) func theProfileAtEveryUnitIsTheHandCountOnTwoDays(_ kind: RegisterEngineKind) throws {
        let cli = try register(kind)
        defer { cli.cleanUp() }
        for day in ["2025-03-31", "2025-12-31"] {
            let hand = try handCount(cli, on: day)
            #expect(try reported(cli, on: day) == hand, "on \(day)")
        }
        // The two days differ, so the comparison is not of one picture twice.
        let march = try handCount(cli, on: "2025-03-31"), december = try handCount(cli, on: "2025-12-31")
        #expect(march["DK"]?["party/probationary"] == nil && december["DK"]?["party/probationary"] == 1)
        #expect(march["YT-VP"]?["theory/none"] == 1 && december["YT-VP"]?["theory/elementary"] == 1)
        #expect(march["TC"]?["female"] == 1 && december["TC"]?["female"] == 2)
        #expect(march["DK"]?["party/official"] == 1 && march["DK"]?["ethnic_minority"] == 3 && december["DK"]?["ethnic_minority"] == 3)
        #expect(march["DK"]?["age/16-18"] == 1 && december["DK"]?["age/16-18"] == 2)
        #expect(december["DK"]?["office_holders"] == 1 && march["DK"]?["office_holders"] == 1)
    }

    @Test(arguments: RegisterEngineKind.allCases) func unitGradesAreCountedOverTheOpenUnitsBelow(_ kind: RegisterEngineKind) throws {
        let cli = try register(kind)
        defer { cli.cleanUp() }
        let dk = try object(try cli.ok(["report", "annual", "--year", "2025", "--format", "json"]))
        #expect(dk["unit_grades"] as? [String: Int] == ["excellent": 1, "good": 1, "pass": 0, "fail": 0, "not_graded": 2])
        let children = dk["children"] as! [[String: Any]]
        let yt = try #require(children.first { $0["unit"] as? String == "YT" })
        #expect(yt["unit_grades"] as? [String: Int] == ["excellent": 1, "good": 0, "pass": 0, "fail": 0, "not_graded": 1])
        // The hand count: the graded units of `unit grades` among the open units below.
        let graded = csvRows(try cli.ok(["unit", "grades", "DK", "--year", "2025", "--format", "csv"]))
        #expect(graded.map { $0["grade"]! }.sorted() == ["excellent", "good"])
        // The 2024 report counts no grade: every unit below is not graded.
        let before = try object(try cli.ok(["report", "annual", "--year", "2024", "--format", "json"]))
        #expect((before["unit_grades"] as? [String: Int])?["not_graded"] == 4)
        // Every rendering carries both sections.
        let csv = try cli.ok(["report", "annual", "--year", "2025", "--format", "csv"])
        let header = csv.split(separator: "\n")[0].split(separator: ",").map(String.init)
        let row = csv.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let value = { (name: String) in row[header.firstIndex(of: name)!] }
        #expect(value("unit_grade_excellent") == "1" && value("unit_grade_not_graded") == "2")
        #expect(value("profile_ethnic_minority") == "3" && value("profile_party_probationary") == "1" && value("profile_age_16_18") == "2")
        let md = try cli.ok(["report", "annual", "--year", "2025", "--format", "md", "--lang", "en"])
        #expect(md.contains("## Members at end: profile") && md.contains("## Unit grades for 2025 (units below)"))
        let text = try cli.ok(["report", "annual", "--year", "2025"])
        #expect(text.contains("Đặc điểm đoàn viên cuối kỳ") && text.contains("Xếp loại tổ chức cơ sở đoàn, chi đoàn năm 2025"))
        // The same register prints the same bytes.
        #expect(try cli.ok(["report", "annual", "--year", "2025", "--format", "json"]) == cli.ok(["report", "annual", "--year", "2025", "--format", "json"]))
    }
}
