import PostgresNIO
import RegisterStore
import UnionRegister

/// A new PostgreSQL register being written by `init` or `copy`, inside one transaction on
/// its database: the schema (every migration), then the rows, then the identity columns set
/// past the ids copied. Anything thrown rolls it all back, so a refused or failed copy
/// leaves the database as it was.
struct PostgresTarget {
    let session: PostgresSession
    /// Each table's column types on this database ("bigint", "text", "bytea"): every
    /// parameter is cast to its column's type, as a multi-row VALUES gives an untyped NULL
    /// no type of its own.
    let types: [String: [String: String]]

    /// Refuses a database that holds anything but an empty register schema: a copy or an
    /// `init` never writes over a register, nor into another program's tables.
    static func requireEmpty(_ session: PostgresSession) throws {
        switch try PostgresMigrations.state(in: session) {
        case .empty:
            return
        case .register:
            let rows = try session.rows("SELECT (SELECT count(*) FROM register_info) + (SELECT count(*) FROM unit)")
            if try rows.first?.decode(Int64.self) == 0 { return }
            throw PostgresRefusal.notEmpty(session.address, Text(vi: "đã có một sổ", en: "it already holds a register"))
        case .notRegister:
            throw PostgresRefusal.notEmpty(session.address, Text(vi: "có những bảng không phải của sổ", en: "it holds tables that are not a register's"))
        case .newerSchema:
            throw PostgresRefusal.newerSchema(session.address)
        }
    }

    /// Makes the register at `address` from the rows `fill` inserts; returns what `fill` does.
    static func make<T>(at address: PostgresAddress, _ fill: (PostgresTarget) throws -> T) throws -> T {
        try PostgresSession.with(address) { session in
            try session.transaction {
                try PostgresMigrations.lock(session)
                try requireEmpty(session)
                try PostgresMigrations.applyPending(in: session)
                try session.execute("SET CONSTRAINTS ALL DEFERRED")
                // The triggers that rebuild the derived tables row by row would otherwise keep
                // the plans they made while the tables were empty (sequential scans) for the
                // whole load: 20,000 members took 80 s instead of a few.
                try session.execute("SET LOCAL plan_cache_mode = force_custom_plan")
                for table in CopiedTables.seeded { try session.execute("DELETE FROM \(table)") }
                let target = PostgresTarget(session: session, types: try columnTypes(session))
                let result = try PostgresBulkLoad.around(session) { try fill(target) }
                try target.restartIdentities()
                // Statistics for the planner now, rather than when autovacuum gets to the
                // new tables: the first commands on a large register are planned on them.
                try session.execute("ANALYZE")
                return result
            }
        }
    }

    /// Inserts rows of `table` in statements of at most 30,000 parameters.
    func insert(_ table: CopiedTable, _ rows: [[CopyCell]]) throws {
        guard let types = types[table.name] else { throw PostgresRefusal.missingTable(session.address, table.name) }
        let casts = try table.columns.map { column in
            guard let type = types[column] else { throw PostgresRefusal.missingTable(session.address, "\(table.name).\(column)") }
            return type
        }
        let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let perStatement = max(1, 30_000 / max(1, table.columns.count))
        var start = rows.startIndex
        while start < rows.endIndex {
            let chunk = rows[start..<min(start + perStatement, rows.endIndex)]
            var binds: [PostgresData] = []
            var values: [String] = []
            for row in chunk {
                var marks: [String] = []
                for (cell, type) in zip(row, casts) {
                    binds.append(cell.postgresData)
                    marks.append("$\(binds.count)::\(type)")
                }
                values.append("(" + marks.joined(separator: ", ") + ")")
            }
            _ = try session.rows("INSERT INTO \"\(table.name)\" (\(columns)) VALUES " + values.joined(separator: ", "), binds)
            start = chunk.endIndex
        }
    }

    private static func columnTypes(_ session: PostgresSession) throws -> [String: [String: String]] {
        var types: [String: [String: String]] = [:]
        for row in try session.rows("SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns WHERE table_schema = current_schema()") {
            let (table, column, type) = try row.decode((String, String, String).self)
            types[table, default: [:]][column] = type
        }
        return types
    }

    /// Sets each identity column's next value past the largest id copied, as SQLite gives
    /// a new row the largest row id plus one.
    private func restartIdentities() throws {
        let identities = try session.rows("""
            SELECT table_name::text, column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES'
            """)
        for row in identities {
            let (table, column) = try row.decode((String, String).self)
            _ = try session.rows("""
                SELECT setval(pg_get_serial_sequence($1, $2), max("\(column)"))::text FROM "\(table)" HAVING max("\(column)") IS NOT NULL
                """, [PostgresData(string: table), PostgresData(string: column)])
        }
    }
}

extension CopyCell {
    var postgresData: PostgresData {
        switch self {
        case .null: return .null
        case .integer(let number): return PostgresData(int64: number)
        case .text(let text): return PostgresData(string: text)
        case .bytes(let bytes): return PostgresData(bytes: bytes)
        }
    }
}
