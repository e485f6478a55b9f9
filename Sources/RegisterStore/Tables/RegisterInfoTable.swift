import Foundation
import GRDB

/// Reads and writes `register_info`: facts about the register itself.
enum RegisterInfoTable {
    static func insert(name: String, createdAt: Date, in db: Database) throws {
        try db.execute(sql: "INSERT INTO register_info (key, value) VALUES ('name', ?), ('created_at', ?)",
                       arguments: [name, ISO8601DateFormatter().string(from: createdAt)])
    }

    static func name(in db: any SQLConnection) throws -> String {
        try db.storedRows("SELECT value FROM register_info WHERE key = 'name'", .none) { try $0.text("value") }.first ?? ""
    }

    static let sortKeyVersionKey = "name_sort_key_version"

    /// The version of `VietnameseText.nameSortKey` the stored `member.sort_key` values were
    /// computed with; a register made before the version was recorded has version 1.
    static func sortKeyVersion(in db: Database) throws -> Int {
        try String.fetchOne(db, sql: "SELECT value FROM register_info WHERE key = ?", arguments: [sortKeyVersionKey])
            .flatMap { Int($0) } ?? 1
    }

    static func setSortKeyVersion(_ version: Int, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO register_info (key, value) VALUES (?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, arguments: [sortKeyVersionKey, String(version)])
    }
}
