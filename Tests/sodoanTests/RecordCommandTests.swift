import Foundation
import PostgresTestSupport
import Testing

extension CLI {
    /// The small tree with two members of YT-VP at the 6-month edge of 2024: An admitted on
    /// 1 July (6 whole months, graded), Bình on 2 July (5, not graded).
    func makeRecordsRegister() throws {
        try makeSmallTree()
        try ok(["member", "add", "--unit", "YT-VP", "--name", "Nguyễn Văn An", "--born", "1998-03-10", "--gender", "male",
                "--code", "DV001", "--joined", "2024-07-01", "--education", "university"])
        try ok(["member", "add", "--unit", "YT-VP", "--name", "Lê Thị Bình", "--born", "1999-05-20", "--gender", "female",
                "--code", "DV002", "--joined", "2024-07-02", "--education", "university"])
    }

    /// Runs a command that must fail with `status` and leave the register's bytes as they
    /// were; returns its standard error.
    @discardableResult
    func refused(_ arguments: [String], status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try registerBytes()
        let result = try run(arguments)
        #expect(result.status == status, "sodoan \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try registerBytes() == before, "sodoan \(arguments.joined(separator: " ")) changed the register", sourceLocation: sourceLocation)
        return result.stderr
    }
}

@Suite("sodoan grade, end to end", .serialized)
struct GradeCommandTests {
    @Test(arguments: RegisterEngineKind.allCases) func aSecondSetCorrectsTheGradeAndMemberShowListsIt(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeRecordsRegister()
        try cli.ok(["grade", "set", "DV001", "--year", "2024", "--grade", "good"])
        let corrected = try cli.ok(["grade", "set", "DV001", "--year", "2024", "--grade", "excellent"])
        #expect(corrected.contains("Hoàn thành xuất sắc nhiệm vụ (trước đây: Hoàn thành tốt nhiệm vụ)"))
        let show = try cli.ok(["member", "show", "DV001", "--format", "json"])
        #expect(show.contains(#""grade" : "excellent""#))
        let list = try cli.ok(["grade", "list", "--year", "2024", "--format", "csv"])
        #expect(list == "year,member,full_name,unit,grade\n2024,DV001,Nguyễn Văn An,YT-VP,excellent\n")
        let log = try cli.ok(["log", "--member", "DV001", "--format", "csv"])
        #expect(log.components(separatedBy: "grade.set").count == 3)
    }

    @Test(arguments: RegisterEngineKind.allCases) func fiveMonthsInTheYearIsRefusedWithTheCountAndNothingWritten(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeRecordsRegister()
        let vi = try cli.refused(["grade", "set", "DV002", "--year", "2024", "--grade", "good"], status: 1)
        #expect(vi.contains("[grade-months]"))
        #expect(vi.contains("5 tháng trọn trong năm 2024"))
        let en = try cli.refused(["grade", "set", "DV002", "--year", "2024", "--grade", "good", "--lang", "en"], status: 1)
        #expect(en.contains("5 whole months of 2024"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func gradesAcrossATransferListUnderTheBranchOfEachYearEnd(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Phạm Minh Châu", "--born", "1997-01-15", "--gender", "female",
                    "--code", "DV003", "--joined", "2023-01-01", "--education", "college"])
        try cli.ok(["member", "transfer", "DV003", "--to", "TC", "--on", "2024-03-01"])
        try cli.ok(["grade", "set", "DV003", "--year", "2023", "--grade", "good"])
        try cli.ok(["grade", "set", "DV003", "--year", "2024", "--grade", "excellent"])
        #expect(try cli.ok(["grade", "list", "--unit", "YT", "--format", "csv"]).hasSuffix("2023,DV003,Phạm Minh Châu,YT-VP,good\n"))
        #expect(try cli.ok(["grade", "list", "--unit", "TC", "--format", "csv"]).hasSuffix("\n2024,DV003,Phạm Minh Châu,TC,excellent\n"))
        let text = try cli.ok(["grade", "list", "--lang", "en"])
        #expect(text.contains("Year  Code   Name"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func badInputIsRefusedWithItsStatus(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeRecordsRegister()
        let unknown = try cli.refused(["grade", "set", "DV999", "--year", "2024", "--grade", "good"], status: 65)
        #expect(unknown.contains("DV999"))
        try cli.refused(["grade", "set", "DV001", "--year", "2024", "--grade", "great"], status: 64)
        try cli.refused(["grade", "set", "DV001", "--year", "1930", "--grade", "good"], status: 65)
        try cli.refused(["grade", "set", "DV001", "--year", "9999", "--grade", "good"], status: 65)
        try cli.refused(["grade", "list", "--unit", "NOPE"], status: 65)
    }
}

