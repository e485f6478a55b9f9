import UnionRegister

/// Reads and writes rows of `discipline`, on either engine: the decisions taken about a member.
enum DisciplineTable {
    static func discipline(from row: some StoredRow) throws -> DisciplineRecord {
        DisciplineRecord(level: try StoredValue.code(row, "level"), on: try StoredValue.day(row, "on_date"), reason: try row.text("reason"))
    }

    static func disciplines(memberID: Int64, in db: any SQLConnection) throws -> [DisciplineRecord] {
        try db.storedRows("SELECT level, on_date, reason FROM discipline WHERE member_id = ? ORDER BY on_date, id", [memberID]) {
            try discipline(from: $0)
        }
    }

    static func insert(_ record: DisciplineRecord, memberID: Int64, in db: any SQLConnection) throws {
        try db.execute("INSERT INTO discipline (member_id, level, on_date, reason) VALUES (?, ?, ?, ?)",
                       [memberID, record.level.rawValue, record.on.description, record.reason])
    }
}
