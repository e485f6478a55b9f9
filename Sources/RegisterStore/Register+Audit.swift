import UnionRegister

extension Register {
    /// Where the audit log's hash chain is broken (`AuditChain`): empty for a log nobody
    /// changed behind sodoan's back.
    public func auditChainFindings() throws -> [Finding] {
        try readSQL { db in try AuditChain.findings(in: db) }
    }

    /// Audit rows, oldest first, optionally for one member and from a day on.
    public func auditLog(memberCode: String? = nil, since: Day? = nil) throws -> [AuditEntry] {
        try readSQL { db in try AuditTable.entries(memberCode: memberCode, since: since, in: db) }
    }
}
