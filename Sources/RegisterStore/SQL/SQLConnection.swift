/// The SQL surface the store's engine-neutral code is written against: one open
/// connection inside a transaction, on a register file (GRDB's `Database`) or a PostgreSQL
/// database (PostgresStore's connection), docs/ARCHITECTURE.md#the-store-on-two-engines.
///
/// Statements are written once, in the SQL both engines read, with SQLite's `?` and
/// `:name` placeholders; what differs is in `dialect`, and each implementation turns the
/// text into what its engine takes. The statement text must be a template (values go in
/// the arguments, never into the text): a file's connection keeps each text's prepared
/// statement for the life of the connection.
public protocol SQLConnection {
    /// Which engine runs the statements: the few places where their SQL differs ask it.
    var dialect: SQLDialect { get }

    /// Runs one statement that returns no rows.
    func execute(_ sql: String, _ arguments: SQLArguments) throws

    /// Runs one statement and returns all its rows.
    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow]

    /// Runs one statement and hands `body` its rows one at a time, for answers too long to
    /// hold whole (the audit log, read by its chain's check).
    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws

    /// Runs one `INSERT` of one row into a table whose key is `id` and returns that id.
    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64
}

extension SQLConnection {
    /// The first row, if any.
    func row(_ sql: String, _ arguments: SQLArguments = .none) throws -> SQLRow? {
        try rows(sql, arguments).first
    }

    /// The first column of the first row, if there is a row.
    func value(_ sql: String, _ arguments: SQLArguments = .none) throws -> SQLValue? {
        try row(sql, arguments)?.values.first
    }
}

/// The SQL dialect of a connection: what the engines write differently in the queries the
/// store shares (the schema's differences are in schema.postgres.sql instead).
public enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// A join whose tables SQLite must take in the written order (its planner's only
    /// hint, `CROSS JOIN … ON`, which PostgreSQL does not accept with a condition).
    var orderedJoin: String {
        switch self {
        case .sqlite: return "CROSS JOIN"
        case .postgres: return "JOIN"
        }
    }

    /// `value` (a text expression) is not a day that exists, in the form the schema's CHECKs
    /// keep (`YYYY-MM-DD`); a NULL passes: SQLite's `date(x, '+0 days') IS NOT x`,
    /// PostgreSQL's `sodoan_is_day` (schema.postgres.sql).
    func notADay(_ value: String) -> String {
        switch self {
        case .sqlite: return "date(\(value), '+0 days') IS NOT \(value)"
        case .postgres: return "NOT sodoan_is_day(\(value))"
        }
    }

    /// `value` is not a month that exists (`YYYY-MM`), or is NULL. A PostgreSQL column is
    /// typed text, so only SQLite asks what a value's type is.
    func notAMonth(_ value: String) -> String {
        switch self {
        case .sqlite: return "(typeof(\(value)) IS NOT 'text' OR length(\(value)) IS NOT 7 OR date(\(value) || '-01', '+0 days') IS NOT \(value) || '-01')"
        case .postgres: return "(\(value) IS NULL OR length(\(value)) <> 7 OR NOT sodoan_is_day(\(value) || '-01'))"
        }
    }

    /// The month `value` (`YYYY-MM`) counted from year 0, to subtract two months. SQLite's
    /// CAST reads text that is no number as 0; PostgreSQL's would fail the statement, so
    /// there a value that is no month gives NULL (and `notAMonth` reports it).
    func monthNumber(_ value: String) -> String {
        let number = "CAST(substr(\(value), 1, 4) AS INTEGER) * 12 + CAST(substr(\(value), 6, 2) AS INTEGER)"
        switch self {
        case .sqlite: return "(\(number))"
        case .postgres: return "(CASE WHEN \(value) ~ '^[0-9]{4}-[0-9]{2}$' THEN \(number) END)"
        }
    }

    /// The day before `value` (a text expression holding a day, `YYYY-MM-DD`), in that form.
    func dayBefore(_ value: String) -> String {
        switch self {
        case .sqlite: return "date(\(value), '-1 day')"
        case .postgres: return "to_char(CAST(\(value) AS date) - 1, 'YYYY-MM-DD')"
        }
    }

    /// `column` as an ORDER BY term in ascending order with NULL first, where SQLite puts
    /// it: PostgreSQL puts NULL last unless told.
    func ascending(_ column: String) -> String {
        switch self {
        case .sqlite: return column
        case .postgres: return "\(column) NULLS FIRST"
        }
    }

    /// A text column compared without regard to the case of ASCII letters, as SQLite's
    /// `COLLATE NOCASE` (which its index `member_code_nocase` serves) compares: PostgreSQL's
    /// `lower` of a `COLLATE "C"` column changes ASCII letters only. The other side of the
    /// comparison must be lower case already (a folded search word is).
    func caseless(_ column: String) -> String {
        switch self {
        case .sqlite: return "\(column) COLLATE NOCASE"
        case .postgres: return "lower(\(column))"
        }
    }
}
