import GRDB
import UnionRegister

/// Reads and writes rows of `discipline`: the decisions taken about a member.
enum DisciplineTable {
    static func discipline(from row: some StoredRow) throws -> DisciplineRecord {
        DisciplineRecord(level: try StoredValue.code(row, "level"), on: try StoredValue.day(row, "on_date"), reason: try row.text("reason"))
    }

    static func disciplines(memberID: Int64, in db: Database) throws -> [DisciplineRecord] {
        try Row.fetchAll(db, sql: "SELECT level, on_date, reason FROM discipline WHERE member_id = ? ORDER BY on_date, id",
                         arguments: [memberID])
            .map { try discipline(from: $0) }
    }

    static func insert(_ record: DisciplineRecord, memberID: Int64, in db: Database) throws {
        try db.execute(sql: "INSERT INTO discipline (member_id, level, on_date, reason) VALUES (?, ?, ?, ?)",
                       arguments: [memberID, record.level.rawValue, record.on.description, record.reason])
    }
}
