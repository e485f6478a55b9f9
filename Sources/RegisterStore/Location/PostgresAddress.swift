import Foundation
import UnionRegister

/// A PostgreSQL register's server, database and credentials, complete: what a URL leaves
/// out comes from the standard variables (`PGUSER`, `PGHOST`, `PGPORT`, `PGDATABASE`) and
/// then libpq's defaults (the operating-system user, localhost, 5432, a database named like
/// the user); the password from the URL (only `SODOAN_DB` may carry one), else
/// `PGPASSWORD`, else the password file (`PasswordFile`), as libpq looks for them.
public struct PostgresAddress: Equatable, Sendable, CustomStringConvertible {
    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    /// nil when none is given anywhere: the server may not ask for one (trust, peer).
    public var password: String?

    public init(user: String, host: String, port: Int, database: String, password: String?) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.password = password
    }

    init(_ url: PostgresURL, environment: [String: String]) throws {
        user = url.user ?? environment["PGUSER"]?.nonEmpty ?? Register.operatingSystemUser
        host = url.host ?? environment["PGHOST"]?.nonEmpty ?? "localhost"
        if host.hasPrefix("/") {
            throw LocationProblem.badVariable("PGHOST", host, Text(
                vi: "sodoan kết nối PostgreSQL qua TCP, không qua socket Unix", en: "sodoan connects to PostgreSQL over TCP, not through a Unix socket"))
        }
        if let port = url.port {
            self.port = port
        } else if let text = environment["PGPORT"]?.nonEmpty {
            guard let port = PostgresURL.port(Substring(text)) else {
                throw LocationProblem.badVariable("PGPORT", text, Text(vi: "cổng phải là số từ 1 đến 65535", en: "the port must be a number from 1 to 65535"))
            }
            self.port = port
        } else {
            port = 5432
        }
        database = url.database ?? environment["PGDATABASE"]?.nonEmpty ?? user
        // An empty password is none, as libpq takes it: the password file is looked at next.
        password = try url.password?.nonEmpty ?? environment["PGPASSWORD"]?.nonEmpty
            ?? PasswordFile(environment: environment)?.password(host: host, port: port, database: database, user: user)
    }

    /// The address as messages show it, never with the password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)"
    }
}
