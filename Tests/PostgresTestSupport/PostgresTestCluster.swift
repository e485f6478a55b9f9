import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one throw-away PostgreSQL server of a test run: started on first use, on 127.0.0.1
/// and a free port, in a temporary data directory, with password (SCRAM) authentication
/// through a password file, as a real register's server would ask; stopped when the test
/// process exits, and by a watchdog if the process dies without exiting. Each test takes a
/// database of its own (`makeDatabase`), so one cluster serves the whole run.
///
/// initdb refuses to run as root: when the tests run as root (CI's container) the server
/// runs as the `postgres` user if there is one, else `nobody`, through runuser, and owns
/// the data directory. Without PostgreSQL the tests that need it fail with what to install.
public final class PostgresTestCluster: Sendable {
    public let port: Int
    public let user = "sodoan_test"
    /// The user's password, for the tests of a password given in SODOAN_DB.
    public let password: String
    /// A password file (PGPASSFILE) holding the user's password, readable by this process only.
    public let passwordFile: String
    let directory: String
    let binaries: PostgresBinaries

    /// The cluster, started once; the error says what to install when it cannot start.
    public static func shared() throws -> PostgresTestCluster {
        try started.get()
    }

    private static let started = Result { try PostgresTestCluster() }

    /// What a sodoan started by a test needs to reach the server: the password file, and
    /// none of the machine's own PostgreSQL variables.
    public var environment: [String: String] {
        ["PGPASSFILE": passwordFile, "PGPASSWORD": "", "PGUSER": "", "PGHOST": "", "PGPORT": "", "PGDATABASE": ""]
    }

    /// `postgres://sodoan_test@127.0.0.1:PORT/NAME`.
    public func url(_ database: String) -> String {
        "postgres://\(user)@127.0.0.1:\(port)/\(database)"
    }

    /// `postgres://ROLE@127.0.0.1:PORT/NAME`: the database as another role reaches it.
    public func url(_ database: String, as role: String) -> String {
        "postgres://\(role)@127.0.0.1:\(port)/\(database)"
    }

    /// A new login role with no rights of its own (neither superuser nor owner of
    /// anything), its password added to the password file: what a server's role starts as.
    public func makeRole() throws -> String {
        let name = "r_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let password = UUID().uuidString
        try psql("postgres", "CREATE ROLE \(name) LOGIN PASSWORD '\(password)'")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: passwordFile))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("127.0.0.1:\(port):*:\(name):\(password)\n".utf8))
        return name
    }

    /// A new empty database for one test; or, given `template`, a copy of that database
    /// (PostgreSQL copies its files: far quicker than making the same register again).
    /// A template's sessions may still be closing when it is asked for, so that refusal
    /// is retried for a few seconds.
    public func makeDatabase(from template: String? = nil) throws -> String {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let sql = "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? "")
        var attempts = 0
        while true {
            attempts += 1
            do {
                try psql("postgres", sql)
                return name
            } catch let error as ClusterError where attempts < 50 && error.description.contains("is being accessed by other users") {
                usleep(100_000)
            }
        }
    }

    /// What a write would change in `database`, table by table: each table's name and rows,
    /// in a fixed order, read in one psql call; equal before and after a refusal that
    /// wrote nothing.
    public func contents(of database: String) throws -> [String] {
        try psql(database, """
            SELECT tablename || ' ' || query_to_xml(format('SELECT t::text AS r FROM %I t ORDER BY 1', tablename), true, false, '')::text
            FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename
            """)
    }

    /// Drops a test's database, ending its sessions first.
    public func dropDatabase(_ name: String) throws {
        try psql("postgres", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs SQL with psql on `database` (as the cluster's superuser, or as `role`) and
    /// returns its rows, fields separated by `|`.
    @discardableResult
    public func psql(_ database: String, _ sql: String, as role: String? = nil) throws -> [String] {
        let result = try Spawn.run([binaries.psql, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)",
                                    "-U", role ?? user, "-d", database, "-c", sql], environment: environment)
        guard result.status == 0 else { throw ClusterError("psql failed on \(database): \(result.output)\nSQL: \(sql)") }
        return result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    private init() throws {
        binaries = try PostgresBinaries.find()
        var template = Array("/tmp/sodoan-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ClusterError("cannot make a temporary directory") }
        directory = String(cString: made)
        port = try Self.freePort()
        password = UUID().uuidString
        passwordFile = directory + "/client.pgpass"
        try Self.writePrivate(passwordFile, "127.0.0.1:\(port):*:\(user):\(password)\n")
        let serverPasswordFile = directory + "/server.pw"
        try Self.writePrivate(serverPasswordFile, password + "\n")
        let owner = try ServerUser.choose()
        try owner.give(directory)
        try owner.give(serverPasswordFile)
        let data = directory + "/data"
        let initdb = try Spawn.run(owner.command([binaries.initdb, "-D", data, "-U", user, "--pwfile=\(serverPasswordFile)",
                                                 "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"]))
        guard initdb.status == 0 else { throw ClusterError("initdb failed: \(initdb.output)") }
        unlink(serverPasswordFile)
        let options = "-c listen_addresses=127.0.0.1 -p \(port) -c unix_socket_directories='' -c fsync=off -c full_page_writes=off -c max_connections=100"
        let start = try Spawn.run(owner.command([binaries.pgCtl, "-D", data, "-l", directory + "/server.log", "-w", "-t", "60",
                                                "-o", options, "start"]))
        guard start.status == 0 else {
            let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
            throw ClusterError("pg_ctl start failed: \(start.output)\n\(log)")
        }
        // Stopped at exit; if this process dies without exiting, the watchdog stops it.
        let stop = owner.command([binaries.pgCtl, "-D", data, "-m", "immediate", "-w", "stop"])
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf '\(directory)'"
        try Spawn.detach(["/bin/sh", "-c", script])
        Self.stopAtExit = { _ = try? Spawn.run(["/bin/sh", "-c", stop]) }
        atexit { PostgresTestCluster.stopAtExit?() }
    }

    nonisolated(unsafe) private static var stopAtExit: (() -> Void)?

    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw ClusterError("cannot find a free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func writePrivate(_ path: String, _ text: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ClusterError("cannot write \(path)")
        }
    }
}

public struct ClusterError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
