import Foundation
import GRDB
import UnionRegister

extension Register {
    /// Writes a consistent copy of the register to `path` with SQLite's online backup
    /// API, which copies a snapshot even while other processes are writing. The copy is
    /// owner-only, like the register. Refuses to overwrite an existing file.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw RegisterError.badInput(
                Text(vi: "Tệp \(path) đã tồn tại; không ghi đè.", en: "The file \(path) already exists; it is not overwritten."),
                fix: Text(vi: "Chọn tên tệp khác.", en: "Choose another file name."))
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw RegisterError(.missingFile, Text(vi: "Không tạo được tệp \(path).", en: "Could not create the file \(path)."))
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try queue.backup(to: destination)
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
