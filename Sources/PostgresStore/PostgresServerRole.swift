import PostgresNIO
import RegisterStore
import UnionRegister

/// `sodoan grant ROLE`: gives a PostgreSQL role exactly what `sodoan serve` needs on a
/// register, so that the servers need not run as the role that owns its tables
/// (docs/SECURITY.md#the-servers-role). The owner can drop the audit log's triggers; the role
/// granted here cannot: it may read every table and change the register's rows, but it
/// may only add to the audit log, never change, remove or truncate a row of it, and it
/// may only read the schema's own records.
public enum PostgresServerRole {
    /// What the role was given, for the command's message.
    public struct Granted: Sendable, Equatable {
        public let role: String
        /// The tables whose rows it may read, add, change and remove.
        public let readWrite: Int
        /// The tables it may add rows to and read: the audit log.
        public let appendOnly: [String]
        /// The tables it may only read: the schema's records.
        public let readOnly: [String]
    }

    /// The audit log: rows are added and read, never changed (docs/SECURITY.md#the-audit-logs-hash-chain).
    static let appendOnly: Set<String> = ["audit_log"]
    /// The migrations applied and the register's identity: written by `init`, `copy` and
    /// migrations, which run as the owner.
    static let readOnly: Set<String> = ["grdb_migrations", "register_info"]

    /// Grants `role` its rights on the register at `address`, in one transaction, replacing
    /// whatever it had on the register's tables. Run again after an upgrade adds tables.
    public static func grant(_ role: String, at address: PostgresAddress) throws -> Granted {
        try PostgresSession.with(address) { session in
            try PostgresSource.requireRegister(in: session)
            return try session.transaction {
                try requireGrantable(role, in: session)
                let tables = try session.rows("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
                    .map { try $0.decode(String.self) }
                let grantee = quoted(role), schema = quoted(try schema(session))
                try session.execute("GRANT USAGE ON SCHEMA \(schema) TO \(grantee)")
                for table in tables {
                    let name = quoted(table)
                    try session.execute("REVOKE ALL ON \(name) FROM \(grantee)")
                    let rights = appendOnly.contains(table) ? "SELECT, INSERT"
                        : readOnly.contains(table) ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE"
                    try session.execute("GRANT \(rights) ON \(name) TO \(grantee)")
                }
                // The schema's views (`report_member_derived`) are read by the triggers that
                // keep a derived table, which run with the writer's rights.
                for view in try session.rows("SELECT viewname::text FROM pg_views WHERE schemaname = current_schema() ORDER BY 1") {
                    let name = quoted(try view.decode(String.self))
                    try session.execute("REVOKE ALL ON \(name) FROM \(grantee)")
                    try session.execute("GRANT SELECT ON \(name) TO \(grantee)")
                }
                try session.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA \(schema) TO \(grantee)")
                return Granted(role: role, readWrite: tables.filter { !appendOnly.contains($0) && !readOnly.contains($0) }.count,
                               appendOnly: tables.filter(appendOnly.contains), readOnly: tables.filter(readOnly.contains))
            }
        }
    }

    /// Whether the URL's role owns the register's audit log (or is a superuser), and so
    /// could undo its guards: `serve` warns when it runs so.
    public static func isUnrestrained(at address: PostgresAddress) throws -> Bool {
        try PostgresSession.with(address) { session in try isUnrestrained(session) }
    }

    static func isUnrestrained(_ session: PostgresSession) throws -> Bool {
        let rows = try session.rows("""
            SELECT pg_has_role(current_user, tableowner, 'USAGE') OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'audit_log'
            """)
        return try rows.first?.decode(Bool.self) ?? false
    }

    /// Refuses a role that does not exist, or that no grant could restrain: a superuser, or
    /// the owner of the tables (or a member of the owning role).
    private static func requireGrantable(_ role: String, in session: PostgresSession) throws {
        let rows = try session.rows("""
            SELECT r.rolsuper, pg_has_role(r.oid, t.tableowner, 'USAGE')
            FROM pg_roles r, pg_tables t
            WHERE r.rolname = $1 AND t.schemaname = current_schema() AND t.tablename = 'audit_log'
            """, [PostgresData(string: role)])
        guard let row = rows.first else { throw ServerRoleRefusal.noRole(role, session.address) }
        let (superuser, owner) = try row.decode((Bool, Bool).self)
        if superuser || owner { throw ServerRoleRefusal.unrestrainable(role, superuser: superuser, session.address) }
    }

    private static func schema(_ session: PostgresSession) throws -> String {
        try session.rows("SELECT current_schema()::text").first?.decode(String.self) ?? "public"
    }

    /// A name as a PostgreSQL identifier, whatever characters it holds.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Why `sodoan grant` gives a role nothing.
enum ServerRoleRefusal {
    static func noRole(_ role: String, _ address: PostgresAddress) -> RegisterError {
        .badInput(Text(
            vi: "Máy chủ PostgreSQL của sổ \(address) không có vai trò \(role); không cấp gì.",
            en: "The PostgreSQL server of the register \(address) has no role \(role); nothing was granted."),
            fix: Text(vi: "Người quản trị PostgreSQL tạo vai trò trước (CREATE ROLE \(role) LOGIN, đặt mật khẩu bằng \\password trong psql), rồi chạy lại.",
                      en: "Have the PostgreSQL administrator create the role first (CREATE ROLE \(role) LOGIN, its password set with \\password in psql), then run this again."))
    }

    static func unrestrainable(_ role: String, superuser: Bool, _ address: PostgresAddress) -> RegisterError {
        let why = superuser
            ? Text(vi: "là siêu người dùng, làm được mọi việc", en: "is a superuser, who can do anything")
            : Text(vi: "sở hữu các bảng của sổ, nên gỡ được các khoá của nhật ký", en: "owns the register's tables, so it can remove the audit log's guards")
        return .badInput(Text(
            vi: "Vai trò \(role) \(why.vi) trên sổ \(address): cấp quyền không giới hạn được nó; không cấp gì.",
            en: "The role \(role) \(why.en) on the register \(address): no grant can restrain it; nothing was granted."),
            fix: Text(vi: "Tạo một vai trò riêng cho `sodoan serve` (CREATE ROLE sodoan_serve LOGIN), cấp cho nó bằng `sodoan grant sodoan_serve`, và chạy máy chủ với vai trò đó.",
                      en: "Create a role of its own for `sodoan serve` (CREATE ROLE sodoan_serve LOGIN), grant it with `sodoan grant sodoan_serve`, and run the servers as that role."))
    }
}
