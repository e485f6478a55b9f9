import PostgresNIO
import RegisterStore
import UnionRegister

/// The store's engine-neutral SQL surface over one PostgreSQL session, inside the
/// transaction `PostgresEngine` opened: placeholders numbered (`PostgresPlaceholders`),
/// values sent typed, answers brought to SQLite's storage classes (`SQLValue.init(_:)`),
/// a repeated UNIQUE value thrown as the store's `UniqueViolation` (unwrapped by `PostgresEngine`).
struct PostgresSQLConnection: SQLConnection {
    let session: PostgresSession

    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, _ arguments: SQLArguments) throws {
        _ = try rows(sql, arguments)
    }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        let (text, values) = try PostgresPlaceholders.numbered(sql, arguments)
        return try Self.rows(try session.rows(text, values.map(\.postgresData), keepingUniqueViolations: true))
    }

    /// The answer is read through a cursor of the transaction, a batch at a time, so a
    /// statement over every member (the year-end report's scan, the fingerprint, an export)
    /// is never held whole in memory: postgres-nio hands rows to a synchronous caller only
    /// once an answer is complete. `body` may run statements of its own on the session
    /// between batches (each cursor has a name of its own). The session plans a cursor's
    /// statement as any other (`PostgresSession.connect` sets `cursor_tuple_fraction`).
    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let (text, values) = try PostgresPlaceholders.numbered(sql, arguments)
        let cursor = session.newCursorName()
        _ = try session.rows("DECLARE \(cursor) NO SCROLL CURSOR FOR \(text)", values.map(\.postgresData))
        while true {
            let batch = try session.rows("FETCH \(Self.batch) FROM \(cursor)")
            for row in try Self.rows(batch) { try body(row) }
            if batch.count < Self.batch { break }
        }
        _ = try session.rows("CLOSE \(cursor)")
    }

    /// Rows fetched at a time by `forEachRow`: few round trips, and a batch of the widest
    /// rows (a member's) well under a few megabytes.
    private static let batch = 5000

    /// The rows of postgres-nio's answer with their values in SQLite's storage classes. The
    /// column names are read once per answer and shared by its rows: a million rows would
    /// otherwise make a million arrays of the same names.
    private static func rows(_ answer: [PostgresRow]) throws -> [SQLRow] {
        guard let first = answer.first else { return [] }
        let columns = first.map(\.columnName)
        return try answer.map { row in SQLRow(columns: columns, values: try row.map { try SQLValue($0) }) }
    }

    /// The new row's id from `RETURNING id`, which SQLite's `lastInsertedRowID` stands for.
    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        guard case .integer(let id)? = try rows(sql + " RETURNING id", arguments).first?.values.first else {
            throw RegisterError(.storageFailed, Text(vi: "PostgreSQL không trả mã dòng vừa thêm.", en: "PostgreSQL did not return the new row's id."),
                                fix: Text(vi: "Chạy lại lệnh.", en: "Run the command again."))
        }
        return id
    }
}
