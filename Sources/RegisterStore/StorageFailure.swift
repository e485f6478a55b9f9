import GRDB
import UnionRegister

/// SQLite's failures turned into refusals a secretary can act on: which file, what
/// happened, what to do (docs/CLI.md, exit statuses). SQLite's own text ("disk I/O
/// error", "database is locked") names neither the file nor the way out.
///
/// A file that is damaged or not a database is bad input data (65); a file that cannot be
/// read or written now (read-only, locked, disk full, I/O error) is a storage failure (74).
/// A failed write rolls its transaction back, so in every case nothing was changed.
enum StorageFailure {
    /// Runs `body`, turning an SQLite error into a `RegisterError` about `path`.
    static func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw refusal(error, path: path)
        }
    }

    /// A register file SQLite finds malformed: bad input data (65), restored from a backup.
    static func damaged(_ path: String, detail: String) -> RegisterError {
        RegisterError.badInput(Text(
            vi: "Sổ \(path) bị hỏng (SQLite: \(detail)). Không có gì bị thay đổi.",
            en: "The register \(path) is damaged (SQLite: \(detail)). Nothing was changed."),
            fix: Text(vi: "Khôi phục từ bản sao (sodoan backup); `sodoan check` cho biết chỗ hỏng nếu còn đọc được.",
                      en: "Restore it from a backup (sodoan backup); `sodoan check` shows the damage if it can still be read."))
    }

    static func refusal(_ error: DatabaseError, path: String) -> RegisterError {
        let nothing = Text(vi: "Không có gì bị thay đổi.", en: "Nothing was changed.")
        func storage(_ vi: String, _ en: String, fix: Text) -> RegisterError {
            RegisterError(.storageFailed, Text(vi: "Sổ \(path): \(vi) \(nothing.vi)", en: "Register \(path): \(en) \(nothing.en)"), fix: fix)
        }
        switch error.resultCode {
        case .SQLITE_READONLY:
            return storage("tệp (hoặc thư mục chứa nó) chỉ cho đọc, không ghi được.", "the file (or its folder) is read-only; it cannot be written.",
                           fix: Text(vi: "Cấp quyền ghi (chmod u+w) hoặc chép sổ sang nơi ghi được.",
                                     en: "Give write permission (chmod u+w), or copy the register somewhere writable."))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return storage("một tiến trình khác đang ghi sổ quá \(Int(Register.busyTimeout)) giây.",
                           "another process has kept it locked for more than \(Int(Register.busyTimeout)) seconds.",
                           fix: Text(vi: "Chờ lệnh sodoan kia xong rồi chạy lại.", en: "Wait for the other sodoan command to finish, then run this one again."))
        case .SQLITE_FULL:
            return storage("đĩa đã đầy.", "the disk is full.",
                           fix: Text(vi: "Giải phóng chỗ trống trên đĩa rồi chạy lại.", en: "Free some disk space, then run the command again."))
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return damaged(path, detail: error.message ?? "malformed")
        case .SQLITE_CONSTRAINT:
            return RegisterError.badInput(Text(
                vi: "Sổ \(path) từ chối dữ liệu trái ràng buộc của nó (\(error.message ?? "constraint")). \(nothing.vi)",
                en: "The register \(path) refused data that breaks its constraints (\(error.message ?? "constraint")). \(nothing.en)"))
        default:
            return storage("lỗi đọc/ghi tệp (SQLite: \(error.message ?? "\(error.resultCode)")).",
                           "the file could not be read or written (SQLite: \(error.message ?? "\(error.resultCode)")).",
                           fix: Text(vi: "Kiểm tra đĩa và quyền của tệp, rồi chạy lại.", en: "Check the disk and the file's permissions, then run the command again."))
        }
    }
}
