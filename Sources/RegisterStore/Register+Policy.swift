import UnionRegister

/// The policy in force on a day, and the day each of its non-default values started.
public struct PolicyInForce: Sendable, Equatable {
    public var on: Day
    public var policy: Policy
    /// The first day of each value that is not the default (a key absent is at its default).
    public var since: [Policy.Key: Day]
}

extension Register {
    /// The register's policy values in force on `day` (docs/DOMAIN.md#policy-values): the
    /// defaults with the latest value `policy set` started for each key on or before it.
    public func policy(on day: Day) throws -> Policy {
        try readSQL { db in try PolicyTable.load(in: db, on: day) }
    }

    /// `policy show --on DAY`: the values in force on `day` with the day each started.
    public func policyInForce(on day: Day) throws -> PolicyInForce {
        try readSQL { db in
            var since: [Policy.Key: Day] = [:]
            for key in Policy.Key.allCases {
                since[key] = try PolicyTable.start(of: key, on: day, in: db)
            }
            return PolicyInForce(on: day, policy: try PolicyTable.load(in: db, on: day), since: since)
        }
    }

    /// Sets one policy value from `day` on, until the key's next value, if any; refused when
    /// the domain does not allow the value or the day is after today. Returns the policy in
    /// force from `day`. A value already in force that day changes nothing.
    @discardableResult
    public func setPolicy(_ key: Policy.Key, to value: String, from day: Day) throws -> Policy {
        try write { tx in
            try Policy.checkStart(day, today: tx.today)
            let old = try PolicyTable.load(in: tx.connection, on: day)
            var new = old
            try new.set(key, to: value)
            guard new != old else { return (new, nil) }
            try PolicyTable.store(key, of: new, from: day, in: tx.connection)
            return (new, AuditEntry(action: "policy.set", oldValue: AuditEntry.json(PolicyChange(from: day, policy: old)),
                                    newValue: AuditEntry.json(PolicyChange(from: day, policy: new))))
        }
    }
}

/// What the audit row of `policy set` records: the policy in force from the day the change starts.
private struct PolicyChange: Encodable {
    var from: Day
    var policy: Policy
}
