import Foundation
import GRDB
import UnionRegister

/// Reads and appends rows of `audit_log`. Its triggers refuse UPDATE and DELETE, so this is
/// the only way a row gets there, and none ever leaves; each row is chained to the one
/// before by its hash (`AuditChain`), so a change made with the triggers dropped is found
/// by `sodoan check`.
enum AuditTable {
    static func insert(_ entry: AuditEntry, command: String, at moment: Date, in db: Database) throws {
        try AuditChain.append([
            ("at", ISO8601DateFormatter().string(from: moment).databaseValue), ("command", command.databaseValue),
            ("action", entry.action.databaseValue), ("member_code", entry.memberCode.databaseValue),
            ("unit_code", entry.unitCode.databaseValue), ("old_value", entry.oldValue.databaseValue),
            ("new_value", entry.newValue.databaseValue),
        ], in: db)
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
        return entry
    }
}
