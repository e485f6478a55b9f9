import Logging
import PostgresNIO
import RegisterStore
import UnionRegister

/// One connection to the database of a PostgreSQL register, used from the synchronous
/// code of the command line: every call waits for its answer on the calling thread while
/// the connection runs on SwiftNIO's own threads, so the store's synchronous surface (the
/// same as a file's) needs no async caller.
final class PostgresSession {
    let address: PostgresAddress
    private let connection: PostgresConnection
    /// How many cursors `newCursorName` has named on this session.
    private var cursors = 0

    private init(address: PostgresAddress, connection: PostgresConnection) {
        self.address = address
        self.connection = connection
    }

    /// Connects over TCP without TLS, with the address's credentials.
    static func connect(_ address: PostgresAddress) throws -> PostgresSession {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user,
            password: address.password, database: address.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        let logger = Logger(label: "sodoan.postgres") { _ in SwiftLogNoOpLogHandler() }
        let connection = try PostgresFailure.naming(address) {
            try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                           configuration: configuration, id: 1, logger: logger).wait()
        }
        let session = PostgresSession(address: address, connection: connection)
        // A cursor (`PostgresSQLConnection.forEachRow`) is planned for its first tenth by
        // default, which picked nested loops that made `referral candidates` of a 5,000-member
        // unit take 89 s instead of 0.1 s (BENCHMARKS.md, issue 20): every cursor here is
        // read to its end.
        do {
            try session.execute("SET cursor_tuple_fraction = 1")
        } catch {
            session.close()
            throw error
        }
        return session
    }

    /// Runs SQL that may hold several statements (a migration), with no parameters.
    func execute(_ sql: String) throws {
        for statement in SQLStatements.split(sql) { _ = try rows(statement) }
    }

    /// Runs one statement with `$1`… parameters and returns its rows; a repeated UNIQUE
    /// value is a `UniqueViolation` when `keepingUniqueViolations` (`PostgresFailure.naming`).
    func rows(_ sql: String, _ binds: [PostgresData] = [], keepingUniqueViolations: Bool = false) throws -> [PostgresRow] {
        try PostgresFailure.naming(address, keepingUniqueViolations: keepingUniqueViolations) { try connection.query(sql, binds).wait().rows }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// A name for a new cursor, no other cursor of this session's has had: a cursor lives
    /// until its transaction ends, and one may be open while another is read.
    func newCursorName() -> String {
        cursors += 1
        return "sodoan_rows_\(cursors)"
    }

    /// Whether the database or the network has closed the connection.
    var isClosed: Bool { connection.isClosed }

    func close() {
        try? connection.close().wait()
    }

    /// Opens a session on `address`, runs `body` and closes the session whatever happens.
    static func with<T>(_ address: PostgresAddress, _ body: (PostgresSession) throws -> T) throws -> T {
        let session = try connect(address)
        defer { session.close() }
        return try body(session)
    }
}
