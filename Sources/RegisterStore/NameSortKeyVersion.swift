import Foundation
import GRDB
import UnionRegister

/// Keeps the stored `member.sort_key` computed with the domain's current
/// `VietnameseText.nameSortKey`.
///
/// The key is computed in Swift, so a plain-SQL migration of schema.sql cannot recompute it.
/// Instead the register records in `register_info` the key version its keys were computed
/// with (a register without the row predates the record: version 1), and opening a register
/// whose version differs from the domain's recomputes every key once, in one transaction.
enum NameSortKeyVersion {
    static let infoKey = "name_sort_key_version"

    /// The key version the register's stored keys were computed with.
    static func stored(in db: Database) throws -> Int {
        try String.fetchOne(db, sql: "SELECT value FROM register_info WHERE key = ?", arguments: [infoKey])
            .flatMap { Int($0) } ?? 1
    }

    /// Recomputes the stored keys if they were computed with another version, and records
    /// the current one. A read decides, so opening an up-to-date register writes nothing;
    /// the write decides again, in case another process did the work meanwhile.
    static func bringUpToDate(_ queue: DatabaseQueue) throws {
        let current = VietnameseText.nameSortKeyVersion
        guard try queue.read({ try stored(in: $0) }) != current else { return }
        try queue.write { db in
            guard try stored(in: db) != current else { return }
            try recompute(in: db)
            try db.execute(sql: """
                INSERT INTO register_info (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, arguments: [infoKey, String(current)])
        }
    }

    /// Rewrites every key that differs from the current function's. The sort key is not
    /// part of the fingerprinted content, but the content-version triggers fire on any
    /// update of `member`, so they are suspended as for a bulk import (one counter move).
    private static func recompute(in db: Database) throws {
        var keys: [String: Data] = [:]  // names repeat a great deal
        try ContentVersion.suspendingTriggers(in: db) {
            let update = try db.makeStatement(sql: "UPDATE member SET sort_key = ? WHERE id = ?")
            let rows = try Row.fetchCursor(db, sql: "SELECT id, full_name, sort_key FROM member ORDER BY id")
            while let row = try rows.next() {
                let name: String = row["full_name"]
                let key = keys[name] ?? Data(VietnameseText.nameSortKey(name))
                keys[name] = key
                if row["sort_key"] != key {
                    try update.execute(arguments: [key, row["id"] as Int64])
                }
            }
        }
    }
}
