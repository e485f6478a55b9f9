import Foundation
import UnionRegister
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How sodoan creates every file it writes (a new register, a backup): under a temporary
/// name in the target's folder, owner-only, then linked to its name only once complete.
///
/// `link(2)` fails when anything is already at the name, a symbolic link (even a dangling
/// one) included, so an existing file is never overwritten and a link planted in its place
/// is never followed. A process killed half-way leaves only the temporary file, whose name
/// (`.NAME.sodoan-partial-…`) no command opens as a register.
enum NewFile {
    /// Runs `build` on the temporary path, then links the result to `path`. The temporary
    /// file, and the -wal/-shm/-journal files SQLite may have left beside it, are removed
    /// whatever happens.
    static func write(to path: String, what: Text, _ build: (String) throws -> Void) throws {
        try refuseExisting(path, what: what)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = url.deletingLastPathComponent()
            .appending(path: ".\(url.lastPathComponent).sodoan-partial-\(UUID().uuidString)").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw RegisterError(.missingFile, Text(
                vi: "Không tạo được tệp trong thư mục \(folder): \(String(cString: strerror(errno))).",
                en: "Could not create a file in the folder \(folder): \(String(cString: strerror(errno)))."),
                fix: Text(vi: "Kiểm tra thư mục có tồn tại và ghi được không.", en: "Check that the folder exists and is writable."))
        }
        close(descriptor)
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
        }
        try build(temporary)
        guard let file = FileHandle(forWritingAtPath: temporary) else {
            throw RegisterError(.storageFailed, Text(vi: "Tệp tạm \(temporary) biến mất.", en: "The temporary file \(temporary) vanished."))
        }
        try? file.synchronize()
        try? file.close()
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { try refuseExisting(path, what: what) }
            throw RegisterError(.storageFailed, Text(
                vi: "Không đặt được tên \(path) cho tệp mới: \(String(cString: strerror(errno))).",
                en: "Could not give the new file the name \(path): \(String(cString: strerror(errno)))."))
        }
    }

    /// Refuses a name where a file, a folder or a symbolic link already is.
    private static func refuseExisting(_ path: String, what: Text) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        throw RegisterError.badInput(
            isLink ? Text(vi: "\(path) là một liên kết tượng trưng; không ghi \(what.vi) qua liên kết.",
                          en: "\(path) is a symbolic link; a \(what.en) is never written through a link.")
                   : Text(vi: "Tệp \(path) đã tồn tại; không ghi đè.", en: "The file \(path) already exists; it is not overwritten."),
            fix: Text(vi: "Chọn tên tệp khác.", en: "Choose another file name."))
    }
}
