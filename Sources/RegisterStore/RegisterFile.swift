import Foundation
import GRDB
import GRDBSQLite
import UnionRegister

/// Tells a register file from any other file before SQLite is allowed to write to it.
///
/// Opening a file for writing lets SQLite create -wal or -journal files beside it and lets
/// the migrator create tables in it, so an empty file or another program's SQLite database
/// given by mistake would silently become a register. Only `init` creates a register
/// (docs/SECURITY.md): every other command first reads the 100-byte SQLite header with
/// plain file I/O, then, for a register made before migration 5 set the application id,
/// its tables through an immutable read-only connection, which creates no file.
enum RegisterFile {
    /// `PRAGMA application_id` of a register ("SODN"), set by migration 5.
    static let applicationID: Int32 = 0x534F_444E

    /// What the header and the migrations table say about a file.
    enum Identity: Equatable {
        case register
        case notRegister(Text)
        case newerSchema
        /// A register (by its header) whose tables SQLite cannot read.
        case damaged(String)
    }

    /// Refuses a file that is not a register sodoan can open, naming it and the reason.
    static func requireRegister(at path: String) throws {
        switch try identify(path) {
        case .register:
            return
        case .notRegister(let why):
            throw RegisterError.badInput(Text(
                vi: "Tệp \(path) không phải sổ đoàn viên: \(why.vi). Không ghi gì vào tệp.",
                en: "The file \(path) is not a register: \(why.en). Nothing was written to it."),
                fix: Text(vi: "Chọn đúng tệp sổ bằng --db / SODOAN_DB; chỉ `sodoan init` tạo sổ mới.",
                          en: "Choose the register file with --db / SODOAN_DB; only `sodoan init` creates a register."))
        case .damaged(let detail):
            throw StorageFailure.damaged(path, detail: detail)
        case .newerSchema:
            throw RegisterError.badInput(Text(
                vi: "Sổ \(path) được tạo bởi phiên bản sodoan mới hơn; không mở để khỏi làm hỏng.",
                en: "The register \(path) was made by a newer sodoan; it is not opened, so as not to damage it."),
                fix: Text(vi: "Cập nhật sodoan.", en: "Update sodoan."))
        }
    }

    static func identify(_ path: String) throws -> Identity {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RegisterError(.missingFile,
                Text(vi: "Không tìm thấy sổ đoàn viên \(path).", en: "No register at \(path)."),
                fix: Text(vi: "Tạo sổ mới bằng `sodoan init --name TÊN`, hoặc chọn tệp bằng --db / SODOAN_DB.",
                          en: "Create one with `sodoan init --name NAME`, or choose the file with --db / SODOAN_DB."))
        }
        if isDirectory.boolValue {
            return .notRegister(Text(vi: "đó là một thư mục", en: "it is a directory"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RegisterError(.missingFile, Text(
                vi: "Không đọc được tệp \(path) (không có quyền đọc).", en: "The file \(path) cannot be read (no read permission)."),
                fix: Text(vi: "Kiểm tra quyền của tệp (chmod u+r).", en: "Check the file's permissions (chmod u+r)."))
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        if header.isEmpty { return .notRegister(Text(vi: "tệp rỗng", en: "the file is empty")) }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            return .notRegister(Text(vi: "đó không phải cơ sở dữ liệu SQLite", en: "it is not an SQLite database"))
        }
        let id = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        if id != 0 && id != applicationID {
            return .notRegister(Text(vi: "đó là cơ sở dữ liệu SQLite của một chương trình khác",
                                     en: "it is another program's SQLite database"))
        }
        return try identifyByTables(path, marked: id == applicationID)
    }

    /// Reads the migrations table without locking or creating any file (`immutable=1`):
    /// a register lists "1 register" first and only migrations this sodoan knows.
    private static func identifyByTables(_ path: String, marked: Bool) throws -> Identity {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
        var handle: OpaquePointer?
        defer { sqlite3_close(handle) }
        guard sqlite3_open_v2(uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil) == SQLITE_OK else {
            return .notRegister(Text(vi: "SQLite không mở được tệp", en: "SQLite cannot open it"))
        }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        let sql = "SELECT identifier FROM grdb_migrations WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'register_info')"
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            let code = sqlite3_errcode(handle)
            if code == SQLITE_NOTADB || code == SQLITE_CORRUPT {
                let detail = String(cString: sqlite3_errmsg(handle))
                return marked ? .damaged(detail) : .notRegister(Text(vi: "tệp SQLite bị hỏng (\(detail))", en: "the SQLite file is damaged (\(detail))"))
            }
            return .notRegister(Text(vi: "tệp không có các bảng của sổ", en: "it has none of a register's tables"))
        }
        var applied: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) {
            applied.append(String(cString: text))
        }
        let known = SchemaMigrations.identifiers
        guard applied.first == known.first else {
            return .notRegister(Text(vi: "tệp không có các bảng của sổ", en: "it has none of a register's tables"))
        }
        return applied.allSatisfy(known.contains) ? .register : .newerSchema
    }
}
