import Foundation
import GRDB
import RegisterStore
import UnionRegister

/// A register in a temporary directory, built through the public store API, with helpers
/// that write grades, trainings, discipline and referral steps as plain SQL rows (their
/// own write commands belong to other parts of sodoan; the report only reads the rows).
struct ReportFixture {
    let directory: URL
    let register: Register
    /// "Today" for the store's not-in-the-future checks: after every date used.
    static let today = Day(year: 2026, month: 1, day: 1)!

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        register = try Register.create(at: directory.appending(path: "register.db").path, name: "Đoàn Khối các cơ quan tỉnh",
                                       rootCode: "DK", openedOn: day("2015-01-01"), command: "test")
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }

    func unit(_ code: String, _ kind: UnitKind, parent: String, opened: String = "2015-01-01") throws {
        try register.addUnit(Unit(code: code, name: "Đơn vị \(code)", kind: kind, parentCode: parent, openedOn: day(opened)))
    }

    func member(_ code: String, _ gender: Gender, unit: String, joined: String, born: String = "1996-05-05") throws {
        try register.addMember(Member(code: code, fullName: "Đoàn viên \(code)", birthDate: day(born), gender: gender,
                                      education: .university, joinedOn: day(joined)),
                               unitCode: unit, today: Self.today)
    }

    func transfer(_ code: String, to unit: String, on date: String) throws {
        try register.transferMember(code, to: unit, on: day(date), today: Self.today)
    }

    func end(_ code: String, _ kind: MembershipEventKind, on date: String) throws {
        try register.endMembership(code, kind, on: day(date), reason: nil, today: Self.today)
    }

    /// Runs raw SQL in one audited write.
    func sql(_ statements: String, _ arguments: StatementArguments = []) throws {
        try register.write { db in
            try db.execute(sql: statements, arguments: arguments)
            return ((), AuditEntry(action: "test.sql"))
        }
    }

    func grade(_ code: String, _ year: Int, _ grade: Grade) throws {
        try sql("INSERT INTO grade (member_id, year, grade) SELECT id, ?, ? FROM member WHERE code = ?",
                [year, grade.rawValue, code])
    }

    func training(_ code: String, _ kind: TrainingKind, completed: String) throws {
        try sql("INSERT INTO training (member_id, kind, completed_on) SELECT id, ?, ? FROM member WHERE code = ?",
                [kind.rawValue, completed, code])
    }

    /// A discipline row; an expulsion also writes its `expelled` event at `unit`, as the
    /// discipline command does.
    func discipline(_ code: String, _ level: DisciplineLevel, on date: String, expelledFrom unit: String? = nil) throws {
        try sql("INSERT INTO discipline (member_id, level, on_date, reason) SELECT id, ?, ?, 'vi phạm' FROM member WHERE code = ?",
                [level.rawValue, date, code])
        if let unit {
            try sql("""
                INSERT INTO membership_event (member_id, kind, on_date, unit_id)
                SELECT m.id, 'expelled', ?, u.id FROM member m, unit u WHERE m.code = ? AND u.code = ?
                """, [date, code, unit])
        }
    }

    /// One referral of the member with its dated steps.
    func referral(_ code: String, _ steps: [(ReferralStage, String)]) throws {
        try register.write { db in
            try db.execute(sql: "INSERT INTO referral (member_id) SELECT id FROM member WHERE code = ?", arguments: [code])
            let referral = db.lastInsertedRowID
            for (stage, date) in steps {
                try db.execute(sql: "INSERT INTO referral_step (referral_id, stage, on_date) VALUES (?, ?, ?)",
                               arguments: [referral, stage.rawValue, date])
            }
            return ((), AuditEntry(action: "test.referral"))
        }
    }

    func report(_ unit: String? = nil, from: String, to: String) throws -> YearEndReport {
        try register.yearEndReport(unitCode: unit, period: ReportPeriod(from: day(from), to: day(to)))
    }
}

func day(_ text: String) -> Day { Day(parsing: text)! }

extension UnitFigures {
    /// The figures of the unit with this code in this subtree.
    func find(_ code: String) -> UnitFigures? {
        flattened().first { $0.figures.unit.code == code }?.figures
    }
}
