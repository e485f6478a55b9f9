import Foundation
import GRDB
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// A row repeating the code or national ID of an earlier row is reported with the earlier
/// line, whether the earlier row was written (the UNIQUE indexes find it, `ImportLines`
/// names its line) or refused (the import remembers only those), into an empty register
/// and into one with members.
@Suite("An import names the earlier line of a repeated code or national ID", .serialized)
struct ImportRepeatTests {
    static let header = "code,full_name,birth_date,gender,unit,joined_on,education,id_number\n"

    func refusal(_ temp: TemporaryRegister, _ rows: String) throws -> [ImportProblem] {
        let path = temp.directory.appending(path: "members.csv").path
        try (Self.header + rows).write(toFile: path, atomically: true, encoding: .utf8)
        let refused = #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: path, dryRun: false) }
        return refused?.report.problems ?? []
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRepeatOfAWrittenRowIntoAnEmptyRegister(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let problems = try refusal(temp, """
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university,001095000001
            DV2,Lê Thị Bình,1996-05-06,female,YT-VP,2016-03-26,university,001096000002
            DV1,Hoàng Văn Em,1995-01-01,male,YT-VP,2015-03-26,university,
            DV3,Trần Văn Cường,1996-02-03,male,YT-VP,2016-03-26,university,001096000002
            DV2,Phạm Thị Dung,1996-02-30,female,YT-VP,2016-03-26,university,

            """)
        #expect(problems.map(\.line) == [4, 5, 6])
        #expect(problems.map(\.column) == ["code", "id_number", "code"])
        #expect(problems[0].message.en == "The code DV1 already appears on line 2 of the file.")
        #expect(problems[0].message.vi == "Mã DV1 đã xuất hiện ở dòng 2 của tệp.")
        #expect(problems[1].message.en == "National ID 001096000002 already appears on line 3 of the file.")
        // Line 6 also has an impossible birth date: the repeat is what it is reported for,
        // as before the import stopped keeping every code of the file.
        #expect(problems[2].message.en == "The code DV2 already appears on line 3 of the file.")
        #expect(try temp.count("SELECT COUNT(*) FROM member") == 0)
        #expect(try temp.temporaryTables() == 0)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRepeatOfARefusedRow(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let problems = try refusal(temp, """
            DV1,Nguyễn Văn An,1995-02-30,male,YT-VP,2015-03-26,university,001095000001
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university,
            DV2,Lê Thị Bình,1996-05-06,female,YT-VP,2016-03-26,university,001095000001

            """)
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems.map(\.column) == ["birth_date", "code"])
        #expect(problems[1].message.en == "The code DV1 already appears on line 2 of the file.")
        // Line 2 is refused by a rule (admitted at 10), after its national ID was read.
        let more = try refusal(temp, """
            DV1,Nguyễn Văn An,2005-03-02,male,YT-VP,2015-03-26,university,001095000001
            DV2,Lê Thị Bình,1996-05-06,female,YT-VP,2016-03-26,university,001095000001

            """)
        #expect(more.map(\.line) == [2, 3])
        #expect(more.map(\.column) == ["birth_date", "id_number"])
        #expect(more[1].message.en == "National ID 001095000001 already appears on line 2 of the file.")
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRepeatIntoARegisterWithMembers(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26", gender: .male)
        let problems = try refusal(temp, """
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university,001095000001
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university,001095000001
            DV2,Lê Thị Bình,1996-05-06,female,YT-VP,2016-03-26,university,001096000002
            DV2,Lê Thị Bình,1996-05-06,female,YT-VP,2016-03-26,university,
            DV3,Trần Văn Cường,1996-02-03,male,YT-VP,2016-03-26,university,001095000001

            """)
        #expect(problems.map(\.line) == [3, 5, 6])
        #expect(problems.map(\.column) == ["code", "code", "id_number"])
        #expect(problems[0].message.en == "The code DV1 already appears on line 2 of the file.")
        #expect(problems[1].message.en == "The code DV2 already appears on line 4 of the file.")
        // DV1's update on line 2 gave it the ID line 6 asks for.
        #expect(problems[2].message.en == "National ID 001095000001 already appears on line 2 of the file.")
        #expect(try temp.register.memberFacts("DV1").member.idNumber == nil)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aFileWithoutRepeatsImportsAndLeavesNoTemporaryTable(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let path = temp.directory.appending(path: "members.csv").path
        try (Self.header + """
            DV1,Nguyễn Văn An,1995-03-02,male,YT-VP,2015-03-26,university,001095000001
            DV2,Lê Thị Bình,1996-05-06,female,YT-VP,2016-03-26,university,001096000002

            """).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try temp.register.importFile(.members, from: path, dryRun: false).added == 2)
        #expect(try temp.register.importFile(.members, from: path, dryRun: false).unchanged == 2)
        #expect(try temp.temporaryTables() == 0)
    }
}
