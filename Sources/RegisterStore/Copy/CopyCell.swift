/// One stored value on its way between two registers, in the types the schema uses on both
/// engines: a register's tables are STRICT, so every column holds integers, text or bytes.
public enum CopyCell: Equatable, Sendable {
    case null
    case integer(Int64)
    case text(String)
    case bytes([UInt8])
}

/// A table a copy carries and the columns it carries, in the order its rows hand them.
public struct CopiedTable: Equatable, Sendable {
    public let name: String
    public let columns: [String]
}
