import Foundation
import Testing
import PostgresTestSupport
@testable import RegisterStore
import UnionRegister

extension TemporaryRegister {
    /// Audit rows of one action, oldest first.
    func auditRows(_ action: String) throws -> [SQLRow] {
        try register.readSQL { db in try db.rows("SELECT * FROM audit_log WHERE action = ? ORDER BY id", [action]) }
    }

    func count(table: String) throws -> Int { try count("SELECT COUNT(*) FROM \(table)") }
}

@Suite("Grades in the store", .serialized)
struct GradeStoreTests {
    @Test(arguments: RegisterEngineKind.allCases) func aSecondSetCorrectsTheGradeAndAuditsOldAndNew(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        try r.addMember("DV001", "Trần Thị An", born: "1998-03-10", joined: "2020-01-01")
        let first = try r.register.setGrade("DV001", year: 2024, grade: .good)
        #expect(first.old == nil)
        let second = try r.register.setGrade("DV001", year: 2024, grade: .excellent)
        #expect(second.old == .good)
        #expect(try r.register.memberFacts("DV001").grades == [GradeRecord(year: 2024, grade: .excellent)])
        let audits = try r.auditRows("grade.set")
        #expect(audits.count == 2)
        #expect(audits[1]["old_value"] == .text(#"{"grade":"good","year":2024}"#))
        #expect(audits[1]["new_value"] == .text(#"{"grade":"excellent","year":2024}"#))
        #expect(audits[1]["unit_code"] == .text("YT-VP"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRefusedGradeLeavesNoRowAndNoAuditRow(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        try r.addMember("DV002", "Trần Thị An", born: "1998-03-10", joined: "2024-07-02")
        let audits = try r.count(table: "audit_log")
        let error = #expect(throws: RegisterError.self) {
            try r.register.setGrade("DV002", year: 2024, grade: .excellent)
        }
        #expect(error?.rule?.code == "grade-months")
        #expect(try r.count(table: "grade") == 0)
        #expect(try r.count(table: "audit_log") == audits)
    }

    @Test(arguments: RegisterEngineKind.allCases) func gradesAcrossATransferFollowTheBranchAtTheEndOfEachYear(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        try r.addMember("DV003", "Trần Thị An", born: "1998-03-10", joined: "2023-01-01")
        try r.register.transferMember("DV003", to: "TC", on: day("2024-03-01"))
        try r.register.setGrade("DV003", year: 2023, grade: .good)
        try r.register.setGrade("DV003", year: 2024, grade: .excellent)
        #expect(try r.register.grades(unitCode: "YT").map(\.record) == [GradeRecord(year: 2023, grade: .good)])
        #expect(try r.register.grades(unitCode: "TC").map(\.record) == [GradeRecord(year: 2024, grade: .excellent)])
        #expect(try r.register.grades(year: 2024).map(\.unitCode) == ["TC"])
        #expect(try r.register.grades().count == 2)
    }

    @Test(arguments: RegisterEngineKind.allCases) func anUnknownMemberIsBadInput(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        let error = #expect(throws: RegisterError.self) {
            try r.register.setGrade("NOBODY", year: 2024, grade: .pass)
        }
        #expect(error?.kind == .badInput)
    }
}

@Suite("Trainings in the store", .serialized)
struct TrainingStoreTests {
    @Test(arguments: RegisterEngineKind.allCases) func listsFilterByMemberKindYearAndBranchOnTheCompletionDay(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        try r.addMember("DV001", "Trần Thị An", born: "1998-03-10", joined: "2020-01-01")
        try r.addMember("DV002", "Trần Thị An", born: "1998-03-10", joined: "2020-01-01", unit: "TC")
        try r.register.transferMember("DV001", to: "TC", on: day("2024-06-01"))
        // A new-member class before admission belongs to the branch that admitted the member.
        try r.register.addTraining("DV001", TrainingRecord(kind: .newMember, completedOn: day("2019-12-20")))
        try r.register.addTraining("DV001", TrainingRecord(kind: .theoryElementary, startedOn: day("2024-03-01"),
                                                           completedOn: day("2024-05-31"), provider: "Trường Chính trị tỉnh"))
        try r.register.addTraining("DV001", TrainingRecord(kind: .partyAwareness, completedOn: day("2024-06-01"),
                                                           certificateNo: "245/CN"))
        try r.register.addTraining("DV002", TrainingRecord(kind: .theoryElementary, completedOn: day("2023-11-02")))

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

    @Test(arguments: RegisterEngineKind.allCases) func aRefusedTrainingLeavesNoRowAndNoAuditRow(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        try r.addMember("DV001", "Trần Thị An", born: "1998-03-10", joined: "2020-01-01")
        let audits = try r.count(table: "audit_log")
        let record = TrainingRecord(kind: .unionCadre, startedOn: day("2024-05-02"), completedOn: day("2024-05-01"))
        #expect(throws: RegisterError.self) { try r.register.addTraining("DV001", record) }
        #expect(throws: RegisterError.self) {
            try r.register.addTraining("NOBODY", TrainingRecord(kind: .other, completedOn: day("2024-05-01")))
        }
        #expect(try r.count(table: "training") == 0)
        #expect(try r.count(table: "audit_log") == audits)
    }

