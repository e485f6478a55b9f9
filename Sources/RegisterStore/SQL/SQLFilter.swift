/// The optional filters of a list query (`grade list --year`, `office list --unit`, …):
/// each filter given adds a condition of its own with its named arguments, rather than
/// `(:x IS NULL OR …)`, since PostgreSQL cannot tell the type of a NULL that only `IS NULL`
/// tests (docs/ARCHITECTURE.md#the-store-on-two-engines).
struct SQLFilter {
    private var conditions: [String] = []
    /// The named arguments of the conditions added, and any the query adds itself.
    var arguments: [String: SQLValue] = [:]

    /// Adds `condition`, which reads the named `arguments`.
    mutating func add(_ condition: String, _ arguments: [String: SQLValue] = [:]) {
        conditions.append(condition)
        self.arguments.merge(arguments) { $1 }
    }

    /// `WHERE` and the conditions joined by `AND`, or nothing when none was added.
    var whereClause: String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: "\n  AND ")
    }
}
