import GRDB

extension SQLConnection {
    /// Runs one statement and hands `body` its rows as `StoredRow`s for the table readers
    /// (`MemberTable.member(from:)`, `EventTable.event(from:)`, …). On a file they are GRDB's
    /// own rows, read in place from the cached statement's cursor, as the hot paths (a member's
    /// page, a unit's roll, the search) read them before they ran on two engines: an `SQLRow`
    /// would copy every value first. On another engine they are its `SQLRow`s, the answer
    /// read whole in one round trip (these answers are kept whole by their callers anyway;
    /// `forEachRow` streams the long ones).
    func forEachStoredRow(_ sql: String, _ arguments: SQLArguments, _ body: (any StoredRow) throws -> Void) throws {
        guard let db = self as? Database else {
            for row in try rows(sql, arguments) { try body(row) }
            return
        }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments.statementArguments)
        while let row = try rows.next() { try body(row) }
    }

    /// The rows of one statement, each made into a value by `make` as it is read.
    func storedRows<T>(_ sql: String, _ arguments: SQLArguments, _ make: (any StoredRow) throws -> T?) throws -> [T] {
        var values: [T] = []
        try forEachStoredRow(sql, arguments) { row in if let value = try make(row) { values.append(value) } }
        return values
    }
}
