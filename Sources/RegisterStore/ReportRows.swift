import GRDB
import GRDBSQLite
import UnionRegister

/// The statements of a count done outside SQL, stepped in place: columns read by index
/// with SQLite's C API, texts as bytes, so a million rows make no value per column (GRDB's
/// `Row` by name, or the engine-neutral `SQLRow` with its value array per row, would;
/// BENCHMARKS.md, issue 10, fourth round).
struct ReportRows {
    let db: Database
    /// The named arguments every statement binds (`ReportQueries.arguments`).
    let arguments: [String: any DatabaseValueConvertible]

    /// One row of a statement being stepped; valid only inside the call that hands it over.
    struct Row {
        fileprivate let handle: OpaquePointer

        /// The integer in column `index`, nil for NULL.
        func integer(_ index: Int32) -> Int64? {
            sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, index)
        }

        /// The integer in column `index` that is a row's key, never NULL (one API call
        /// rather than two: the member scan reads two keys per member).
        func key(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

        /// The UTF-8 bytes of the text in column `index`, nil for NULL.
        func bytes(_ index: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard let text = sqlite3_column_text(handle, index) else { return nil }
            return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index)))
        }

        /// What the text in column `index` reads as through `texts`, nil for NULL.
        func value<Value>(_ index: Int32, _ texts: inout StoredTexts<Value>) throws -> Value? {
            try bytes(index).map { try texts.value($0) }
        }

        /// The day in column `index` (`column` names it in a refusal), nil for NULL.
        func day(_ index: Int32, _ column: String) throws -> Day? {
            guard let bytes = bytes(index) else { return nil }
            guard let day = Day(isoBytes: bytes) else { throw StoredValue.damaged(column, String(decoding: bytes, as: UTF8.self)) }
            return day
        }
    }

    /// A statement stepped by its caller one row at a time, so that two statements can be
    /// walked side by side (a merge of two tables read in the same key order).
    struct Cursor {
        private let statement: Statement
        private let sql: String
        private let db: Database

        fileprivate init(_ reader: ReportRows, _ sql: String) throws {
            statement = try reader.db.makeStatement(sql: sql)
            try statement.setArguments(StatementArguments(reader.arguments))
            self.sql = sql
            db = reader.db
        }

        /// The next row, valid until the next call; nil once the statement is done.
        func next() throws -> Row? {
            let handle = statement.sqliteStatement
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return nil }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            return Row(handle: handle)
        }
    }

    /// A statement prepared once and run again for each set of arguments (a key seek per
    /// member of a few), handing over its first row.
    struct Lookup {
        private let statement: Statement
        private let db: Database

        fileprivate init(_ reader: ReportRows, _ sql: String) throws {
            statement = try reader.db.makeStatement(sql: sql)
            db = reader.db
        }

        /// Runs the statement with `arguments` and hands `body` its first row, if any.
        func row(_ arguments: StatementArguments, _ body: (Row) throws -> Void) throws {
            try statement.setArguments(arguments)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
            try body(Row(handle: handle))
        }
    }

    /// `sql` prepared, to be run by the caller with arguments of its own each time.
    func lookup(_ sql: String) throws -> Lookup { try Lookup(self, sql) }

    /// `sql` prepared with the arguments, to be stepped by the caller.
    func cursor(_ sql: String) throws -> Cursor { try Cursor(self, sql) }

    /// Runs `sql` and hands `body` its rows one at a time.
    func forEachRow(_ sql: String, _ body: (Row) throws -> Void) throws {
        let rows = try cursor(sql)
        while let row = try rows.next() { try body(row) }
    }

    /// The rows (unit, ancestor) of `sql` as each unit's ancestors.
    func ancestors(_ sql: String) throws -> [Int64: [Int64]] {
        var ancestors: [Int64: [Int64]] = [:]
        try forEachRow(sql) { row in
            if let unit = row.integer(0), let ancestor = row.integer(1) { ancestors[unit, default: []].append(ancestor) }
        }
        return ancestors
    }
}
