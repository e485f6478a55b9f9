import Foundation
import GRDB
import Testing
import RegisterStore
import UnionRegister

/// A register in a temporary directory with DK → YT → YT-VP, YT-BV and the grassroots
/// branch TC, for the grade, training and discipline round trips.
struct RecordsRegister {
    let directory: URL
    let register: Register
    static let today = Day(parsing: "2025-06-15")!

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        register = try Register.create(at: directory.appending(path: "register.db").path, name: "Đoàn Khối",
                                       rootCode: "DK", openedOn: Self.day("2015-01-01"), command: "test")
        for (code, kind, parent) in [("YT", UnitKind.grassrootsUnion, "DK"), ("YT-VP", .branch, "YT"),
                                     ("YT-BV", .branch, "YT"), ("TC", .grassrootsBranch, "DK")] {
            try register.addUnit(Unit(code: code, name: "Đơn vị \(code)", kind: kind, parentCode: parent, openedOn: Self.day("2015-01-01")))
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    static func day(_ text: String) -> Day { Day(parsing: text)! }

    func addMember(_ code: String, joined: String, unit: String = "YT-VP") throws {
        try register.addMember(Member(code: code, fullName: "Trần Thị \(code)", birthDate: Self.day("1998-03-10"),
                                      gender: .female, education: .university, joinedOn: Self.day(joined)),
                               unitCode: unit, today: Self.today)
    }

    func count(_ table: String) throws -> Int {
        try register.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    func auditRows(_ action: String) throws -> [Row] {
        try register.read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE action = ? ORDER BY id", arguments: [action]) }
    }
}

@Suite("Grades in the store")
struct GradeStoreTests {
    @Test func aSecondSetCorrectsTheGradeAndAuditsOldAndNew() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        try r.addMember("DV001", joined: "2020-01-01")
        let first = try r.register.setGrade("DV001", year: 2024, grade: .good, today: RecordsRegister.today)
        #expect(first.old == nil)
        let second = try r.register.setGrade("DV001", year: 2024, grade: .excellent, today: RecordsRegister.today)
        #expect(second.old == .good)
        #expect(try r.register.memberRecord("DV001").grades == [GradeRecord(year: 2024, grade: .excellent)])
        let audits = try r.auditRows("grade.set")
        #expect(audits.count == 2)
        #expect(audits[1]["old_value"] as String? == #"{"grade":"good","year":2024}"#)
        #expect(audits[1]["new_value"] as String? == #"{"grade":"excellent","year":2024}"#)
        #expect(audits[1]["unit_code"] as String? == "YT-VP")
    }

    @Test func aRefusedGradeLeavesNoRowAndNoAuditRow() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        try r.addMember("DV002", joined: "2024-07-02")
        let audits = try r.count("audit_log")
        let error = #expect(throws: RegisterError.self) {
            try r.register.setGrade("DV002", year: 2024, grade: .excellent, today: RecordsRegister.today)
        }
        #expect(error?.rule == "grade-months")
        #expect(try r.count("grade") == 0)
        #expect(try r.count("audit_log") == audits)
    }

    @Test func gradesAcrossATransferFollowTheBranchAtTheEndOfEachYear() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        try r.addMember("DV003", joined: "2023-01-01")
        try r.register.transferMember("DV003", to: "TC", on: RecordsRegister.day("2024-03-01"), today: RecordsRegister.today)
        try r.register.setGrade("DV003", year: 2023, grade: .good, today: RecordsRegister.today)
        try r.register.setGrade("DV003", year: 2024, grade: .excellent, today: RecordsRegister.today)
        #expect(try r.register.grades(unitCode: "YT").map(\.record) == [GradeRecord(year: 2023, grade: .good)])
        #expect(try r.register.grades(unitCode: "TC").map(\.record) == [GradeRecord(year: 2024, grade: .excellent)])
        #expect(try r.register.grades(year: 2024).map(\.unitCode) == ["TC"])
        #expect(try r.register.grades().count == 2)
    }

    @Test func anUnknownMemberIsBadInput() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        let error = #expect(throws: RegisterError.self) {
            try r.register.setGrade("NOBODY", year: 2024, grade: .pass, today: RecordsRegister.today)
        }
        #expect(error?.kind == .badInput)
    }
}

@Suite("Trainings in the store")
struct TrainingStoreTests {
    @Test func listsFilterByMemberKindYearAndBranchOnTheCompletionDay() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        try r.addMember("DV001", joined: "2020-01-01")
        try r.addMember("DV002", joined: "2020-01-01", unit: "TC")
        try r.register.transferMember("DV001", to: "TC", on: RecordsRegister.day("2024-06-01"), today: RecordsRegister.today)
        let today = RecordsRegister.today
        // A new-member class before admission belongs to the branch that admitted the member.
        try r.register.addTraining("DV001", TrainingRecord(kind: .newMember, completedOn: RecordsRegister.day("2019-12-20")), today: today)
        try r.register.addTraining("DV001", TrainingRecord(kind: .theoryElementary, startedOn: RecordsRegister.day("2024-03-01"),
                                                           completedOn: RecordsRegister.day("2024-05-31"), provider: "Trường Chính trị tỉnh"), today: today)
        try r.register.addTraining("DV001", TrainingRecord(kind: .partyAwareness, completedOn: RecordsRegister.day("2024-06-01"),
                                                           certificateNo: "245/CN"), today: today)
        try r.register.addTraining("DV002", TrainingRecord(kind: .theoryElementary, completedOn: RecordsRegister.day("2023-11-02")), today: today)

