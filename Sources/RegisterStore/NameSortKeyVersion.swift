import GRDB
import UnionRegister

/// Keeps the stored `member.sort_key` computed with the domain's current
/// `VietnameseText.nameSortKey`.
///
/// The key is computed in Swift, so a plain-SQL migration of schema.sql cannot recompute it.
/// Instead the register records in `register_info` the key version its keys were computed
/// with, and opening a register whose version differs from the domain's recomputes every
/// key once, in one transaction.
enum NameSortKeyVersion {
    /// Recomputes the stored keys if they were computed with another version, and records
    /// the current one. A read decides, so opening an up-to-date register writes nothing;
    /// the write decides again, in case another process did the work meanwhile. The sort
    /// key is not fingerprinted content, but the content-version triggers fire on any
    /// update of `member`, so they are suspended as for a bulk import (one counter move).
    static func bringUpToDate(_ database: some DatabaseWriter) throws {
        let current = VietnameseText.nameSortKeyVersion
        guard try database.read({ try RegisterInfoTable.sortKeyVersion(in: $0) }) != current else { return }
        try database.write { db in
            guard try RegisterInfoTable.sortKeyVersion(in: db) != current else { return }
            try ContentVersion.suspendingTriggers(in: db) { try MemberTable.recomputeSortKeys(in: db) }
            try RegisterInfoTable.setSortKeyVersion(current, in: db)
        }
    }
}
