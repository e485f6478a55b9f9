import UnionRegister

/// Reads and writes rows of `training`, on either engine. A record is known by member,
/// kind and completion day: that is what an import matches a row of its file against.
enum TrainingTable {
    static let columns = "t.kind, t.started_on, t.completed_on, t.provider, t.certificate_no, t.result"

    static func training(from row: some StoredRow) throws -> TrainingRecord {
        TrainingRecord(kind: try StoredValue.code(row, "kind"),
                       startedOn: try StoredValue.optionalDay(row, "started_on"),
                       completedOn: try StoredValue.day(row, "completed_on"), provider: try row.optionalText("provider"),
                       certificateNo: try row.optionalText("certificate_no"), result: try row.optionalText("result"))
    }

    /// The member's record of this kind completed on this day, with its row id.
    static func find(memberID: Int64, kind: TrainingKind, completedOn: Day, in db: any SQLConnection) throws -> (id: Int64, record: TrainingRecord)? {
        try db.storedRows("""
            SELECT t.id, \(columns) FROM training t WHERE t.member_id = ? AND t.kind = ? AND t.completed_on = ?
            """, [memberID, kind.rawValue, completedOn.description]) { (id: try $0.integer("id"), record: try training(from: $0)) }.first
    }

    private static func values(_ record: TrainingRecord) -> [SQLValue] {
        [record.kind.rawValue.sqlValue, record.startedOn?.description.sqlValue ?? .null, record.completedOn.description.sqlValue,
         record.provider.sqlValue, record.certificateNo.sqlValue, record.result.sqlValue]
    }

    static func insert(_ record: TrainingRecord, memberID: Int64, in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO training (member_id, kind, started_on, completed_on, provider, certificate_no, result)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, .positional([memberID.sqlValue] + values(record)))
    }

    static func update(id: Int64, to record: TrainingRecord, in db: any SQLConnection) throws {
        try db.execute("""
            UPDATE training SET kind = ?, started_on = ?, completed_on = ?, provider = ?, certificate_no = ?, result = ?
            WHERE id = ?
            """, .positional(values(record) + [id.sqlValue]))
    }
}