        #expect(try r.register.trainings(TrainingFilter(memberCode: "DV001")).map(\.record.kind) == [.newMember, .theoryElementary, .partyAwareness])
        let theory2024 = try r.register.trainings(TrainingFilter(kind: .theoryElementary, year: 2024))
        #expect(theory2024.map(\.memberCode) == ["DV001"])
        #expect(theory2024.first?.record.provider == "Trường Chính trị tỉnh")
        #expect(try r.register.trainings(TrainingFilter(unitCode: "YT")).map(\.record.kind) == [.newMember, .theoryElementary])
        let tc = try r.register.trainings(TrainingFilter(unitCode: "TC"))
        #expect(tc.map(\.record.kind) == [.partyAwareness, .theoryElementary])
        #expect(tc.first?.record.certificateNo == "245/CN")
        #expect(try r.register.trainings(TrainingFilter(year: 2022)).isEmpty)
        #expect(try r.auditRows("training.add").count == 4)
    }

    @Test func aRefusedTrainingLeavesNoRowAndNoAuditRow() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        try r.addMember("DV001", joined: "2020-01-01")
        let audits = try r.count("audit_log")
        let record = TrainingRecord(kind: .unionCadre, startedOn: RecordsRegister.day("2024-05-02"), completedOn: RecordsRegister.day("2024-05-01"))
        #expect(throws: RegisterError.self) { try r.register.addTraining("DV001", record, today: RecordsRegister.today) }
        #expect(throws: RegisterError.self) {
            try r.register.addTraining("NOBODY", TrainingRecord(kind: .other, completedOn: RecordsRegister.day("2024-05-01")), today: RecordsRegister.today)
        }
        #expect(try r.count("training") == 0)
        #expect(try r.count("audit_log") == audits)
    }

    @Test func anUnknownUnitOrMemberInTheFilterIsBadInput() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        #expect(throws: RegisterError.unknownUnit("XX")) { try r.register.trainings(TrainingFilter(unitCode: "XX")) }
        #expect(throws: RegisterError.unknownMember("XX")) { try r.register.trainings(TrainingFilter(memberCode: "XX")) }
    }
}

@Suite("Discipline in the store")
struct DisciplineStoreTests {
    @Test func anExpulsionWritesTheDecisionAndTheExpelledEventUnderOneAuditRow() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        try r.addMember("DV001", joined: "2020-01-01", unit: "YT-BV")
        let audits = try r.count("audit_log")
        try r.register.addDiscipline("DV001", DisciplineRecord(level: .expulsion, on: RecordsRegister.day("2024-05-10"),
                                                               reason: "Vi phạm pháp luật"), today: RecordsRegister.today)
        let record = try r.register.memberRecord("DV001")
        #expect(record.disciplines == [DisciplineRecord(level: .expulsion, on: RecordsRegister.day("2024-05-10"), reason: "Vi phạm pháp luật")])
        #expect(record.history.status(on: RecordsRegister.day("2024-05-09")) == .active(unitCode: "YT-BV"))
        #expect(record.history.status(on: RecordsRegister.day("2024-05-10")) == .left(.expelled, on: RecordsRegister.day("2024-05-10"), unitCode: "YT-BV"))
        #expect(record.history.events.last?.reason == "Vi phạm pháp luật")
        #expect(try r.count("audit_log") == audits + 1)
        let audit = try #require(try r.auditRows("discipline.add").first)
        #expect((audit["new_value"] as String).contains(#""membership_event":{"kind":"expelled""#))
    }

    @Test func aReprimandKeepsTheMemberActive() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        try r.addMember("DV001", joined: "2020-01-01")
        try r.register.addDiscipline("DV001", DisciplineRecord(level: .reprimand, on: RecordsRegister.day("2024-05-10"),
                                                               reason: "Vắng sinh hoạt"), today: RecordsRegister.today)
        #expect(try r.count("discipline") == 1)
        #expect(try r.count("membership_event") == 1)
        #expect(try r.register.memberRecord("DV001").history.latestStatus.isActive)
    }

    @Test func anExpulsionBeforeTheLatestEventRollsBackTheDecisionToo() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        try r.addMember("DV001", joined: "2020-01-01")
        try r.register.transferMember("DV001", to: "TC", on: RecordsRegister.day("2024-06-01"), today: RecordsRegister.today)
        let audits = try r.count("audit_log")
        let error = #expect(throws: RegisterError.self) {
            try r.register.addDiscipline("DV001", DisciplineRecord(level: .expulsion, on: RecordsRegister.day("2024-05-10"),
                                                                   reason: "Vi phạm"), today: RecordsRegister.today)
        }
        #expect(error?.rule == "event-order")
        #expect(try r.count("discipline") == 0)
        #expect(try r.count("membership_event") == 2)
        #expect(try r.count("audit_log") == audits)
    }

    @Test func aSecondExpulsionIsRefused() throws {
        let r = try RecordsRegister()
        defer { r.cleanUp() }
        try r.addMember("DV001", joined: "2020-01-01")
        let expel = { (day: String) in
            try r.register.addDiscipline("DV001", DisciplineRecord(level: .expulsion, on: RecordsRegister.day(day), reason: "Vi phạm"),
                                         today: RecordsRegister.today)
        }
        try expel("2024-05-10")
        let error = #expect(throws: RegisterError.self) { try expel("2024-05-10") }
        #expect(error?.kind == .ruleRefused)
        #expect(try r.count("discipline") == 1)
    }
}
