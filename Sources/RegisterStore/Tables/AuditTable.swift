import Foundation
import UnionRegister

/// Reads and appends rows of `audit_log`. Its triggers refuse UPDATE and DELETE, so this is
/// the only way a row gets there, and none ever leaves; each row is chained to the one
/// before by its hash (`AuditChain`), so a change made with the triggers dropped is found
/// by `sodoan check`. Engine-neutral (`SQLConnection`).
enum AuditTable {
    static func insert(_ entry: AuditEntry, command: String, actor: String, at moment: Date, in db: any SQLConnection) throws {
        try AuditChain.append([
            ("at", .text(ISO8601DateFormatter().string(from: moment))), ("command", .text(command)),
            ("action", .text(entry.action)), ("member_code", entry.memberCode.sqlValue),
            ("unit_code", entry.unitCode.sqlValue), ("old_value", entry.oldValue.sqlValue),
            ("new_value", entry.newValue.sqlValue), ("actor", .text(actor)),
        ], in: db)
    }

    /// Rows oldest first, optionally for one member and from a day on. Each filter given is
    /// a condition of its own rather than `:member IS NULL OR …`: PostgreSQL cannot tell
    /// the type of a NULL that only `IS NULL` tests.
    static func entries(memberCode: String?, since: Day?, in db: any SQLConnection) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let memberCode {
            conditions.append("member_code = ?")
            arguments.append(.text(memberCode))
        }
        if let since {
            conditions.append("at >= ?")
            arguments.append(.text(since.description))
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try db.rows("SELECT * FROM audit_log\(filter) ORDER BY id", .positional(arguments)).map(entry(from:))
    }

    static func entry(from row: some StoredRow) throws -> AuditEntry {
        var entry = AuditEntry(action: try row.text("action"), memberCode: try row.optionalText("member_code"),
                               unitCode: try row.optionalText("unit_code"),
                               oldValue: try row.optionalText("old_value"), newValue: try row.optionalText("new_value"))
        entry.id = try row.integer("id")
        entry.at = try row.text("at")
        entry.command = try row.text("command")
        entry.actor = try row.optionalText("actor")
        return entry
    }
}
