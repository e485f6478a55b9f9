import ArgumentParser
import Foundation
import PostgresStore
import RegisterStore
import RegisterViews
import UnionRegister

/// `sodoan copy --from A --to B`: the whole register to a new file or an empty PostgreSQL
/// database (`RegisterCopy`). Both sides are named on the command line, so neither may
/// carry a password (docs/SECURITY.md).
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole register (history, audit log and accounts) to a new file or an empty PostgreSQL database.",
        discussion: "Each of --from and --to is a file or postgres://USER@HOST:PORT/NAME. All or nothing: a refused or failed copy writes nothing.")

    @Option(help: "The register to copy: a file, or postgres://USER@HOST:PORT/NAME.")
    var from: String

    @Option(help: "Where to copy it: a new file, or an empty PostgreSQL database.")
    var to: String

    @Option(name: .long, help: "Language of messages: vi or en.")
    var lang: LanguageOption = .vi

    func validate() throws {
        _ = try locations()
    }

    /// --from and --to, each refused (exit 64) if it carries a password or is malformed.
    func locations() throws -> (from: RegisterLocation, to: RegisterLocation) {
        let environment = ProcessInfo.processInfo.environment
        do {
            return (try RegisterLocation.parse(from, from: .commandLine, environment: environment),
                    try RegisterLocation.parse(to, from: .commandLine, environment: environment))
        } catch let problem as LocationProblem {
            throw ValidationError(problem.text(lang.language))
        }
    }

    func run() throws {
        try reportingRefusals(lang.language) {
            let (source, target) = try locations()
            let summary = try RegisterCopy.copy(from: source, to: target, command: CommandLine.commandForAudit)
            let text = Says.registerCopied(from: source.description, to: target.description, tables: summary.tables, rows: summary.rows)
            FileHandle.standardOutput.write(Data((OutputText.safe(text(lang.language)) + "\n").utf8))
        }
    }
}
