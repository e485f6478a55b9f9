import Foundation
import PostgresStore
import RegisterStore

/// The register the serve load test's servers serve: the generated file, or its copy in an
/// empty PostgreSQL database (`--postgres`), served as the role `--serve-role` names once
/// `sodoan grant` has given it the servers' rights.
struct ServedRegister {
    /// What the servers' `--db` says.
    let location: String
    /// Where the bench itself reads the register afterwards: the file, or the database as
    /// its owner.
    let reading: RegisterLocation

    static func prepare(_ options: Options, file: String) throws -> ServedRegister {
        guard let owner = options.postgres else { return ServedRegister(location: file, reading: .file(file)) }
        guard case .postgres(let address) = try RegisterLocation.parse(owner, from: .commandLine,
                                                                     environment: ProcessInfo.processInfo.environment) else {
            throw BenchError("--postgres takes a postgres:// URL, not \(owner)")
        }
        if !options.reuse {
            try sodoan(options, ["copy", "--from", file, "--to", owner])
            if let role = options.serveRole { try sodoan(options, ["grant", role, "--db", owner]) }
        }
        let served = options.serveRole.map { role in
            PostgresAddress(user: role, host: address.host, port: address.port, database: address.database, password: nil).description
        } ?? owner
        return ServedRegister(location: served, reading: .postgres(address))
    }

    /// The register, opened for the bench's own reads.
    func open() throws -> Register {
        switch reading {
        case .file(let path): return try Register.open(at: path, command: "sodoan-bench")
        case .postgres(let address): return try PostgresRegister.open(at: address, command: "sodoan-bench")
        }
    }
}
