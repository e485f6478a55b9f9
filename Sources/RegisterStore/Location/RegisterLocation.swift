import Foundation
import UnionRegister

/// Where a register is: an SQLite file (the embedded default), or a PostgreSQL database
/// named by a `postgres://USER@HOST:PORT/NAME` URL (docs/CLI.md#where-the-register-is).
///
/// This type knows no database engine: it only reads what `--db` or `SODOAN_DB` says and
/// completes a URL's missing parts and password from the standard PostgreSQL variables and
/// password file, so that every command names a register the same way whatever holds it.
public enum RegisterLocation: Equatable, Sendable, CustomStringConvertible {
    case file(String)
    case postgres(PostgresAddress)

    /// Where the text came from. A password written in `--db` would show in `ps` and in the
    /// shell's history, so only the environment variable may carry one.
    public enum Source: Sendable {
        case commandLine
        case environment
    }

    /// The environment variable naming the register when `--db` does not.
    public static let environmentVariable = "SODOAN_DB"

    /// The file used when neither `--db` nor `SODOAN_DB` names a register.
    public static let defaultFile = "sodoan.db"

    /// The register named by `--db` (which wins), else `SODOAN_DB`, else ./sodoan.db.
    public static func resolve(option: String?, environment: [String: String]) throws -> RegisterLocation {
        if let option { return try parse(option, from: .commandLine, environment: environment) }
        if let named = environment[environmentVariable] { return try parse(named, from: .environment, environment: environment) }
        return .file(defaultFile)
    }

    /// Reads one `--db` / `SODOAN_DB` value. Anything that does not start with a
    /// PostgreSQL scheme is a file path, as it always was.
    public static func parse(_ text: String, from source: Source, environment: [String: String]) throws -> RegisterLocation {
        guard let url = try PostgresURL(parsing: text) else { return .file(text) }
        if url.password != nil && source == .commandLine { throw LocationProblem.passwordOnCommandLine }
        return .postgres(try PostgresAddress(url, environment: environment))
    }

    /// How the location is named in messages: the path, or the URL without any password.
    public var description: String {
        switch self {
        case .file(let path): return path
        case .postgres(let address): return address.description
        }
    }
}

/// Why a `--db` / `SODOAN_DB` value names no register: a usage error (exit 64), worded in
/// both languages with its fix.
public struct LocationProblem: Error, Equatable, Sendable {
    public let text: Text

    public static let passwordOnCommandLine = LocationProblem(text: Text(
        vi: "--db không được chứa mật khẩu: mật khẩu viết trên dòng lệnh hiện ra trong `ps` và trong lịch sử của shell. Không kết nối.\nĐặt mật khẩu trong tệp mật khẩu của PostgreSQL (~/.pgpass hoặc tệp mà PGPASSFILE chỉ tới, quyền 0600) hoặc biến môi trường PGPASSWORD, rồi viết --db postgres://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN.",
        en: "--db must not carry a password: a password on the command line shows in `ps` and in the shell's history. Nothing was connected to.\nPut the password in PostgreSQL's password file (~/.pgpass or the file PGPASSFILE names, mode 0600) or in the PGPASSWORD variable, and write --db postgres://USER@HOST:PORT/NAME."))

    static func malformed(_ url: String, _ why: Text) -> LocationProblem {
        LocationProblem(text: Text(
            vi: "\(url) không phải địa chỉ PostgreSQL hợp lệ: \(why.vi).\nViết postgres://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN (ví dụ postgres://sodoan@127.0.0.1:5432/sodoan).",
            en: "\(url) is not a valid PostgreSQL address: \(why.en).\nWrite postgres://USER@HOST:PORT/NAME (for example postgres://sodoan@127.0.0.1:5432/sodoan)."))
    }

    static func badVariable(_ name: String, _ value: String, _ why: Text) -> LocationProblem {
        LocationProblem(text: Text(
            vi: "Biến môi trường \(name)=\(value) không dùng được: \(why.vi).\nSửa hoặc bỏ biến \(name), hoặc viết phần đó trong địa chỉ --db.",
            en: "The environment variable \(name)=\(value) cannot be used: \(why.en).\nCorrect or unset \(name), or write that part in the --db address."))
    }
}
