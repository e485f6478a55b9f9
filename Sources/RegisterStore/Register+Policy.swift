import UnionRegister

extension Register {
    /// The register's policy values: the defaults of docs/DOMAIN.md with what `policy set` changed.
    public func policy() throws -> Policy {
        try read { db in try PolicyTable.load(in: db) }
    }

    /// Sets one policy value, refused when the domain does not allow it; returns the new policy.
    @discardableResult
    public func setPolicy(_ key: Policy.Key, to value: String) throws -> Policy {
        try write { tx in
            let old = try PolicyTable.load(in: tx.db)
            var new = old
            try new.set(key, to: value)
            guard new != old else { return (new, nil) }
            try PolicyTable.store(key, of: new, in: tx.db)
            return (new, AuditEntry(action: "policy.set", oldValue: AuditEntry.json(old), newValue: AuditEntry.json(new)))
        }
    }
}
