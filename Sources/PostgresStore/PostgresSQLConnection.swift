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
        return try session.rows(text, values.map(\.postgresData), keepingUniqueViolations: true).map { row in
            var columns: [String] = []
            var cells: [SQLValue] = []
            for cell in row {
                columns.append(cell.columnName)
                cells.append(try SQLValue(cell))
            }
            return SQLRow(columns: columns, values: cells)
        }
    }

    /// The whole answer is read before `body` sees its first row: postgres-nio hands rows
    /// to the synchronous caller only once the answer is complete (a cursor, as `copy`
    /// reads, would bound it; the only caller so far is the audit chain's check).
    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        for row in try rows(sql, arguments) { try body(row) }
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
