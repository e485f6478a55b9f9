import Foundation
import UnionRegister

/// PostgreSQL's password file (`PGPASSFILE`, else `~/.pgpass`), in its standard format: one
/// `hostname:port:database:username:password` per line, `*` matching anything in the first
/// four fields, `\:` and `\\` for a colon or a backslash, `#` starting a comment; the first
/// line that matches gives the password.
///
/// libpq ignores a file that its group or others may read; sodoan refuses it instead, with
/// the fix, so that a password left readable to others is not silently passed over.
struct PasswordFile {
    let path: String
    let lines: [[String]]

    /// nil when there is no such file (no password from it).
    init?(environment: [String: String]) throws {
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        path = environment["PGPASSFILE"]?.nonEmpty ?? (home as NSString).appendingPathComponent(".pgpass")
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if info.st_mode & 0o077 != 0 {
            throw LocationProblem(text: Text(
                vi: "Tệp mật khẩu \(path) để nhóm hoặc người khác đọc được (quyền \(String(info.st_mode & 0o777, radix: 8))); không dùng.\nChạy chmod 0600 \(path).",
                en: "The password file \(path) can be read by its group or others (mode \(String(info.st_mode & 0o777, radix: 8))); it is not used.\nRun chmod 0600 \(path)."))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LocationProblem(text: Text(vi: "Không đọc được tệp mật khẩu \(path).\nKiểm tra quyền đọc của tệp.",
                                             en: "The password file \(path) cannot be read.\nCheck the file's read permission."))
        }
        lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") }
            .map(Self.fields)
            .filter { $0.count == 5 }
    }

    /// The password of the first line whose four fields match.
    func password(host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        return lines.first { line in zip(line, wanted).allSatisfy { $0 == "*" || $0 == $1 } }?[4]
    }

    /// A line's fields, split at unescaped colons, escapes removed.
    static func fields(_ line: Substring) -> [String] {
        var fields = [""]
        var escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 5 {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}
