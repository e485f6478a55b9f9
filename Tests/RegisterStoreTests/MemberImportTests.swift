import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("Importing members, grades and trainings", .serialized)
struct MemberImportTests {
    func file(_ temp: TemporaryRegister, _ name: String, _ bytes: [UInt8]) throws -> String {
        let path = temp.directory.appending(path: name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func file(_ temp: TemporaryRegister, _ name: String, _ text: String) throws -> String {
        try file(temp, name, Array(text.utf8))
    }

    static let header = "code,full_name,birth_date,gender,unit,joined_on,education\n"

    @Test(arguments: RegisterEngineKind.allCases) func vietnameseHeadersSemicolonsAndAByteOrderMarkImportWithEveryDateForm(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let path = try file(temp, "members.csv", [0xEF, 0xBB, 0xBF] + Array("""
            SỐ THẺ;Họ và tên;Ngày sinh;Giới tính;Chi đoàn;Ngày vào Đoàn;Trình độ;CCCD;Điện thoại;Đơn vị công tác\r
            DV1;Nguyễn Văn  An;02/03/1995;Nam;YT-VP;26/03/2015;Đại học;001095000001;0912345678;"Sở Y tế; phòng 2"\r
            DV2;Lê Thị Bình;1996-05-06;Nữ;TC;2016-03-26;THPT;;;\r
            """.utf8))
        let report = try temp.register.importFile(.members, from: path, dryRun: false)
        #expect(report.problems.isEmpty)
        #expect(report.added == 2)
        let an = try temp.register.memberFacts("DV1")
        #expect(an.member.fullName == "Nguyễn Văn An")
        #expect(an.member.birthDate == day("1995-03-02"))
        #expect(an.member.workplace == "Sở Y tế; phòng 2")
        #expect(an.history.latestStatus == .active(unitCode: "YT-VP"))
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log WHERE action = 'member.import'") == 1)
    }

    @Test(arguments: RegisterEngineKind.allCases) func badRowsOfEveryKindAreAllReportedWithLineAndColumnAndNothingIsWritten(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let audits = try temp.count("SELECT COUNT(*) FROM audit_log")
        let rows = Self.header + """
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university
            DV2,Lê Thị Bình,1996-05-06,female,XX,2016-03-26,university
            DV3,Trần Văn Cường,1996-02-30,male,YT-VP,2016-03-26,university
            DV4,Phạm Thị Dung,2010-01-01,female,YT-VP,2024-06-01,lower-secondary
            DV1,Hoàng Văn Em,1995-01-01,male,YT-VP,2015-03-26,university
            DV5,Vũ Thị Gấm,1996-05-06,female,YT-VP
            DV6,Đỗ Văn Hải,1996-05-06,male,YT,2016-03-26,university
            DV7,Bùi Thị Lan,1996-05-06,khác,YT-VP,2016-03-26,university

            """
        let bad: [UInt8] = Array("DV8,Ng".utf8) + [0xFF, 0xFE] + Array(",1996-05-06,male,YT-VP,2016-03-26,university\n".utf8)
        let path = try file(temp, "members.csv", Array(rows.utf8) + bad)
        let refused = #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: path, dryRun: false) }
        let problems = refused?.report.problems ?? []
        #expect(problems.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10])
        #expect(problems.map(\.column) == ["unit", "birth_date", "birth_date", "code", nil, "unit", "gender", "full_name"])
        #expect(problems.allSatisfy { $0.file == path })
        #expect(problems[2].message.en.contains("must be older than 15"))
        #expect(problems[3].message.en.contains("line 2"))
        #expect(problems[4].message.en.contains("5 fields"))
        #expect(problems[7].message.en.contains("UTF-8"))
        #expect(try temp.count("SELECT COUNT(*) FROM member") == 0)
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log") == audits)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aDryRunReportsWhatWouldChangeAndWritesNothing(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26")
        let path = try file(temp, "members.csv", Self.header + """
            DV1,Nguyễn Văn An,1995-03-02,female,YT-VP,2015-03-26,university
            DV2,Lê Thị Bình,1996-05-06,female,YT-VP,2016-03-26,university
            """)
        let before = try temp.contents()
        let report = try temp.register.importFile(.members, from: path, dryRun: true)
        #expect((report.added, report.updated, report.unchanged) == (1, 0, 1))
        #expect(try temp.count("SELECT COUNT(*) FROM member") == 1)
        #expect(try temp.contents() == before)
    }

    @Test(arguments: RegisterEngineKind.allCases) func reimportingChangesNothingAndAChangedFieldIsAnAuditedUpdate(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let first = try file(temp, "members.csv", Self.header + """
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university
            DV2,Lê Thị Bình,1996-05-06,female,YT-VP,2016-03-26,college
            """)
        _ = try temp.register.importFile(.members, from: first, dryRun: false)
        let again = try temp.register.importFile(.members, from: first, dryRun: false)
        #expect((again.added, again.updated, again.unchanged) == (0, 0, 2))
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log WHERE action = 'member.update'") == 0)

        let changed = try file(temp, "changed.csv", Self.header + """
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university
            DV2,Lê Thị Bình,1996-05-06,female,YT-VP,2016-03-26,university
            """)
        let update = try temp.register.importFile(.members, from: changed, dryRun: false)
        #expect((update.added, update.updated, update.unchanged) == (0, 1, 1))
        #expect(try temp.register.memberFacts("DV2").member.education == .university)
        let audit = try temp.rows("SELECT member_code, old_value, new_value FROM audit_log WHERE action = 'member.update'")
        #expect(audit.count == 1 && audit[0][0] == "DV2")
        #expect(audit.first?[1].contains("\"college\"") == true)
        #expect(audit.first?[2].contains("\"university\"") == true)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aNameAndBirthDateUnderAnotherCodeIsALikelyDuplicateButImported(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26")
        let path = try file(temp, "members.csv", Self.header + """
            DV9,nguyen van AN,02/03/1995,male,YT-BV,2015-03-26,university
            """)
        let report = try temp.register.importFile(.members, from: path, dryRun: false)
        #expect(report.added == 1)
        #expect(report.warnings.map(\.line) == [2])
        #expect(report.warnings.first?.message.en.contains("DV1") == true)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aMissingRequiredColumnOrAnUnknownOneStopsAtTheHeader(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let path = try file(temp, "members.csv", "code,full_name,birth_date,gender,unit,joined_on,nickname\nDV1,A,1995-03-02,male,YT-VP,2015-03-26,x\n")
        let refused = #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: path, dryRun: true) }
        #expect(refused?.report.problems.map(\.column) == ["nickname", "education"])
        #expect(refused?.report.problems.allSatisfy { $0.line == 1 } == true)
    }

    @Test(arguments: RegisterEngineKind.allCases) func gradesAndTrainingsAreCheckedWithTheirRulesAndEveryBadRowNamesItsLine(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1996-05-06", joined: "2024-07-02")
        let grades = try file(temp, "grades.csv", """
            Mã;Năm;Xếp loại
            DV1;2023;Hoàn thành xuất sắc nhiệm vụ
            DV2;2024;good
            DV9;2024;good
            DV1;2024;best
            DV1;2023;pass
            """)
        let refused = #expect(throws: ImportRefused.self) { try temp.register.importFile(.grades, from: grades, dryRun: false) }
        #expect(refused?.report.problems.map(\.line) == [3, 4, 5, 6])
        #expect(refused?.report.problems.map(\.column) == ["year", "code", "grade", "year"])
        #expect(try temp.count("SELECT COUNT(*) FROM grade") == 0)

        let trainings = try file(temp, "trainings.csv", """
            code,kind,started,completed,provider,certificate,result
            DV1,Lớp bồi dưỡng nhận thức về Đảng,2023-01-02,2023-01-10,Ban Tuyên giáo,CC-1,Khá
            DV1,new-member,2016-01-10,2016-01-02,,,
            DV1,party-awareness,,2027-01-01,,,
            """)
        let bad = #expect(throws: ImportRefused.self) { try temp.register.importFile(.trainings, from: trainings, dryRun: false) }
        #expect(bad?.report.problems.map(\.line) == [3, 4])
        #expect(try temp.count("SELECT COUNT(*) FROM training") == 0)

        let good = try file(temp, "good.csv", "code,kind,completed\nDV1,party-awareness,2023-01-10\n")
        #expect(try temp.register.importFile(.trainings, from: good, dryRun: false).added == 1)
        #expect(try temp.register.importFile(.trainings, from: good, dryRun: false).unchanged == 1)
    }
}
