import UnionRegister

/// The database of a register that is not a file: PostgreSQL, implemented in PostgresStore
/// so that the SQLite build does not link its client. `Register` runs its engine-neutral
/// operations through it; what is a file's by nature (written against GRDB) refuses such a
/// register (`RegisterError.fileOnly`) instead of reaching a file that is not there.
public protocol RegisterEngine: AnyObject, Sendable {
    /// Runs `body` in one read-only transaction that sees one consistent state.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T

    /// Runs `body` in one write transaction, taking the register's write lock first, so
    /// that writes follow one another as a file's IMMEDIATE transactions do (the audit
    /// chain needs each write to see the one before). Commits when `body` returns true
    /// with its value, rolls back when it returns false or throws.
    func write<T>(_ body: (any SQLConnection) throws -> (T, commit: Bool)) throws -> T
}

extension RegisterError {
    /// An operation of the store that is a register file's by nature (SQLite's backup, its
    /// migrations, its PRAGMA checks), asked of a register held by another engine: the
    /// store's guard, which no command reaches.
    static func fileOnly(_ register: String) -> RegisterError {
        .badInput(Text(
            vi: "Thao tác này chỉ làm được trên tệp sổ, không trên sổ PostgreSQL \(register); không có gì bị thay đổi.",
            en: "This operation works on a register file only, not on the PostgreSQL register \(register); nothing was changed."),
            fix: Text(vi: "Chép sổ ra một tệp (`sodoan copy --from \(register) --to SO.db`) và làm trên tệp đó.",
                      en: "Copy the register to a file (`sodoan copy --from \(register) --to REGISTER.db`) and work on that file."))
    }
}
