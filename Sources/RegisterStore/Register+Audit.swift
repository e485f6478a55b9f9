import GRDB
import UnionRegister

extension Register {
    /// Where the audit log's hash chain is broken (`AuditChain`): empty for a log nobody
    /// changed behind sodoan's back.
    public func auditChainFindings() throws -> [Finding] {
        try read { db in try AuditChain.findings(in: db) }
    }

    /// Audit rows, oldest first, optionally for one member and from a day on.
    public func auditLog(memberCode: String? = nil, since: Day? = nil) throws -> [AuditEntry] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let memberCode {
                conditions.append("member_code = ?")
                arguments += [memberCode]
            }
            if let since {
                conditions.append("at >= ?")
                arguments += [since.description]
            }
            let sql = "SELECT * FROM audit_log" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(AuditEntry.init(row:))
        }
    }
}
