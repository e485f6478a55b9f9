/// How the engines write the temporary tables of one transaction (an import's
/// `ImportLines`): where they live, how they are keyed and when they go.
extension SQLDialect {
    /// The schema that holds the connection's own temporary tables, so that a name in it
    /// never means a table of the register: SQLite's `temp`, PostgreSQL's `pg_temp`.
    var temporarySchema: String {
        switch self {
        case .sqlite: return "temp"
        case .postgres: return "pg_temp"
        }
    }

    /// The key column of a table keyed by a register row's id: SQLite's `INTEGER PRIMARY
    /// KEY` is the table's rowid itself (no second index to fill); PostgreSQL's `integer`
    /// has 32 bits and the register's ids are `bigint` (schema.postgres.sql).
    var rowIDKey: String {
        switch self {
        case .sqlite: return "INTEGER PRIMARY KEY"
        case .postgres: return "bigint PRIMARY KEY"
        }
    }

    /// What ends the `CREATE TEMP TABLE` of a table that must not outlive its transaction:
    /// PostgreSQL drops it at the commit or rollback (`ON COMMIT DROP`), so a session the
    /// server's pool hands to the next request never holds it; SQLite's temporary tables go
    /// with the connection, and the import drops its own.
    var droppedAtTransactionEnd: String {
        switch self {
        case .sqlite: return ""
        case .postgres: return " ON COMMIT DROP"
        }
    }
}