    @Test(arguments: RegisterEngineKind.allCases) func anUnknownUnitOrMemberInTheFilterIsBadInput(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        #expect(throws: RegisterError.unknownUnit("XX")) { try r.register.trainings(TrainingFilter(unitCode: "XX")) }
        #expect(throws: RegisterError.unknownMember("XX")) { try r.register.trainings(TrainingFilter(memberCode: "XX")) }
    }
}

@Suite("Discipline in the store", .serialized)
struct DisciplineStoreTests {
    @Test(arguments: RegisterEngineKind.allCases) func anExpulsionWritesTheDecisionAndTheExpelledEventUnderOneAuditRow(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        try r.addMember("DV001", "Trần Thị An", born: "1998-03-10", joined: "2020-01-01", unit: "YT-BV")
        let audits = try r.count(table: "audit_log")
        try r.register.addDiscipline("DV001", DisciplineRecord(level: .expulsion, on: day("2024-05-10"),
                                                               reason: "Vi phạm pháp luật"))
        let record = try r.register.memberFacts("DV001")
        #expect(record.disciplines == [DisciplineRecord(level: .expulsion, on: day("2024-05-10"), reason: "Vi phạm pháp luật")])
        #expect(record.history.status(on: day("2024-05-09")) == .active(unitCode: "YT-BV"))
        #expect(record.history.status(on: day("2024-05-10")) == .left(.expelled, on: day("2024-05-10"), unitCode: "YT-BV"))
        #expect(record.history.events.last?.reason == "Vi phạm pháp luật")
        #expect(try r.count(table: "audit_log") == audits + 1)
        let audit = try #require(try r.auditRows("discipline.add").first)
        #expect(try audit.text("new_value").contains(#""membership_event":{"kind":"expelled""#))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aReprimandKeepsTheMemberActive(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        try r.addMember("DV001", "Trần Thị An", born: "1998-03-10", joined: "2020-01-01")
        try r.register.addDiscipline("DV001", DisciplineRecord(level: .reprimand, on: day("2024-05-10"),
                                                               reason: "Vắng sinh hoạt"))
        #expect(try r.count(table: "discipline") == 1)
        #expect(try r.count(table: "membership_event") == 1)
        #expect(try r.register.memberFacts("DV001").history.latestStatus.isActive)
    }

    @Test(arguments: RegisterEngineKind.allCases) func anExpulsionBeforeTheLatestEventRollsBackTheDecisionToo(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        try r.addMember("DV001", "Trần Thị An", born: "1998-03-10", joined: "2020-01-01")
        try r.register.transferMember("DV001", to: "TC", on: day("2024-06-01"))
        let audits = try r.count(table: "audit_log")
        let error = #expect(throws: RegisterError.self) {
            try r.register.addDiscipline("DV001", DisciplineRecord(level: .expulsion, on: day("2024-05-10"),
                                                                   reason: "Vi phạm"))
        }
        #expect(error?.rule?.code == "event-order")
        #expect(try r.count(table: "discipline") == 0)
        #expect(try r.count(table: "membership_event") == 2)
        #expect(try r.count(table: "audit_log") == audits)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aSecondExpulsionIsRefused(_ kind: RegisterEngineKind) throws {
        let r = try TemporaryRegister(on: kind)
        try r.addMember("DV001", "Trần Thị An", born: "1998-03-10", joined: "2020-01-01")
        let expel = { (date: String) in
            try r.register.addDiscipline("DV001", DisciplineRecord(level: .expulsion, on: day(date), reason: "Vi phạm"))
        }
        try expel("2024-05-10")
        let error = #expect(throws: RegisterError.self) { try expel("2024-05-10") }
        #expect(error?.kind == .ruleRefused)
        #expect(try r.count(table: "discipline") == 1)
    }
}
