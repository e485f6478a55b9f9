import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("Importing units, events and discipline", .serialized)
struct HistoryImportTests {
    func file(_ temp: TemporaryRegister, _ name: String, _ text: String) throws -> String {
        let path = temp.directory.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: RegisterEngineKind.allCases) func eventsAreCheckedLikeTheCommandsAndADryRunSeesEarlierRows(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        let path = try file(temp, "events.csv", """
            Mã;Sự kiện;Ngày;Chi đoàn;Lý do
            DV1;transferred;2020-01-01;TC;Chuyển công tác
            DV1;matured;2024-03-26;TC;Lễ trưởng thành
            """)
        let dry = try temp.register.importFile(.events, from: path, dryRun: true)
        #expect(dry.problems.isEmpty)
        #expect(dry.added == 2)
        #expect(try temp.count("SELECT COUNT(*) FROM membership_event") == 1)
        _ = try temp.register.importFile(.events, from: path, dryRun: false)
        #expect(try temp.register.memberFacts("DV1").history.latestStatus == .left(.matured, on: day("2024-03-26"), unitCode: "TC"))
        let again = try temp.register.importFile(.events, from: path, dryRun: false)
        #expect(again.unchanged == 2)
    }

    @Test(arguments: RegisterEngineKind.allCases) func everyBadEventRowIsReportedWithItsLineAndNothingIsWritten(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        let audits = try temp.count("SELECT COUNT(*) FROM audit_log")
        let path = try file(temp, "events.csv", """
            code,event,on,unit,reason
            DV1,transferred,2020-01-01,TC,
            DV9,matured,2024-01-01,,
            DV1,transferred,2019-01-01,YT-VP,
            DV1,transferred,2021-01-01,YT,
            DV1,admitted,2021-01-01,YT-VP,
            DV1,matured,2021-02-30,,
            DV1,removed,2022-01-01,YT-VP,
            """)
        let refused = #expect(throws: ImportRefused.self) { try temp.register.importFile(.events, from: path, dryRun: false) }
        let problems = refused?.report.problems ?? []
        #expect(problems.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(problems.map(\.column) == ["code", "on", "unit", "event", "on", "unit"])
        #expect(try temp.count("SELECT COUNT(*) FROM membership_event") == 1)
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log") == audits)
    }

    @Test(arguments: RegisterEngineKind.allCases) func unitsImportParentsFirstWithTheTreeRules(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind, tree: false)
        let path = try file(temp, "units.csv", """
            code,name,kind,parent,opened_on,closed_on
            DK,Đoàn Khối các cơ quan tỉnh,bloc,,2015-01-01,
            YT,Đoàn cơ sở Sở Y tế,grassroots-union,DK,2015-01-01,
            YT-VP,Chi đoàn Văn phòng,branch,YT,2015-01-01,
            YT-CU,Chi đoàn cũ,branch,YT,2015-01-01,2020-12-31
            BAD,Chi đoàn lạc chỗ,branch,DK,2015-01-01,
            """)
        let refused = #expect(throws: ImportRefused.self) { try temp.register.importFile(.units, from: path, dryRun: false) }
        #expect(refused?.report.problems.map(\.line) == [6])
        #expect(refused?.report.problems.map(\.column) == ["parent"])
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropLast().joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let report = try temp.register.importFile(.units, from: path, dryRun: false)
        #expect((report.added, report.unchanged) == (3, 1))
        #expect(try temp.register.unit("YT-CU").closedOn == day("2020-12-31"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func disciplineImportExpelsInTheSameTransaction(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        let path = try file(temp, "discipline.csv", """
            code,level,on,reason
            DV1,warning,2023-05-01,Vi phạm quy chế
            DV1,expulsion,2024-05-01,Vi phạm pháp luật
            """)
        _ = try temp.register.importFile(.discipline, from: path, dryRun: false)
        #expect(try temp.register.memberFacts("DV1").history.latestStatus == .left(.expelled, on: day("2024-05-01"), unitCode: "YT-VP"))
        #expect(try temp.register.importFile(.discipline, from: path, dryRun: false).unchanged == 2)
    }

    @Test(arguments: RegisterEngineKind.allCases) func referralStepsReplayThroughTheReferralRules(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        let grade = try file(temp, "grades.csv", "code,year,grade\nDV1,2022,excellent\n")
        _ = try temp.register.importFile(.grades, from: grade, dryRun: false)
        let bad = try file(temp, "referrals.csv", """
            code,stage,on,convened,present,votes_for,resolution_no,decision_no,reason
            DV1,admitted,2023-02-01,,,,,,
            DV1,nominated,2023-03-01,20,12,12,,,
            DV1,nominated,2023-03-01,20,18,9,,,
            DV1,nominated,2023-03-01,20,21,9,,,
            DV1,lapsed,2023-03-01,,,,,,
            """)
        let refused = #expect(throws: ImportRefused.self) { try temp.register.importFile(.referrals, from: bad, dryRun: false) }
        #expect(refused?.report.problems.map(\.line) == [2, 3, 4, 5, 6])
        #expect(refused?.report.problems.map(\.column) == ["stage", "present", "votes_for", nil, "stage"])
        #expect(try temp.count("SELECT COUNT(*) FROM referral_step") == 0)

        let good = try file(temp, "referrals.csv", """
            code,stage,on,convened,present,votes_for,resolution_no,decision_no,reason
            DV1,nominated,2023-03-01,20,18,15,,,
            DV1,referred-to-class,2023-03-20,,,,,,
            """)
        _ = try temp.register.importFile(.referrals, from: good, dryRun: false)
        #expect(try temp.register.memberFacts("DV1").latestReferral?.stage(on: today) == .referredToClass)
        #expect(try temp.register.importFile(.referrals, from: good, dryRun: false).unchanged == 2)
    }
}
