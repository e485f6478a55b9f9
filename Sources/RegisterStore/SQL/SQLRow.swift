import Foundation

/// One row of an answer: the columns' names and values, in the statement's order.
public struct SQLRow: Sendable, Equatable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of the column with this name (the first, if the statement repeats one).
    public subscript(_ column: String) -> SQLValue {
        columns.firstIndex(of: column).map { values[$0] } ?? .null
    }
}

extension SQLRow: StoredRow {
    func optionalText(_ column: String) throws -> String? {
        switch self[column] {
        case .null: return nil
        case .text(let text): return text
        case let other: throw StoredValue.damaged(column, "\(other)")
        }
    }

    func optionalInteger(_ column: String) throws -> Int64? {
        switch self[column] {
        case .null: return nil
        case .integer(let number): return number
        case let other: throw StoredValue.damaged(column, "\(other)")
        }
    }

    func optionalBlob(_ column: String) throws -> Data? {
        switch self[column] {
        case .null: return nil
        case .blob(let data): return data
        case let other: throw StoredValue.damaged(column, "\(other)")
        }
    }
}
