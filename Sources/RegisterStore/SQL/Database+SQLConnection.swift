import GRDB

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

    public func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        try execute(sql, arguments)
        return lastInsertedRowID
    }
}

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
