import PostgresNIO
import RegisterStore
import UnionRegister

/// An existing PostgreSQL register read whole by `copy`: opened as a file is (refused when
/// it is no register or a newer sodoan made it, migrated forward when an older one did),
/// then read in one REPEATABLE READ transaction, one state of the register however long
/// the copy takes, table by table through a cursor so the register is never all in memory.
enum PostgresSource {
    /// Refuses a database that holds no register this sodoan may open; migrates an older one.
    static func open(_ address: PostgresAddress) throws {
        try PostgresSession.with(address) { session in try requireRegister(in: session) }
    }

    /// Refuses a database that holds no register this sodoan may open; migrates an older
    /// one (each migration in its own session and transaction, behind the advisory lock).
    static func requireRegister(in session: PostgresSession) throws {
        let address = session.address
        switch try PostgresMigrations.state(in: session) {
        case .empty: throw PostgresRefusal.noRegister(address)
        case .notRegister: throw PostgresRefusal.notRegister(address)
        case .newerSchema: throw PostgresRefusal.newerSchema(address)
        case .register(let applied):
            if applied.count < PostgresMigrations.sections.count { try PostgresMigrations.migrate(address) }
        }
    }

    /// Hands the rows of `tables` to `sink` in batches of at most `batch` rows, from a
    /// register `open` accepted.
    static func copyRows(_ address: PostgresAddress, tables: [CopiedTable], batch: Int = 1000,
                         into sink: (CopiedTable, [[CopyCell]]) throws -> Void) throws {
        try PostgresSession.with(address) { session in
            try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                for table in tables {
                    let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                    try session.execute("DECLARE copy_rows NO SCROLL CURSOR FOR SELECT \(columns) FROM \"\(table.name)\"")
                    while true {
                        let rows = try session.rows("FETCH \(batch) FROM copy_rows")
                        if rows.isEmpty { break }
                        try sink(table, try rows.map { row in table.carried(try row.map { try CopyCell($0, table: table.name) }) })
                    }
                    try session.execute("CLOSE copy_rows")
                }
            }
        }
    }
}

extension CopyCell {
    /// A cell of the types schema.postgres.sql uses (bigint, text, bytea), read as the
    /// store's queries read it (`SQLValue.init(_:)`).
    init(_ cell: PostgresCell, table: String) throws {
        switch try SQLValue(cell) {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .text(let text): self = .text(text)
        case .blob(let data): self = .bytes([UInt8](data))
        case .real:
            throw RegisterError.badInput(Text(
                vi: "Cột \(table).\(cell.columnName) có kiểu \(cell.dataType) mà lược đồ của sổ không dùng.",
                en: "The column \(table).\(cell.columnName) has the type \(cell.dataType), which the register's schema does not use."))
        }
    }
}
