import GRDB
import UnionRegister

/// Reads grades, trainings and discipline rows as domain values (`MemberFactsTable` loads
/// them for many members at once with these).
enum RecordTables {
    static func grade(from row: Row) throws -> GradeRecord {
        GradeRecord(year: try StoredValue.year(row, "year"), grade: try StoredValue.code(row, "grade"))
    }

    static func training(from row: Row) throws -> TrainingRecord {
        TrainingRecord(kind: try StoredValue.code(row, "kind"),
                       startedOn: try StoredValue.optionalDay(row, "started_on"),
                       completedOn: try StoredValue.day(row, "completed_on"), provider: row["provider"],
                       certificateNo: row["certificate_no"], result: row["result"])
    }

    static func disciplines(memberID: Int64, in db: Database) throws -> [DisciplineRecord] {
        try Row.fetchAll(db, sql: "SELECT level, on_date, reason FROM discipline WHERE member_id = ? ORDER BY on_date, id",
                         arguments: [memberID])
            .map(discipline(from:))
    }

    static func discipline(from row: Row) throws -> DisciplineRecord {
        DisciplineRecord(level: try StoredValue.code(row, "level"), on: try StoredValue.day(row, "on_date"), reason: row["reason"])
    }
}
