import UnionRegister

extension Register {
    /// Audit rows, oldest first, optionally for one member and from a day on.
    public func auditLog(memberCode: String? = nil, since: Day? = nil) throws -> [AuditEntry] {
        try read { db in try AuditTable.entries(memberCode: memberCode, since: since, in: db) }
    }
}
