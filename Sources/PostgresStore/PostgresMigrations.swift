import PostgresNIO
import RegisterStore
import UnionRegister

/// The migrations of schema.postgres.sql, the PostgreSQL side of schema.sql, section for
/// section (docs/ARCHITECTURE.md#the-schema-on-two-engines). Applied migrations are recorded
/// in a `grdb_migrations` table like GRDB's on a file, under the same identifiers, so a
/// database that records one this sodoan does not know was made by a newer sodoan.
public enum PostgresMigrations {
    /// The sections, in order.
    public static var sections: [SchemaMigrations.Section] { SchemaMigrations.sections(of: EmbeddedPostgresSchema.sql) }

    /// What a database holds, as far as a register is concerned.
    enum State: Equatable {
        /// No table at all: `init` or `copy` may make a register in it.
        case empty
        /// A register's migrations table listing these migrations, all known to this sodoan.
        case register(applied: [String])
        case newerSchema
        /// Tables that are not a register's.
        case notRegister
    }

    /// The advisory lock every schema change takes first ("SODN"), so that two sodoan
    /// making or migrating one register at once take turns instead of racing.
    static let lockKey: Int64 = 0x534F_444E

    static func state(in session: PostgresSession) throws -> State {
        let tables = try session.rows("SELECT count(*)::bigint FROM pg_tables WHERE schemaname = current_schema()")
        if try tables.first?.decode(Int64.self) == 0 { return .empty }
        let marked = try session.rows("SELECT to_regclass('grdb_migrations') IS NOT NULL AND to_regclass('register_info') IS NOT NULL")
        guard try marked.first?.decode(Bool.self) == true else { return .notRegister }
        let applied = try session.rows("SELECT identifier FROM grdb_migrations").map { try $0.decode(String.self) }
        let known = sections.map(\.identifier)
        guard applied.contains(known[0]) else { return .notRegister }
        guard applied.allSatisfy(known.contains) else { return .newerSchema }
        return .register(applied: known.filter(applied.contains))
    }

    /// Applies the migrations not yet applied, up to `last` (all when nil), each in its own
    /// transaction with its record in grdb_migrations: a failed migration leaves the
    /// database as the one before it left it.
    public static func migrate(_ address: PostgresAddress, upTo last: String? = nil) throws {
        try PostgresSession.with(address) { session in
            for section in pending(upTo: last) {
                try session.transaction {
                    try lock(session)
                    if try !applied(section, in: session) { try apply(section, in: session) }
                }
            }
        }
    }

    /// Applies every migration not yet applied inside the caller's transaction (a new
    /// register made by `init` or `copy`: schema and rows commit together or not at all).
    static func applyPending(in session: PostgresSession) throws {
        for section in pending(upTo: nil) where try !applied(section, in: session) {
            try apply(section, in: session)
        }
    }

    static func lock(_ session: PostgresSession) throws {
        _ = try session.rows("SELECT pg_advisory_xact_lock($1)::text", [PostgresData(int64: lockKey)])
    }

    private static func pending(upTo last: String?) -> [SchemaMigrations.Section] {
        var chosen: [SchemaMigrations.Section] = []
        for section in sections {
            chosen.append(section)
            if section.identifier == last { break }
        }
        return chosen
    }

    private static func applied(_ section: SchemaMigrations.Section, in session: PostgresSession) throws -> Bool {
        try session.execute("CREATE TABLE IF NOT EXISTS grdb_migrations (identifier text COLLATE \"C\" NOT NULL PRIMARY KEY)")
        return try !session.rows("SELECT 1 FROM grdb_migrations WHERE identifier = $1", [PostgresData(string: section.identifier)]).isEmpty
    }

    private static func apply(_ section: SchemaMigrations.Section, in session: PostgresSession) throws {
        try session.execute(section.sql)
        _ = try session.rows("INSERT INTO grdb_migrations (identifier) VALUES ($1)", [PostgresData(string: section.identifier)])
    }
}
