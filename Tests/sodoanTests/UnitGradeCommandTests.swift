import Foundation
import PostgresTestSupport
import Testing

@Suite("sodoan unit grade and unit grades, end to end", .serialized)
struct UnitGradeCommandTests {
    @Test(arguments: RegisterEngineKind.allCases) func gradesAreSetCorrectedAndListedForTheSubtree(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        #expect(try cli.ok(["unit", "grade", "YT-VP", "--year", "2024", "--grade", "good"])
                == "Đã xếp loại đơn vị YT-VP năm 2024: Hoàn thành tốt nhiệm vụ.\n")
        #expect(try cli.ok(["unit", "grade", "YT-VP", "--year", "2024", "--grade", "excellent", "--lang", "en"])
                == "Graded unit YT-VP for 2024: excellent (was: good).\n")
        try cli.ok(["unit", "grade", "YT", "--year", "2024", "--grade", "pass"])
        try cli.ok(["unit", "grade", "TC", "--year", "2025", "--grade", "fail"])
        #expect(try cli.ok(["unit", "grades", "YT", "--format", "csv"]) == """
            year,unit,grade
            2024,YT,pass
            2024,YT-VP,excellent

            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["unit", "grades", "DK", "--year", "2025", "--format", "json"]).utf8)) as? [[String: Any]])
        #expect(json.count == 1 && json[0]["unit"] as? String == "TC" && json[0]["year"] as? Int == 2025 && json[0]["grade"] as? String == "fail")
        let text = try cli.ok(["unit", "grades", "DK", "--year", "2024"])
        #expect(text.contains("YT-VP") && text.contains("Hoàn thành xuất sắc nhiệm vụ") && !text.contains("TC"))
        let log = try cli.ok(["log", "--format", "csv"])
        #expect(log.components(separatedBy: "unit.grade").count - 1 == 4)
    }

    @Test(arguments: RegisterEngineKind.allCases) func refusalsNameTheRuleAndChangeNothing(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        try cli.ok(["unit", "add", "MOI", "--name", "Chi đoàn mới", "--kind", "branch", "--parent", "YT", "--opened", "2024-07-02"])
        try cli.ok(["unit", "add", "HE", "--name", "Chi đoàn hè", "--kind", "branch", "--parent", "YT", "--opened", "2024-07-01"])
        let late = try cli.refusedLeavingNoTrace(["unit", "grade", "MOI", "--year", "2024", "--grade", "good", "--lang", "en"], status: 1)
        #expect(late.contains("[unit-grade-months]") && late.contains("5 whole months of 2024"))
        let vi = try cli.refusedLeavingNoTrace(["unit", "grade", "MOI", "--year", "2024", "--grade", "good"], status: 1)
        #expect(vi.contains("MOI chỉ hoạt động 5 tháng trọn trong năm 2024"))
        try cli.ok(["unit", "grade", "HE", "--year", "2024", "--grade", "good"])
        let bloc = try cli.refusedLeavingNoTrace(["unit", "grade", "DK", "--year", "2024", "--grade", "good", "--lang", "en"], status: 1)
        #expect(bloc.contains("[unit-grade-kind]"))
        #expect(try cli.refusedLeavingNoTrace(["unit", "grade", "NOPE", "--year", "2024", "--grade", "good"], status: 65).contains("NOPE"))
        #expect(try cli.refusedLeavingNoTrace(["unit", "grade", "YT", "--year", "2999", "--grade", "good"], status: 65).contains("2999"))
        try cli.refusedLeavingNoTrace(["unit", "grade", "YT", "--year", "2024", "--grade", "superb"], status: 64)
        try cli.refusedLeavingNoTrace(["unit", "grades", "NOPE"], status: 65)
    }

    @Test func checkFindsAGradeTheUnitsDaysNoLongerAllow() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        try cli.ok(["unit", "grade", "YT-BV", "--year", "2024", "--grade", "good"])
        #expect(try cli.run(["check"]).status == 0)
        try cli.tamper("UPDATE unit SET opened_on = '2024-08-01' WHERE code = 'YT-BV'")
        let check = try cli.run(["check", "--lang", "en"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("[unit-grade-months] YT-BV") || check.stderr.contains("[unit-grade-months] YT-BV"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func importReadsWhatExportWritesAndRefusesARuleBrokenAtItsLineAndColumn(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        try cli.ok(["unit", "add", "HE", "--name", "Chi đoàn hè", "--kind", "branch", "--parent", "YT", "--opened", "2024-07-02"])
        let bad = try cli.file("bad.csv", "Đơn vị,Năm,Xếp loại\nDK,2024,good\nHE,2024,good\nYT,2024,superb\nYT-VP,2024,good\nYT-VP,2024,pass\n")
        let refused = try cli.refusedLeavingNoTrace(["import", "unit-grades", bad, "--lang", "en"], status: 65)
        #expect(refused.contains("bad.csv:2: unit: DK is a bloc"))
        #expect(refused.contains("bad.csv:3: year: HE was open for 5 whole months of 2024"))
        #expect(refused.contains("bad.csv:4: grade:") && refused.contains("bad.csv:6: year: Unit YT-VP already has a 2024 grade on line 5"))
        let good = try cli.file("good.csv", "unit,year,grade\nYT,2024,Hoàn thành xuất sắc nhiệm vụ\nYT-VP,2025,good\n")
        #expect(try cli.ok(["import", "unit-grades", good]).contains("thêm 2"))
        #expect(try cli.ok(["export", "unit-grades"]) == "unit,year,grade\nYT,2024,excellent\nYT-VP,2025,good\n")
        #expect(try cli.ok(["export", "unit-grades", "--unit", "YT-VP"]) == "unit,year,grade\nYT-VP,2025,good\n")
        #expect(try cli.ok(["import", "unit-grades", good]).contains("không đổi 2"))
    }
}
