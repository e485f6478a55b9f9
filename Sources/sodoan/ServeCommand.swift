import ArgumentParser
import Foundation
import PostgresStore
import RegisterServer
import RegisterStore
import RegisterViews

/// `sodoan serve`: starts the web interface and JSON API over the register; nothing else
/// (the server is `RegisterServer`). It can run while the command line uses the same file;
/// on PostgreSQL, several can serve one register at once (docs/ARCHITECTURE.md#postgresql).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the register over HTTP: pages for browsers and a JSON API, for the accounts of `sodoan user`.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on; anything but loopback exposes the register to the network.")
    var host = "127.0.0.1"
    @Option(help: "The port (0: any free one, printed on stderr).") var port = 8080

    func run() async throws {
        let register = try reportingRefusals(global.language) { try open() }
        let server = RegisterServer(register: register, settings: .init(host: host, port: port, language: global.language))
        try await server.run { address in
            FileHandle.standardError.write(Data(OutputText.safe("sodoan serve: \(register.path) on \(address)\n").utf8))
        }
    }

    /// The register, with a connection for each request the server runs at a time: on a
    /// file a pool of readers beside the one writer, on PostgreSQL a session each.
    private func open() throws -> Register {
        switch try global.location() {
        case .file(let path):
            return try Register.open(at: path, command: CommandLine.commandForAudit, concurrentReads: RegisterServer.concurrentRequests)
        case .postgres(let address):
            let register = try PostgresRegister.open(at: address, command: CommandLine.commandForAudit,
                                                     sessions: RegisterServer.concurrentRequests)
            if try PostgresServerRole.isUnrestrained(at: address) {
                FileHandle.standardError.write(Data((OutputText.safe(Says.servingUnrestrained(role: address.user)(global.language)) + "\n").utf8))
            }
            return register
        }
    }
}
