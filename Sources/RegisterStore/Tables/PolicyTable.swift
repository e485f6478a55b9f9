import GRDB
import UnionRegister

/// Reads and writes the `policy` table: a key present overrides the default.
enum PolicyTable {
    static func load(in db: Database) throws -> Policy {
        var policy = Policy.defaults
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM policy ORDER BY key") {
            try policy.set(try StoredValue.code(row, "key"), to: row["value"])
        }
        return policy
    }

    static func store(_ key: Policy.Key, of policy: Policy, in db: Database) throws {
        try db.execute(sql: "INSERT INTO policy (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key.rawValue, policy.value(of: key)])
    }
}
