import Foundation
import PostgresNIO
import RegisterStore
import UnionRegister

extension SQLValue {
    /// The value as a statement's parameter. A NULL is sent with no type, so that the
    /// server takes the type its place in the statement asks for (a column's, a comparison's).
    var postgresData: PostgresData {
        switch self {
        case .null: return .null
        case .integer(let number): return PostgresData(int64: number)
        case .real(let number): return PostgresData(double: number)
        case .text(let text): return PostgresData(string: text)
        case .blob(let data): return PostgresData(bytes: [UInt8](data))
        }
    }

    /// A cell of an answer in the storage class SQLite would have given: a boolean (a
    /// comparison, `EXISTS`) is 0 or 1, an integral `numeric` (what `SUM` of a bigint
    /// gives) an integer.
    init(_ cell: PostgresCell) throws {
        guard var bytes = cell.bytes else { self = .null; return }
        switch cell.dataType {
        case .int8: self = .integer(try cell.decode(Int64.self))
        case .int4: self = .integer(Int64(try cell.decode(Int32.self)))
        case .int2: self = .integer(Int64(try cell.decode(Int16.self)))
        case .bool: self = .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .float4, .float8: self = .real(try cell.decode(Double.self))
        case .text, .varchar, .name, .bpchar: self = .text(try cell.decode(String.self))
        case .bytea: self = .blob(Data(bytes.readBytes(length: bytes.readableBytes) ?? []))
        case .numeric:
            let number = try cell.decode(Decimal.self)
            var whole = Decimal()
            var copy = number
            NSDecimalRound(&whole, &copy, 0, .plain)
            self = whole == number ? .integer(NSDecimalNumber(decimal: number).int64Value) : .real(NSDecimalNumber(decimal: number).doubleValue)
        default:
            throw RegisterError.badInput(Text(
                vi: "Cột \(cell.columnName) có kiểu \(cell.dataType) mà lược đồ của sổ không dùng.",
                en: "The column \(cell.columnName) has the type \(cell.dataType), which the register's schema does not use."))
        }
    }
}
