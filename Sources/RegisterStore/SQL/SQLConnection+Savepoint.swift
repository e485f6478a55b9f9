extension SQLConnection {
    /// Runs `body` so that a statement failing in it leaves the transaction usable for the
    /// statements after it, as the import's next rows need: SQLite undoes only the failed
    /// statement; PostgreSQL aborts the whole transaction, so there `body` runs inside a
    /// savepoint it is rolled back to on failure. On a file nothing is added (the import's
    /// per-row cost stays as it was).
    func recoveringFromFailure<T>(_ body: () throws -> T) throws -> T {
        guard dialect == .postgres else { return try body() }
        try execute("SAVEPOINT recoverable", .none)
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT recoverable", .none)
            return result
        } catch {
            try execute("ROLLBACK TO SAVEPOINT recoverable", .none)
            try execute("RELEASE SAVEPOINT recoverable", .none)
            throw error
        }
    }
}
