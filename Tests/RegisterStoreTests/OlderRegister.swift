import Foundation
import GRDB
@testable import RegisterStore

/// A register file as an older sodoan left it: the schema's migrations up to and including
/// `migration` only, with `rows` (SQL) written into it as that program would have, in a
/// fresh temporary directory removed when the test ends. `Register.open(at: path, …)` then
/// runs the later migrations over it, as opening it with this sodoan would.
final class OlderRegister {
    let directory: URL
    let path: String

    init(upTo migration: String, rows: String) throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-older-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appending(path: "old.db").path
        let old = try DatabaseQueue(path: path)
        try SchemaMigrations.migrator(upTo: migration).migrate(old)
        try old.write { try $0.execute(sql: rows) }
        try old.close()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
