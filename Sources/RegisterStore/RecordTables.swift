import GRDB
import UnionRegister

/// Loads a member's grades, trainings and discipline: the facts that `member show`, the
/// grade rules and the referral eligibility read.
enum RecordTables {
    static func grades(memberID: Int64, in db: Database) throws -> [GradeRecord] {
        try Row.fetchAll(db, sql: "SELECT year, grade FROM grade WHERE member_id = ? ORDER BY year", arguments: [memberID])
            .map(grade(from:))
    }

    static func grade(from row: Row) -> GradeRecord {
        GradeRecord(year: row["year"], grade: Grade(rawValue: row["grade"])!)
    }

    static func trainings(memberID: Int64, in db: Database) throws -> [TrainingRecord] {
        try Row.fetchAll(db, sql: """
            SELECT kind, started_on, completed_on, provider, certificate_no, result
            FROM training WHERE member_id = ? ORDER BY completed_on, id
            """, arguments: [memberID]).map(training(from:))
    }

    static func training(from row: Row) -> TrainingRecord {
        TrainingRecord(kind: TrainingKind(rawValue: row["kind"])!,
                       startedOn: (row["started_on"] as String?).flatMap(Day.init(parsing:)),
                       completedOn: Day(parsing: row["completed_on"])!, provider: row["provider"],
                       certificateNo: row["certificate_no"], result: row["result"])
    }

    static func disciplines(memberID: Int64, in db: Database) throws -> [DisciplineRecord] {
        try Row.fetchAll(db, sql: "SELECT level, on_date, reason FROM discipline WHERE member_id = ? ORDER BY on_date, id",
                         arguments: [memberID])
            .map(discipline(from:))
    }

    static func discipline(from row: Row) -> DisciplineRecord {
        DisciplineRecord(level: DisciplineLevel(rawValue: row["level"])!, on: Day(parsing: row["on_date"])!, reason: row["reason"])
    }
}
