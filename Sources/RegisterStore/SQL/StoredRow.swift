import GRDB

/// A row the store reads typed values from by column name: GRDB's own rows (the paths
/// that still run on SQLite only) and `SQLRow` (the engine-neutral ones), so the readers of
/// a table (`UnitTable.unit(from:)`, `StoredValue`) serve both.
///
/// A value of the wrong class or a NULL where the schema forbids one was written behind
/// sodoan's back: the typed readers throw the refusal `StoredValue.damaged` gives, never
/// trap.
protocol StoredRow {
    func storedValue(_ column: String) -> SQLValue
}

extension StoredRow {
    func text(_ column: String) throws -> String {
        guard let text = try optionalText(column) else { throw StoredValue.damaged(column, "NULL") }
        return text
    }

    func optionalText(_ column: String) throws -> String? {
        switch storedValue(column) {
        case .null: return nil
        case .text(let text): return text
        case let other: throw StoredValue.damaged(column, "\(other)")
        }
    }

    func integer(_ column: String) throws -> Int64 {
        guard let number = try optionalInteger(column) else { throw StoredValue.damaged(column, "NULL") }
        return number
    }

    func optionalInteger(_ column: String) throws -> Int64? {
        switch storedValue(column) {
        case .null: return nil
        case .integer(let number): return number
        case let other: throw StoredValue.damaged(column, "\(other)")
        }
    }
}

extension Row: StoredRow {
    func storedValue(_ column: String) -> SQLValue { (self[column] as DatabaseValue).sqlValue }
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
