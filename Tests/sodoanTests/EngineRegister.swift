import Foundation
import PostgresTestSupport
import Testing

extension RegisterEngineKind: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}

/// A register of one test on one engine, `CLI(kind)`'s, whose commands name it through
/// `SODOAN_DB`, never `--db`, so that their command lines (which the audit log records)
/// are the same on both engines.
struct EngineRegister {
    let cli: CLI
    let kind: RegisterEngineKind
    /// The PostgreSQL database, for a test that asks psql what is in it.
    var postgres: PostgresDatabase? { cli.postgres }

    init(_ kind: RegisterEngineKind) throws {
        self.kind = kind
        cli = try CLI(kind)
    }

    /// The file's path or the database's URL.
    var location: String { cli.db }

    /// What a process started on this register needs besides its `--db` (a server, or a
    /// command run with another register's environment): on PostgreSQL the cluster's
    /// password file and none of the machine's own PostgreSQL variables.
    var environment: [String: String] { postgres?.cluster.environment ?? [:] }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> CLI.Result {
        try cli.run(arguments, useDB: false, environment: ["SODOAN_DB": location], stdin: stdin)
    }

    /// Where `sodoan serve` reaches the register: the file, or on PostgreSQL the database
    /// as a new role given only what the server needs (`sodoan grant`), so that every
    /// server test on PostgreSQL also shows the server needs no more.
    func serverLocation() throws -> String {
        guard let postgres else { return cli.db }
        let role = try postgres.cluster.makeRole()
        try ok(["grant", role])
        return postgres.cluster.url(postgres.name, as: role)
    }

    /// Runs a command that must succeed, and returns its standard output.
    @discardableResult
    func ok(_ arguments: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, stdin: stdin)
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// A bloc with a grassroots union of two branches and a grassroots branch, as
    /// `CLI.makeSmallTree` makes on a file.
    func makeSmallTree() throws {
        for arguments in CLI.smallTree { try ok(arguments) }
    }

    /// Everything the register holds, to tell that a refusal wrote nothing: the file's
    /// bytes, or every table's rows.
    func contents() throws -> Data { try cli.registerBytes() }

    /// Changes the register behind sodoan's back, as someone with the database's own tools
    /// could: `sqlite` in the file, or `postgres` through psql.
    func tamper(sqlite: String, postgres sql: String) throws {
        if let postgres { try postgres.psql(sql) } else { try cli.tamper(sqlite) }
    }

    func cleanUp() { cli.cleanUp() }
}

/// Runs one session of commands on a new register of `kind` and returns, for each, its
/// command line, exit status and outputs, with the register's name and the moments of the
/// audit rows (the clock's, different on each run) masked: what the byte-for-byte
/// comparisons of the two engines compare.
func sessionOutputs(_ session: [[String]], on kind: RegisterEngineKind) throws -> [String] {
    let register = try EngineRegister(kind)
    defer { register.cleanUp() }
    return try session.map { arguments in
        let result = try register.run(arguments)
        let text = "\(arguments.joined(separator: " ")) → \(result.status)\n\(result.stdout)\(result.stderr)"
        return text.replacingOccurrences(of: register.location, with: "REGISTER")
            .replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "AT", options: .regularExpression)
    }
}

/// The exit statuses of a session's `sessionOutputs`, in order.
func sessionStatuses(_ outputs: [String]) -> [String] {
    outputs.map { $0.prefix { $0 != "\n" }.split(separator: " ").last.map(String.init) ?? "" }
}

/// Runs each of `reads` on the register file of `cli` and on its copy `pg`, expecting the
/// same status and outputs byte for byte (the register's name masked); returns how many
/// printed more than a header, so a test can tell that the reads read rows.
func expectSameReads(_ reads: [[String]], file cli: CLI, postgres pg: PostgresDatabase,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    var filled = 0
    for arguments in reads {
        let file = try cli.run(arguments)
        let postgres = try pg.run(cli, arguments + ["--db", pg.url])
        #expect(file.status == postgres.status && file.stdout == postgres.stdout, "\(arguments)", sourceLocation: sourceLocation)
        #expect(file.stderr.replacingOccurrences(of: cli.db, with: "REGISTER") == postgres.stderr.replacingOccurrences(of: pg.url, with: "REGISTER"),
                "\(arguments)", sourceLocation: sourceLocation)
        if file.status == 0 && file.stdout.split(separator: "\n").count > 2 { filled += 1 }
    }
    return filled
}