@Suite("sodoan training, end to end", .serialized)
struct TrainingCommandTests {
    @Test(arguments: RegisterEngineKind.allCases) func addedTrainingsListByYearKindAndUnit(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeRecordsRegister()
        try cli.ok(["training", "add", "DV001", "--kind", "theory-elementary", "--started", "01/03/2025", "--completed", "2025-05-30",
                    "--provider", "Trường Chính trị tỉnh", "--certificate", "12/CN", "--result", "Giỏi"])
        try cli.ok(["training", "add", "DV002", "--kind", "party-awareness", "--completed", "2025-04-02", "--certificate", "245/CN"])
        try cli.ok(["training", "add", "DV002", "--kind", "theory-elementary", "--completed", "2024-11-20"])

        let theory2025 = try cli.ok(["training", "list", "--year", "2025", "--kind", "theory-elementary", "--format", "csv"])
        #expect(theory2025 == """
            member,full_name,unit,kind,started_on,completed_on,provider,certificate_no,result
            DV001,Nguyễn Văn An,YT-VP,theory-elementary,2025-03-01,2025-05-30,Trường Chính trị tỉnh,12/CN,Giỏi

            """)
        let bình = try cli.ok(["training", "list", "DV002", "--format", "json"])
        let items = try JSONSerialization.jsonObject(with: Data(bình.utf8)) as? [[String: Any]]
        #expect(items?.map { $0["kind"] as? String } == ["theory-elementary", "party-awareness"])
        #expect(items?.last?["certificate_no"] as? String == "245/CN")
        #expect(try cli.ok(["training", "list", "--unit", "TC", "--format", "csv"]).split(separator: "\n").count == 1)
        let vi = try cli.ok(["training", "list", "--kind", "party-awareness"])
        #expect(vi.contains("Số chứng nhận"))
        #expect(vi.contains("Lớp bồi dưỡng nhận thức về Đảng"))
        let en = try cli.ok(["training", "list", "--lang", "en"])
        #expect(en.contains("Certificate"))
        #expect(en.contains("elementary political theory"))
        #expect(try cli.ok(["member", "show", "DV002"]).contains("245/CN"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func badInputIsRefusedWithItsStatusAndNothingWritten(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeRecordsRegister()
        try cli.refused(["training", "add", "DV999", "--kind", "other", "--completed", "2025-01-10"], status: 65)
        try cli.refused(["training", "add", "DV001", "--kind", "other", "--completed", "2025-02-30"], status: 65)
        let order = try cli.refused(["training", "add", "DV001", "--kind", "union-cadre", "--started", "2025-01-11",
                                     "--completed", "2025-01-10", "--lang", "en"], status: 65)
        #expect(order.contains("before it starts on 2025-01-11"))
        let future = try cli.refused(["training", "add", "DV001", "--kind", "other", "--completed", "2999-01-01", "--lang", "en"], status: 65)
        #expect(future.contains("in the future"))
        try cli.refused(["training", "add", "DV001", "--kind", "party-awareness", "--completed", "1998-03-10",
                         "--certificate", "1/CN"], status: 65)
        try cli.refused(["training", "add", "DV001", "--kind", "theory-basic", "--completed", "2025-01-10"], status: 64)
        try cli.refused(["training", "list", "DV999"], status: 65)
    }
}

@Suite("sodoan discipline, end to end", .serialized)
struct DisciplineCommandTests {
    @Test(arguments: RegisterEngineKind.allCases) func anExpulsionEndsMembershipOnItsDate(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeRecordsRegister()
        let done = try cli.ok(["discipline", "add", "DV002", "--level", "expulsion", "--on", "2025-08-01", "--reason", "Vi phạm pháp luật"])
        #expect(done.contains("thôi sinh hoạt Đoàn từ ngày 2025-08-01"))
        let show = try cli.ok(["member", "show", "DV002", "--format", "json"])
        #expect(show.contains(#""status" : "expelled""#))
        #expect(show.contains(#""level" : "expulsion""#))
        #expect(try cli.ok(["member", "history", "DV002"]).contains("Vi phạm pháp luật"))
        let before = try cli.ok(["member", "list", "--as-of", "2025-07-31", "--format", "csv"])
        let after = try cli.ok(["member", "list", "--as-of", "2025-08-01", "--format", "csv"])
        #expect(before.contains("DV002"))
        #expect(!after.contains("DV002"))
        let again = try cli.refused(["discipline", "add", "DV002", "--level", "reprimand", "--on", "2025-09-01", "--reason", "x"], status: 1)
        #expect(again.contains("[discipline-membership]"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aReprimandKeepsTheMemberActive(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeRecordsRegister()
        try cli.ok(["discipline", "add", "DV001", "--level", "reprimand", "--on", "2025-03-05", "--reason", "Vắng sinh hoạt 3 kỳ"])
        let show = try cli.ok(["member", "show", "DV001", "--format", "json"])
        #expect(show.contains(#""status" : "active""#))
        #expect(show.contains(#""reason" : "Vắng sinh hoạt 3 kỳ""#))
    }

    @Test(arguments: RegisterEngineKind.allCases) func badInputIsRefusedWithItsStatusAndNothingWritten(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeRecordsRegister()
        try cli.refused(["discipline", "add", "DV999", "--level", "warning", "--on", "2025-03-05", "--reason", "x"], status: 65)
        try cli.refused(["discipline", "add", "DV001", "--level", "warning", "--on", "2025-13-05", "--reason", "x"], status: 65)
        try cli.refused(["discipline", "add", "DV001", "--level", "warning", "--on", "2999-01-01", "--reason", "x"], status: 65)
        try cli.refused(["discipline", "add", "DV001", "--level", "warning", "--on", "2025-03-05", "--reason", "  "], status: 65)
        try cli.refused(["discipline", "add", "DV001", "--level", "warning", "--on", "2024-06-30", "--reason", "x"], status: 1)
        try cli.refused(["discipline", "add", "DV001", "--level", "suspension", "--on", "2025-03-05", "--reason", "x"], status: 64)
    }
}
