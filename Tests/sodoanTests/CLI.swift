import Foundation
import PostgresTestSupport
import GRDB
import Testing

/// Runs the built `sodoan` binary, as a secretary would, on a register in a fresh
/// temporary directory, or in a database of its own on the run's PostgreSQL cluster
/// (`CLI(.postgres)`), so that one end-to-end test runs on both engines
/// (`@Test(arguments: RegisterEngineKind.allCases)`).
struct CLI {
    /// The temporary directory holding the register (or the test's other files); removed
    /// by `cleanUp()`.
    let directory: URL
    /// The register's database, when the test runs on PostgreSQL.
    let postgres: PostgresDatabase?
    /// The register's `--db`: the file's path or the database's URL.
    var db: String { postgres?.url ?? directory.appending(path: "register.db").path }

    /// What a sodoan started on this register runs with: this process's environment and, for
    /// a database, the cluster's password file.
    var environment: [String: String] {
        ProcessInfo.processInfo.environment.merging(postgres?.cluster.environment ?? [:]) { $1 }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    init(_ kind: RegisterEngineKind = .file) throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        postgres = kind == .postgres ? try PostgresDatabase() : nil
    }

    /// Removes the folder and, on PostgreSQL, the test's database.
    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
        if let postgres { try? postgres.cluster.dropDatabase(postgres.name) }
    }

    /// The binary SwiftPM built next to the test bundle.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appending(path: "sodoan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        // Test bundles run from inside .build/<triple>/debug; fall back to the usual place.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: ".build/debug/sodoan")
    }

    /// Runs `sodoan ARGS --db <register>` (the --db is added unless `useDB` is false). A
    /// command still running after `timeout` seconds is killed, and the result says so
    /// (status -1), so a hang fails its test instead of the whole run.
    @discardableResult
    func run(_ arguments: [String], useDB: Bool = true, environment: [String: String] = [:], stdin: String? = nil,
             timeout: TimeInterval = 60) throws -> Result {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments + (useDB ? ["--db", db] : [])
        process.currentDirectoryURL = directory
        process.environment = self.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.launchAlone()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Read both pipes to the end before waiting, so a large output cannot block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let killed = process.terminationReason == .uncaughtSignal
        return Result(status: killed ? -1 : process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a command that must succeed, and returns its standard output.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "sodoan \(arguments.joined(separator: " ")) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// The register file's bytes (with its WAL folded in by the next open), to prove a
    /// refused command changed nothing.
    func registerBytes() throws -> Data {
        if let postgres { return Data(try postgres.contents().joined(separator: "\n").utf8) }
        return try Data(contentsOf: URL(fileURLWithPath: db))
    }

    /// Runs a command on `file` (the register unless named) that must be refused with
    /// `status`, and checks that it left the register as it was (a file byte-identical, with
    /// no -wal, -shm or -journal file beside it; a database row for row). Returns stderr,
    /// for the message's own checks.
    @discardableResult
    func refusedLeavingNoTrace(_ arguments: [String], file: String? = nil, status: Int32,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let path = file ?? db
        let inDatabase = file == nil && postgres != nil
        func contents() throws -> Data { inDatabase ? try registerBytes() : try Data(contentsOf: URL(fileURLWithPath: path)) }
        let before = try contents()
        let result = try run(arguments + ["--db", path], useDB: false, timeout: 20)
        #expect(result.status == status, "sodoan \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try contents() == before, "\(arguments) changed \(path)", sourceLocation: sourceLocation)
        for suffix in ["-wal", "-shm", "-journal"] where !inDatabase {
            #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(arguments) left \(path)\(suffix)", sourceLocation: sourceLocation)
        }
        #expect(!result.stderr.contains("Error(") && !result.stderr.contains("NSCocoaErrorDomain"), "\(result.stderr)", sourceLocation: sourceLocation)
        return result.stderr
    }

    /// The one number `sql` gives, read from the register without writing to it.
    func count(_ sql: String) throws -> Int {
        if postgres != nil { return Int(try lines(sql).first ?? "") ?? -1 }
        return try readOnly { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    /// The first column of every row `sql` gives, read from the register without writing to
    /// it (on PostgreSQL through psql: the SQL must be what both engines read).
    func lines(_ sql: String) throws -> [String] {
        if let postgres { return try postgres.psql(sql) }
        return try readOnly { try String.fetchAll($0, sql: sql) }
    }

    private func readOnly<T>(_ body: (GRDB.Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: db, configuration: configuration).read(body)
    }

    /// Runs SQL on the register as the sqlite3 shell would, with every guard off.
    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: db)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
        try queue.close()
    }

    /// Writes `text` to a file in the test's directory and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appending(path: name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A register with a bloc, one grassroots union with two branches, and a grassroots
    /// branch: enough tree for most scenarios.
    func makeSmallTree() throws {
        for arguments in Self.smallTree { try ok(arguments) }
    }

    /// The commands of `makeSmallTree`, which `EngineRegister` runs on either engine.
    static let smallTree: [[String]] = [
        ["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2015-01-01"],
        ["unit", "add", "YT", "--name", "Đoàn cơ sở Sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"],
        ["unit", "add", "YT-VP", "--name", "Chi đoàn Văn phòng Sở", "--kind", "branch", "--parent", "YT", "--opened", "2015-01-01"],
        ["unit", "add", "YT-BV", "--name", "Chi đoàn Bệnh viện Đa khoa", "--kind", "branch", "--parent", "YT", "--opened", "2015-01-01"],
        ["unit", "add", "TC", "--name", "Chi đoàn cơ sở Sở Tài chính", "--kind", "grassroots-branch", "--parent", "DK", "--opened", "2015-01-01"],
    ]
}

extension Process {
    /// Foundation on Linux can crash when several threads start processes at the same
    /// moment (seen here as a bad pointer in `Process.run()` while tests ran in parallel):
    /// every test starts its processes through this one lock. Only the start is serialised;
    /// the processes run, and are waited for, side by side.
    func launchAlone() throws {
        Self.launching.lock()
        defer { Self.launching.unlock() }
        try run()
    }

    private static let launching = NSLock()
}

