import Foundation

/// One value passed to or read from a statement, in the storage classes the register's
/// STRICT tables hold (NULL, INTEGER, REAL, TEXT, BLOB), whichever engine runs it.
///
/// A PostgreSQL answer is brought to these classes by its connection (a boolean becomes
/// the 0 or 1 SQLite gives, an integral `numeric` from `SUM` an integer), so the code
/// reading a row is the same for both engines.
public enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

extension SQLValue {
    /// The value as a message shows it: a text as it is, a number in digits, NULL as `NULL`
    /// (as GRDB describes a value).
    var shown: String {
        switch self {
        case .null: return "NULL"
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .text(let text): return text
        case .blob(let data): return "\(data.count) bytes"
        }
    }
}

/// A Swift value that a statement takes as an argument.
public protocol SQLValueConvertible {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLValueConvertible {
    public var sqlValue: SQLValue { self }
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Data: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob(self) }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    /// A closure, not the key path `\.sqlValue`: in this generic context a key path is
    /// instantiated by the runtime on every call, which was a fifth of `import members`.
    public var sqlValue: SQLValue { map { $0.sqlValue } ?? .null }
}
