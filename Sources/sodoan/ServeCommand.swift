import ArgumentParser
import Foundation
import RegisterServer
import RegisterStore

/// `sodoan serve`: starts the web interface and JSON API over the register; nothing else
/// (the server is `RegisterServer`). It can run while the command line uses the same file.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the register over HTTP: pages for browsers and a JSON API, for the accounts of `sodoan user`.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on; anything but loopback exposes the register to the network.")
    var host = "127.0.0.1"
    @Option(help: "The port (0: any free one, printed on stderr).") var port = 8080

    func run() async throws {
        let (path, register) = try reportingRefusals(global.language) {
            let path = try global.registerPath()
            // Many requests read at once: a pool of reading connections beside the writing
            // one, a reader for each request the server runs at a time.
            return (path, try Register.open(at: path, command: CommandLine.commandForAudit,
                                            concurrentReads: RegisterServer.concurrentRequests))
        }
        let server = RegisterServer(register: register, settings: .init(host: host, port: port, language: global.language))
        try await server.run { address in
            FileHandle.standardError.write(Data("sodoan serve: \(path) on \(address)\n".utf8))
        }
    }
}
