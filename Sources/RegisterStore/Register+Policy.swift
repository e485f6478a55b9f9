import GRDB
import UnionRegister

extension Register {
    /// The register's policy values: the defaults of DOMAIN.md with what `policy set` changed.
    public func policy() throws -> Policy {
        try read { db in try PolicyTable.load(in: db) }
    }

    /// Sets one policy value, refused when the domain does not allow it; returns the new policy.
    @discardableResult
    public func setPolicy(_ key: Policy.Key, to value: String) throws -> Policy {
        try write { db in
            let old = try PolicyTable.load(in: db)
            var new = old
            try new.set(key, to: value)
            try PolicyTable.store(key, of: new, in: db)
            // Setting the value already in force changes nothing and leaves no audit row.
            return (new, new == old ? nil : AuditEntry(action: "policy.set", oldValue: AuditEntry.json(old), newValue: AuditEntry.json(new)))
        }
    }
}
