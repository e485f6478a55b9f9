import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// The members and events files of a bloc with a past: arrivals, stays and departures,
/// each bad cell pointed at, and a second import of the same files changing nothing.
@Suite("Importing arrivals, departures and stays", .serialized)
struct ArrivalImportTests {
    static let header = "code,full_name,birth_date,gender,unit,joined_on,education,arrived_on,arrived_from,arrival_letter,temporary_until\n"

    func write(_ temp: TemporaryRegister, _ name: String, _ text: String) throws -> String {
        let path = temp.directory.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: RegisterEngineKind.allCases) func everyBadArrivalCellIsPointedAtAndNothingIsWritten(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let path = try write(temp, "members.csv", Self.header + """
            A1,Nguyễn Văn An,1995-03-02,male,YT-VP,2013-03-26,university,2020-09-01,,,
            A2,Lê Thị Bình,1996-05-06,female,YT-VP,2013-03-26,university,2012-09-01,Chi đoàn Trường THPT,,
            A3,Trần Văn Cường,1996-02-03,male,YT-VP,2013-03-26,university,2025-01-01,Chi đoàn xã,,2024-12-31
            A4,Phạm Thị Dung,1996-02-03,female,YT-VP,2013-03-26,university,,Chi đoàn xã,,
            A5,Vũ Văn Em,1996-02-03,male,YT-VP,2013-03-26,university,2014-12-31,Chi đoàn xã,,

            """)
        let refused = #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: path, dryRun: false) }
        #expect(refused?.report.problems.map(\.column) == ["arrived_from", "arrived_on", "temporary_until", "arrived_from", "unit"])
        #expect(refused?.report.problems.last?.message.en.contains("not open on 2014-12-31") == true)
        #expect(try temp.count("SELECT COUNT(*) FROM member") == 0)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aBlocsFilesLoadAndLoadAgainUnchanged(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let members = try write(temp, "members.csv", Self.header + """
            A1,Nguyễn Văn An,1995-03-02,male,YT-VP,2013-03-26,university,2020-09-01,Chi đoàn Trường Đại học Y,12/GGT,
            H1,Lê Văn Hùng,1997-01-01,male,YT-BV,2014-01-01,college,2025-01-01,Chi đoàn xã Yên Sơn,,2025-06-30

            """)
        let events = try write(temp, "events.csv", """
            code,event,on,unit,reason,place,letter,until
            A1,away,2024-03-01,,Học tập trung,Trường Chính trị tỉnh,,2024-08-31
            A1,left,2025-02-01,,Chuyển công tác,Đoàn Khối Doanh nghiệp,5-GGT/ĐTN,
            A1,arrived,2025-10-01,TC,Về tỉnh,Đoàn Khối Doanh nghiệp,,
            H1,arrived,2025-05-01,YT-BV,Chuyển hẳn về,Chi đoàn xã Yên Sơn,,

            """)
        for (kind, path) in [(DataKind.members, members), (.events, events)] {
            #expect(try temp.register.importFile(kind, from: path, dryRun: false).added > 0)
        }
        let an = try temp.register.memberFacts("A1").history
        #expect(an.events.map(\.kind) == [.arrived, .away, .left, .arrived])
        #expect(an.events[2].letterNo == "5-GGT/ĐTN" && an.events[2].place == "Đoàn Khối Doanh nghiệp")
        #expect(an.status(on: day("2025-06-01")) == .left(.left, on: day("2025-02-01"), unitCode: "YT-VP"))
        #expect(try temp.register.memberFacts("H1").history.status(on: day("2025-04-30")) == .temporary(unitCode: "YT-BV", until: day("2025-06-30")))
        for (kind, path) in [(DataKind.members, members), (.events, events)] {
            let again = try temp.register.importFile(kind, from: path, dryRun: false)
            #expect(again.added == 0 && again.updated == 0 && again.unchanged == again.rows, "\(kind)")
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func anEventsRowOfTheWrongKindForTheMemberPointsAtItsCell(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26")
        let events = try write(temp, "events.csv", """
            code,event,on,unit,reason,place,letter,until
            DV1,arrived,2024-01-01,TC,,Chi đoàn xã,,
            DV1,away,2024-03-01,,,Trường Chính trị tỉnh,,2024-02-28
            DV1,left,2024-04-01,,,,,

            """)
        let refused = #expect(throws: ImportRefused.self) { try temp.register.importFile(.events, from: events, dryRun: false) }
        #expect(refused?.report.problems.map(\.column) == ["event", "until", "place"])
    }
}
