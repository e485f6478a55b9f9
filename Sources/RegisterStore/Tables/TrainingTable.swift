import GRDB
import UnionRegister

/// Reads and writes rows of `training`. A record is known by member, kind and completion
/// day: that is what an import matches a row of its file against.
enum TrainingTable {
    static let columns = "t.kind, t.started_on, t.completed_on, t.provider, t.certificate_no, t.result"

    static func training(from row: some StoredRow) throws -> TrainingRecord {
        TrainingRecord(kind: try StoredValue.code(row, "kind"),
                       startedOn: try StoredValue.optionalDay(row, "started_on"),
                       completedOn: try StoredValue.day(row, "completed_on"), provider: try row.optionalText("provider"),
                       certificateNo: try row.optionalText("certificate_no"), result: try row.optionalText("result"))
    }

    /// The member's record of this kind completed on this day, with its row id.
    static func find(memberID: Int64, kind: TrainingKind, completedOn: Day, in db: Database) throws -> (id: Int64, record: TrainingRecord)? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT t.id, \(columns) FROM training t WHERE t.member_id = ? AND t.kind = ? AND t.completed_on = ?
            """), arguments: [memberID, kind.rawValue, completedOn.description])
            .map { ($0["id"], try training(from: $0)) }
    }

    private static func values(_ record: TrainingRecord) -> StatementArguments {
        [record.kind.rawValue, record.startedOn?.description, record.completedOn.description,
         record.provider, record.certificateNo, record.result]
    }

    static func insert(_ record: TrainingRecord, memberID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO training (member_id, kind, started_on, completed_on, provider, certificate_no, result)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [memberID] + values(record))
    }

    static func update(id: Int64, to record: TrainingRecord, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE training SET kind = ?, started_on = ?, completed_on = ?, provider = ?, certificate_no = ?, result = ?
            WHERE id = ?
            """).execute(arguments: values(record) + [id])
    }
}
