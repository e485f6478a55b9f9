import RegisterStore

/// A PostgreSQL register as the store's `RegisterEngine`: its sessions
/// (`PostgresSessionPool`), each operation on one of its own, each read in one REPEATABLE READ READ ONLY transaction (one state of
/// the register, as a file's read transaction sees), each write in one transaction that
/// first takes the register's advisory lock (`PostgresMigrations.lock`), so writes follow
/// one another as on a file and the audit chain's next row is always the last one's.
final class PostgresEngine: RegisterEngine, @unchecked Sendable {
    private let sessions: PostgresSessionPool

    init(sessions: PostgresSessionPool) {
        self.sessions = sessions
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try refusing {
            try sessions.with { session in
                try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                    try body(PostgresSQLConnection(session: session))
                }
            }
        }
    }

    func write<T>(_ body: (any SQLConnection) throws -> (T, commit: Bool)) throws -> T {
        try refusing { try sessions.with { session in try write(on: session, body) } }
    }

    /// A `UniqueViolation` the store did not catch leaves the engine as the refusal it wraps.
    private func refusing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let violation as UniqueViolation {
            throw violation.refusal
        }
    }

    private func write<T>(on session: PostgresSession, _ body: (any SQLConnection) throws -> (T, commit: Bool)) throws -> T {
        try session.execute("BEGIN")
        do {
            try PostgresMigrations.lock(session)
            let (value, commit) = try body(PostgresSQLConnection(session: session))
            try session.execute(commit ? "COMMIT" : "ROLLBACK")
            return value
        } catch {
            try? session.execute("ROLLBACK")
            throw error
        }
    }
}
