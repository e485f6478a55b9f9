import Foundation
import Testing
import PostgresTestSupport
@testable import RegisterStore
import UnionRegister

@Suite("Unit grades in the store: audited writes, the subtree's list, check, fingerprint", .serialized)
struct UnitGradeStoreTests {
    @Test(arguments: RegisterEngineKind.allCases) func aGradeIsKeptCorrectedAndAuditedAndTheSameGradeAgainChangesNothing(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let register = temp.register
        #expect(try register.setUnitGrade("YT-VP", year: 2025, grade: .good) == nil)
        #expect(try register.setUnitGrade("YT-VP", year: 2025, grade: .excellent) == .good)
        let audits = try temp.count("SELECT COUNT(*) FROM audit_log WHERE action = 'unit.grade' AND unit_code = 'YT-VP'")
        #expect(audits == 2)
        #expect(try register.setUnitGrade("YT-VP", year: 2025, grade: .excellent) == .excellent)
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log WHERE action = 'unit.grade'") == 2)
        let old = try temp.rows("SELECT old_value FROM audit_log WHERE action = 'unit.grade' ORDER BY id DESC LIMIT 1").first?.first
        #expect(old == #"{"grade":"good","unit":"YT-VP","year":2025}"#)
    }

    @Test(arguments: RegisterEngineKind.allCases) func theListIsTheUnitsSubtreeByYearThenCode(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let register = temp.register
        try register.setUnitGrade("YT-VP", year: 2025, grade: .good)
        try register.setUnitGrade("YT", year: 2025, grade: .excellent)
        try register.setUnitGrade("YT-BV", year: 2024, grade: .pass)
        try register.setUnitGrade("TC", year: 2025, grade: .fail)
        #expect(try register.unitGrades(of: "YT") == [UnitGrade(unitCode: "YT-BV", year: 2024, grade: .pass),
                                                      UnitGrade(unitCode: "YT", year: 2025, grade: .excellent),
                                                      UnitGrade(unitCode: "YT-VP", year: 2025, grade: .good)])
        #expect(try register.unitGrades(of: "DK", year: 2025).map(\.unitCode) == ["TC", "YT", "YT-VP"])
        #expect(try register.unitGrades(of: "YT-BV", year: 2025).isEmpty)
        #expect(throws: RegisterError.unknownUnit("NOPE")) { try register.unitGrades(of: "NOPE") }
    }

    @Test(arguments: RegisterEngineKind.allCases) func refusalsWriteNothing(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let register = temp.register
        try register.addUnit(Unit(code: "NEW", name: "Chi đoàn mới", kind: .branch, parentCode: "YT", openedOn: day("2025-07-02")))
        let before = try temp.count("SELECT COUNT(*) FROM audit_log")
        #expect(throws: RegisterError.self) { try register.setUnitGrade("NEW", year: 2025, grade: .good) }
        #expect(throws: RegisterError.self) { try register.setUnitGrade("DK", year: 2025, grade: .good) }
        #expect(throws: RegisterError.self) { try register.setUnitGrade("YT", year: today.year + 1, grade: .good) }
        #expect(throws: RegisterError.unknownUnit("NOPE")) { try register.setUnitGrade("NOPE", year: 2025, grade: .good) }
        #expect(try temp.count("SELECT COUNT(*) FROM unit_grade") == 0)
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log") == before)
    }

    /// On a file only: the damage needs SQLite's switch that turns the CHECK constraints off.
    @Test func checkFindsGradesDamagedBehindSodoansBack() throws {
        let temp = try TemporaryRegister()
        let register = temp.register
        try register.setUnitGrade("YT-VP", year: 2025, grade: .good)
        try register.setUnitGrade("YT-BV", year: 2025, grade: .good)
        #expect(try register.check().filter { $0.severity == .error }.isEmpty)
        try tamper(temp, """
            UPDATE unit SET opened_on = '2025-09-01' WHERE code = 'YT-VP';
            INSERT INTO unit_grade (unit_id, year, grade) SELECT id, 2025, 'good' FROM unit WHERE code = 'DK';
            """)
        // The unit opened later than its grade allows; the bloc graded.
        let findings = try register.check().map { "\($0.code) \($0.subject)" }
        #expect(findings.contains("unit-grade-months YT-VP") && findings.contains("unit-grade-kind DK"))
        try tamper(temp, """
            INSERT INTO unit_grade (unit_id, year, grade) SELECT id, 1900, 'good' FROM unit WHERE code = 'TC';
            UPDATE unit_grade SET grade = 'superb' WHERE unit_id = (SELECT id FROM unit WHERE code = 'YT-BV');
            """)
        let impossible = try register.check().filter { $0.code == "impossible-value" }.map(\.subject)
        #expect(impossible == ["TC", "YT-BV"])
    }

    /// Runs `sql` as the sqlite3 shell would with the CHECK constraints off.
    private func tamper(_ temp: TemporaryRegister, _ sql: String) throws {
        try temp.tamper("PRAGMA ignore_check_constraints = ON;\n" + sql)
    }

    @Test(arguments: RegisterEngineKind.allCases) func theFingerprintHashesUnitGrades(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let register = temp.register
        let without = try register.fingerprint()
        try register.setUnitGrade("YT-VP", year: 2025, grade: .good)
        let with = try register.fingerprint()
        #expect(with != without)
        try register.setUnitGrade("YT-VP", year: 2025, grade: .pass)
        #expect(try register.fingerprint() != with)
        try register.setUnitGrade("YT-VP", year: 2025, grade: .good)
        #expect(try register.fingerprint() == with)
    }
}
