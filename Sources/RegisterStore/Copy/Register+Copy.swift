import Foundation
import GRDB
import UnionRegister

extension Register {
    /// The tables a copy carries in this sodoan's schema (`CopiedTables`), read from the
    /// schema itself, applied to a database in memory: every register this sodoan opens or
    /// makes has exactly these, whichever engine holds it.
    public static func copiedTables() throws -> [CopiedTable] {
        let schema = try DatabaseQueue(configuration: configuration())
        try SchemaMigrations.migrator().migrate(schema)
        return try schema.read { db in try CopiedTables.all(in: db) }
    }

    /// Hands every carried row to `sink`, table by table in batches of at most `batch`
    /// rows, all read in one transaction: one state of the register, however long the
    /// target takes, and never the whole register in memory.
    public func copyRows(batch: Int = 1000, into sink: (CopiedTable, [[CopyCell]]) throws -> Void) throws {
        try read { db in
            for table in try CopiedTables.all(in: db) {
                let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \"\(table.name)\"")
                var pending: [[CopyCell]] = []
                while let row = try rows.next() {
                    pending.append(table.carried(try row.databaseValues.map { try CopyCell($0, table: table.name) }))
                    if pending.count == batch {
                        try sink(table, pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                if !pending.isEmpty { try sink(table, pending) }
            }
        }
    }

    /// Makes a new register file at `path` holding the rows `fill` writes, in one
    /// transaction: the schema is this sodoan's, the seeded rows of a new register are
    /// replaced by the source's, foreign keys are checked at the end (rows may come in any
    /// order), and the derived tables are rebuilt by the triggers as the rows arrive. The
    /// file appears under its name only once complete (`NewFile`), so a refused or killed
    /// copy leaves nothing.
    public static func createByCopy(at path: String, _ fill: (RegisterCopyTarget) throws -> Void) throws {
        try NewFile.write(to: path, what: Text(vi: "sổ", en: "register")) { temporary in
            try StorageFailure.naming(path) {
                let queue = try DatabaseQueue(path: temporary, configuration: configuration())
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
                try SchemaMigrations.migrator().migrate(queue)
                try queue.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                        for table in CopiedTables.seeded { try db.execute(sql: "DELETE FROM \(table)") }
                        try fill(RegisterCopyTarget(db: db, tables: try CopiedTables.all(in: db)))
                        return .commit
                    }
                }
                try queue.close()
            }
        }
    }
}

/// The new register file a copy writes into, inside its one transaction.
public struct RegisterCopyTarget {
    let db: Database
    /// The tables the target expects, in the order to write them.
    public let tables: [CopiedTable]

    /// Inserts rows of `table`, each holding the table's columns in order.
    public func insert(_ table: CopiedTable, _ rows: [[CopyCell]]) throws {
        let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "INSERT INTO \"\(table.name)\" (\(columns)) VALUES (\(marks))")
        for row in rows {
            try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
        }
    }
}

extension CopyCell {
    init(_ value: DatabaseValue, table: String) throws {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .bytes([UInt8](data))
        case .double(let number): throw StoredValue.damaged(table, "\(number)")
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let number): return number.databaseValue
        case .text(let text): return text.databaseValue
        case .bytes(let bytes): return Data(bytes).databaseValue
        }
    }
}
