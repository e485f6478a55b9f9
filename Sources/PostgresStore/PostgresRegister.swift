import Foundation
import RegisterStore
import UnionRegister

/// A register on PostgreSQL (docs/CLI.md#where-the-register-is): `init` makes one; `copy`
/// moves one in and out; `open` gives the `Register` whose engine-neutral operations
/// (`SQLConnection`) run on it, every command's.
public enum PostgresRegister {
    /// Opens the register in the database at `address`, refused as `copy` refuses a source
    /// (no register, not a register, a newer sodoan's) and migrated forward when an older
    /// sodoan made it. The register keeps its sessions, up to `sessions` at once (one for the
    /// command line, one per request the server runs at a time), until it is released.
    public static func open(at address: PostgresAddress, command: String, clock: RegisterClock = .system,
                            sessions: Int = 1) throws -> Register {
        let session = try PostgresSession.connect(address)
        do {
            try PostgresSource.requireRegister(in: session)
        } catch {
            session.close()
            throw error
        }
        let pool = PostgresSessionPool(first: session, capacity: sessions)
        return Register(engine: PostgresEngine(sessions: pool), named: address.description, command: command, clock: clock)
    }

    /// Makes a new register in the empty database at `address`, with its root bloc unit.
    ///
    /// The register is first made exactly as `init` makes a file, by the same code, in a
    /// temporary owner-only folder, then copied into the database in one transaction with
    /// the whole schema; the folder is removed whatever happens. So the first audit row, the
    /// register's identity and every rule of a new register are those of a file.
    public static func create(at address: PostgresAddress, name: String, rootCode: String, openedOn: Day,
                              command: String, clock: RegisterClock = .system) throws {
        try PostgresSession.with(address) { session in try PostgresTarget.requireEmpty(session) }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = (folder as NSString).appendingPathComponent("register.db")
        _ = try Register.create(at: file, name: name, rootCode: rootCode, openedOn: openedOn, command: command, clock: clock)
        _ = try RegisterCopy.copy(from: .file(file), to: .postgres(address), command: command)
    }

    /// A new folder only this user may enter (mkdtemp), for the register made before its copy.
    private static func temporaryFolder() throws -> String {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("sodoan-init-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw RegisterError(.storageFailed, Text(
                vi: "Không tạo được thư mục tạm: \(String(cString: strerror(errno))).",
                en: "Could not make a temporary folder: \(String(cString: strerror(errno)))."),
                fix: Text(vi: "Kiểm tra thư mục tạm (TMPDIR) có ghi được không.", en: "Check that the temporary folder (TMPDIR) is writable."))
        }
        return String(cString: made)
    }
}
