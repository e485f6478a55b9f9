import Foundation
import GRDB

/// Reads and writes `register_info`: facts about the register itself.
enum RegisterInfoTable {
    static func insert(name: String, createdAt: Date, in db: Database) throws {
        try db.execute(sql: "INSERT INTO register_info (key, value) VALUES ('name', ?), ('created_at', ?)",
                       arguments: [name, ISO8601DateFormatter().string(from: createdAt)])
    }

    static func name(in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM register_info WHERE key = 'name'") ?? ""
    }
}
