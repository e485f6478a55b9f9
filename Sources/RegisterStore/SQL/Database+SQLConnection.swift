import GRDB
import GRDBSQLite

/// A register file's connection is the engine-neutral surface as it is, with no wrapper, so
/// that the code ported to `SQLConnection` and the code still written against GRDB share
/// one transaction. Every statement is GRDB's cached prepared statement for its text.
extension Database: SQLConnection {
    public var dialect: SQLDialect { .sqlite }

    public func execute(_ sql: String, _ arguments: SQLArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments.statementArguments)
    }

    public func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try forEachRow(sql, arguments) { rows.append($0) }
        return rows
    }

    public func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let statement = try cachedStatement(sql: sql)
        let columns = statement.columnNames
        let cursor = try Row.fetchCursor(statement, arguments: arguments.statementArguments)
        while let row = try cursor.next() {
            try body(SQLRow(columns: columns, values: (0..<columns.count).map { (row[$0] as DatabaseValue).sqlValue }))
        }
    }

    /// Inside a transaction the values are bound straight to the cached statement, which is
    /// then stepped here: `import members` inserts every row through this, and turning each
    /// `SQLValue` into GRDB's `StatementArguments` (which GRDB then converts and checks again)
    /// was a tenth of its time (BENCHMARKS.md, issue 10). Outside a transaction (which no
    /// write of the store does) GRDB runs it, as it keeps track of the transactions it sees.
    public func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        guard case .positional(let values) = arguments, sqlite3_get_autocommit(sqliteConnection) == 0 else {
            try execute(sql, arguments)
            return lastInsertedRowID
        }
        try run(cachedStatement(sql: sql), values)
        return lastInsertedRowID
    }

    /// Binds `values` to `statement`'s `?` placeholders in order and steps it to its end. A
    /// failure is the `DatabaseError` GRDB gives (the same result code and SQLite message),
    /// and leaves the statement reset for the next row.
    private func run(_ statement: Statement, _ values: [SQLValue]) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        guard Int(sqlite3_bind_parameter_count(handle)) == values.count else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "wrong number of statement arguments: \(values.count)", sql: statement.sql)
        }
        for (index, value) in zip(Int32(1)..., values) {
            let code = value.bind(to: handle, at: index)
            guard code == SQLITE_OK else { throw failure(code, statement) }
        }
        defer { sqlite3_clear_bindings(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE: return
            case SQLITE_ROW: continue
            case let code: throw failure(code, statement)
            }
        }
    }

    private func failure(_ code: Int32, _ statement: Statement) -> DatabaseError {
        let error = DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)),
                                  sql: statement.sql)
        sqlite3_reset(statement.sqliteStatement)
        return error
    }
}

extension SQLValue {
    /// Binds the value to placeholder `index` of a prepared statement; SQLite copies text
    /// and blobs (`SQLITE_TRANSIENT`), as GRDB's own bindings do.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .null: return sqlite3_bind_null(statement, index)
        case .integer(let number): return sqlite3_bind_int64(statement, index, number)
        case .real(let number): return sqlite3_bind_double(statement, index, number)
        case .text(let text): return sqlite3_bind_text(statement, index, text, -1, transient)
        case .blob(let data):
            return data.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
        }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: copy the bound bytes now (the Swift value does not outlive the call).
private var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }

extension SQLArguments {
    /// Closures, not the key path `\.databaseValue`, which the runtime instantiated on every
    /// statement (a tenth of `import members`).
    var statementArguments: StatementArguments {
        switch self {
        case .positional(let values): return StatementArguments(values.map { $0.databaseValue })
        case .named(let values): return StatementArguments(values.mapValues { $0.databaseValue })
        }
    }
}
