import UnionRegister

/// Reads and writes the `policy_value` table, on either engine: each key's values with the
/// day each starts; a key with no value started by a day is at its default on it.
enum PolicyTable {
    /// The policy in force on `day`: for each key, the value with the latest start on or
    /// before it.
    static func load(in db: any SQLConnection, on day: Day) throws -> Policy {
        var policy = Policy.defaults
        try db.forEachStoredRow("""
            SELECT key, value FROM policy_value
            WHERE from_on = (SELECT MAX(q.from_on) FROM policy_value q WHERE q.key = policy_value.key AND q.from_on <= ?)
            ORDER BY key
            """, [day.description]) { row in
            try policy.set(try StoredValue.code(row, "key"), to: try row.text("value"))
        }
        return policy
    }

    /// The day the value of `key` in force on `day` started, nil when it is the default.
    static func start(of key: Policy.Key, on day: Day, in db: any SQLConnection) throws -> Day? {
        try db.storedRows("SELECT MAX(from_on) AS from_on FROM policy_value WHERE key = ? AND from_on <= ?",
                          [key.rawValue, day.description]) { try StoredValue.optionalDay($0, "from_on") }.first
    }

    /// Keeps the value of `key` in `policy` from `day` on, replacing one that started that day.
    static func store(_ key: Policy.Key, of policy: Policy, from day: Day, in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO policy_value (key, from_on, value) VALUES (?, ?, ?)
            ON CONFLICT (key, from_on) DO UPDATE SET value = excluded.value
            """, [key.rawValue, day.description, policy.value(of: key)])
    }
}
