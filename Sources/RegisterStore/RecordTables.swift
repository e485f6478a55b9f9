import GRDB
import UnionRegister

/// Reads grades, trainings and discipline rows as domain values (`MemberFactsTable` loads
/// them for many members at once with these).
enum RecordTables {
    static func grade(from row: Row) -> GradeRecord {
        GradeRecord(year: row["year"], grade: Grade(rawValue: row["grade"])!)
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
