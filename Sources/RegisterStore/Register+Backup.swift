import Foundation
import GRDB
import UnionRegister

extension Register {
    /// Writes a consistent copy of the register to `path` with SQLite's online backup
    /// API, which copies a snapshot even while other processes are writing. The copy is
    /// owner-only, like the register, and appears under its name only when complete
    /// (`NewFile`): a backup killed half-way leaves no file that could pass for a register.
    /// Refuses an existing file or a symbolic link at `path`.
    public func backup(to path: String) throws {
        try NewFile.write(to: path, what: Text(vi: "bản sao", en: "backup")) { temporary in
            try StorageFailure.naming(temporary) {
                let destination = try DatabaseQueue(path: temporary)
                try database.backup(to: destination)
                try destination.close()
            }
        }
    }
}
