import Foundation
import GRDB

/// A row the store reads typed values from by column name: GRDB's own rows (the paths
/// that still run on SQLite only) and `SQLRow` (the engine-neutral ones), so the readers of
/// a table (`UnitTable.unit(from:)`, `StoredValue`) serve both.
///
/// A NULL where the schema forbids one, or a value of another class in an `SQLRow`, was
/// written behind sodoan's back: the readers throw the refusal `StoredValue.damaged`
/// gives. GRDB's rows are read through GRDB's own typed decoding, straight from the
/// statement, as before (the server's hot paths read them), and their tables are STRICT,
/// so a text column holds text.
protocol StoredRow {
    func optionalText(_ column: String) throws -> String?
    func optionalInteger(_ column: String) throws -> Int64?
    func optionalBlob(_ column: String) throws -> Data?
}

extension StoredRow {
    func text(_ column: String) throws -> String {
        guard let text = try optionalText(column) else { throw StoredValue.damaged(column, "NULL") }
        return text
    }

    func integer(_ column: String) throws -> Int64 {
        guard let number = try optionalInteger(column) else { throw StoredValue.damaged(column, "NULL") }
        return number
    }
}

extension Row: StoredRow {
    func optionalText(_ column: String) throws -> String? { self[column] }
    func optionalInteger(_ column: String) throws -> Int64? { self[column] }
    func optionalBlob(_ column: String) throws -> Data? { self[column] }
}

extension DatabaseValue {
    /// The same value in the engine-neutral form.
    var sqlValue: SQLValue {
        switch storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .blob(data)
        }
    }
}

extension SQLValue {
    /// The same value for GRDB's statements.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let number): return number.databaseValue
        case .real(let number): return number.databaseValue
        case .text(let text): return text.databaseValue
        case .blob(let data): return data.databaseValue
        }
    }
}
