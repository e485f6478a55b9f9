import GRDB
import GRDBSQLite
import UnionRegister

/// The statements of a count done outside SQL, on either engine. On a register file they
/// are stepped in place: columns read by index with SQLite's C API, texts as bytes, so a
/// million rows make no value per column (GRDB's `Row` by name, or the engine-neutral
/// `SQLRow` with its value array per row, would; BENCHMARKS.md, issue 10, fourth round).
/// On another engine the rows are its `SQLRow`s, streamed (`SQLConnection.forEachRow`),
/// read through the same `Row` so the counting code is one.
struct ReportRows {
    let connection: any SQLConnection
    /// The named arguments every statement binds (`ReportQueries.arguments`).
    let arguments: [String: SQLValue]

    /// One row of a statement being stepped; valid only inside the call that hands it over.
    struct Row {
        fileprivate enum Source {
            /// SQLite's statement, on the row it was stepped to.
            case statement(OpaquePointer)
            /// Another engine's row, its values in the statement's column order.
            case values([SQLValue])
        }

        fileprivate let source: Source

        /// The integer in column `index`, nil for NULL.
        func integer(_ index: Int32) -> Int64? {
            switch source {
            case .statement(let handle):
                return sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, index)
            case .values(let values):
                guard case .integer(let number) = values[Int(index)] else { return nil }
                return number
            }
        }

        /// The integer in column `index` that is a row's key, never NULL (one API call
        /// rather than two on a file: the member scan reads two keys per member); a NULL
        /// reads as 0, which no key is.
        func key(_ index: Int32) -> Int64 {
            switch source {
            case .statement(let handle): return sqlite3_column_int64(handle, index)
            case .values: return integer(index) ?? 0
            }
        }

        /// What the text in column `index` reads as through `texts`, nil for NULL.
        func value<Value>(_ index: Int32, _ texts: inout StoredTexts<Value>) throws -> Value? {
            try withBytes(index) { try texts.value($0) }
        }

        /// The day in column `index` (`column` names it in a refusal), nil for NULL.
        func day(_ index: Int32, _ column: String) throws -> Day? {
            try withBytes(index) { bytes in
                guard let day = Day(isoBytes: bytes) else { throw StoredValue.damaged(column, String(decoding: bytes, as: UTF8.self)) }
                return day
            } ?? nil
        }

        /// `body` of the UTF-8 bytes of the text in column `index`, nil for NULL (a number
        /// reads as its digits, as SQLite gives it).
        private func withBytes<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T? {
            switch source {
            case .statement(let handle):
                guard let text = sqlite3_column_text(handle, index) else { return nil }
                return try body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index))))
            case .values(let values):
                let value = values[Int(index)]
                if value == .null { return nil }
                var text: String
                if case .text(let stored) = value { text = stored } else { text = value.shown }
                return try text.withUTF8(body)
            }
        }
    }

    /// A statement prepared once and run again for each set of arguments (a key seek per
    /// member of a few), handing over its first row.
    struct Lookup {
        private let connection: any SQLConnection
        private let sql: String
        /// The file's statement, prepared once.
        private let statement: Statement?

        fileprivate init(_ reader: ReportRows, _ sql: String) throws {
            connection = reader.connection
            self.sql = sql
            statement = try (reader.connection as? Database)?.makeStatement(sql: sql)
        }

        /// Runs the statement with `arguments` and hands `body` its first row, if any.
        func row(_ arguments: [String: SQLValue], _ body: (Row) throws -> Void) throws {
            guard let statement, let db = connection as? Database else {
                if let row = try connection.row(sql, .named(arguments)) { try body(Row(source: .values(row.values))) }
                return
            }
            try statement.setArguments(SQLArguments.named(arguments).statementArguments)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw ReportRows.failure(code, db, sql) }
            try body(Row(source: .statement(handle)))
        }
    }

    /// `sql` prepared, to be run by the caller with arguments of its own each time.
    func lookup(_ sql: String) throws -> Lookup { try Lookup(self, sql) }

    /// Runs `sql` with the arguments and hands `body` its rows one at a time.
    func forEachRow(_ sql: String, _ body: (Row) throws -> Void) throws {
        guard let db = connection as? Database else {
            return try connection.forEachRow(sql, .named(arguments)) { row in try body(Row(source: .values(row.values))) }
        }
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(SQLArguments.named(arguments).statementArguments)
        let handle = statement.sqliteStatement
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw Self.failure(code, db, sql) }
            try body(Row(source: .statement(handle)))
        }
    }

    /// The rows (unit, ancestor) of `sql` as each unit's ancestors.
    func ancestors(_ sql: String) throws -> [Int64: [Int64]] {
        var ancestors: [Int64: [Int64]] = [:]
        try forEachRow(sql) { row in
            if let unit = row.integer(0), let ancestor = row.integer(1) { ancestors[unit, default: []].append(ancestor) }
        }
        return ancestors
    }

    /// SQLite's failure of a step, as GRDB reports one.
    private static func failure(_ code: Int32, _ db: Database, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }
}
