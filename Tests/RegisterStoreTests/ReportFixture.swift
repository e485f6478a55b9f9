import PostgresTestSupport
@testable import RegisterStore
import UnionRegister

/// A `TemporaryRegister` without the usual tree, built through the public store API, with
/// helpers that write grades, trainings, discipline and referral steps as plain SQL rows
/// (the report only reads those rows; their own commands are tested elsewhere).
struct ReportFixture {
    let store: TemporaryRegister
    var register: Register { store.register }

    init(on kind: RegisterEngineKind = .file) throws {
        store = try TemporaryRegister(on: kind, tree: false)
    }

    func unit(_ code: String, _ kind: UnitKind, parent: String, opened: String = "2015-01-01") throws {
        try register.addUnit(Unit(code: code, name: "Đơn vị \(code)", kind: kind, parentCode: parent, openedOn: day(opened)))
    }

    func member(_ code: String, _ gender: Gender, unit: String, joined: String, born: String = "1996-05-05") throws {
        try store.addMember(code, "Đoàn viên \(code)", born: born, joined: joined, unit: unit, gender: gender)
    }

    func transfer(_ code: String, to unit: String, on date: String) throws {
        try register.transferMember(code, to: unit, on: day(date))
    }

    func end(_ code: String, _ kind: MembershipEventKind, on date: String) throws {
        try register.endMembership(code, kind, on: day(date), reason: nil)
    }

    /// Runs one raw SQL statement in its own transaction through the store's connection, as
    /// a fixture writes behind the rules, on either engine (PostgreSQL takes one statement
    /// with arguments per call).
    func sql(_ statement: String, _ arguments: SQLArguments = .none) throws {
        try register.inTransaction { tx in
            try tx.connection.execute(statement, arguments)
            return ((), .commit)
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
        try register.inTransaction { tx in
            let referral = try tx.connection.insert("INSERT INTO referral (member_id) SELECT id FROM member WHERE code = ?", [code])
            for (stage, date) in steps {
                try tx.connection.execute("INSERT INTO referral_step (referral_id, stage, on_date) VALUES (?, ?, ?)",
                                          [referral, stage.rawValue, date])
            }
            return ((), .commit)
        }
    }

    func report(_ unit: String? = nil, from: String, to: String) throws -> YearEndReport {
        try register.yearEndReport(unitCode: unit, period: ReportPeriod(from: day(from), to: day(to)))
    }
}

extension UnitFigures {
    /// The figures of the unit with this code in this subtree.
    func find(_ code: String) -> UnitFigures? {
        flattened().first { $0.figures.unit.code == code }?.figures
    }
}
