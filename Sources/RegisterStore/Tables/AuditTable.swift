import Foundation
import GRDB
import UnionRegister

/// Reads and appends rows of `audit_log`. Its triggers refuse UPDATE and DELETE, so this is
/// the only way a row gets there, and none ever leaves.
enum AuditTable {
    static func insert(_ entry: AuditEntry, command: String, actor: String, at moment: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO audit_log (at, command, action, member_code, unit_code, old_value, new_value, actor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [ISO8601DateFormatter().string(from: moment), command, entry.action, entry.memberCode,
                                     entry.unitCode, entry.oldValue, entry.newValue, actor])
    }

    /// Rows oldest first, optionally for one member and from a day on.
    static func entries(memberCode: String?, since: Day?, in db: Database) throws -> [AuditEntry] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM audit_log
            WHERE (:member IS NULL OR member_code = :member) AND (:since IS NULL OR at >= :since)
            ORDER BY id
            """, arguments: ["member": memberCode, "since": since?.description]).map(entry(from:))
    }

    static func entry(from row: Row) -> AuditEntry {
        var entry = AuditEntry(action: row["action"], memberCode: row["member_code"], unitCode: row["unit_code"],
                               oldValue: row["old_value"], newValue: row["new_value"])
        entry.id = row["id"]
        entry.at = row["at"]
        entry.command = row["command"]
        entry.actor = row["actor"]
        return entry
    }
}
