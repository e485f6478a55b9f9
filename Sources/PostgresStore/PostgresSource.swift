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
        let state = try PostgresSession.with(address) { session in try PostgresMigrations.state(in: session) }
        switch state {
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
    /// A cell of the types schema.postgres.sql uses (bigint, text, bytea).
    init(_ cell: PostgresCell, table: String) throws {
        guard var bytes = cell.bytes else { self = .null; return }
        switch cell.dataType {
        case .int8: self = .integer(try cell.decode(Int64.self))
        case .int4: self = .integer(Int64(try cell.decode(Int32.self)))
        case .text, .varchar: self = .text(try cell.decode(String.self))
        case .bytea: self = .bytes(bytes.readBytes(length: bytes.readableBytes) ?? [])
        default:
            throw RegisterError.badInput(Text(
                vi: "Cột \(table).\(cell.columnName) có kiểu \(cell.dataType) mà lược đồ của sổ không dùng.",
                en: "The column \(table).\(cell.columnName) has the type \(cell.dataType), which the register's schema does not use."))
        }
    }
}
