import GRDB
import UnionRegister

/// A statement of an engine other than SQLite refused because it repeats a value a UNIQUE
/// index holds (PostgreSQL's SQLSTATE 23505), with the refusal that engine words for it.
///
/// Inside a write the store tells this failure from the others (`isUniqueViolation`), as
/// `import members` does to name the earlier line of a repeated code; the engine turns it
/// back into its `refusal` when the write ends, so outside the store it is a refusal like
/// any other (exit 65, "refused data that breaks its constraints").
public struct UniqueViolation: Error {
    public let refusal: RegisterError

    public init(refusal: RegisterError) {
        self.refusal = refusal
    }
}

extension Error {
    /// A statement repeated a value a UNIQUE index holds: SQLite's
    /// `SQLITE_CONSTRAINT_UNIQUE`, or another engine's `UniqueViolation`.
    var isUniqueViolation: Bool {
        if let error = self as? DatabaseError { return error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE }
        return self is UniqueViolation
    }
}
