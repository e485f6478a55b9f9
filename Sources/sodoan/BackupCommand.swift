import ArgumentParser
import PostgresStore
import RegisterStore
import RegisterViews
import UnionRegister

struct BackupCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the register, even while it is in use.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The copy's path; must not exist yet.") var path: String

    /// A file is copied by SQLite's online backup; a PostgreSQL register is copied into a new
    /// register file as `copy` does, from one transaction (docs/CLI.md#register).
    func execute() throws {
        switch try global.location() {
        case .file(let register): try openRegister(at: .file(register)).backup(to: path)
        case .postgres(let address):
            _ = try RegisterCopy.copy(from: .postgres(address), to: .file(path), command: CommandLine.commandForAudit)
        }
        say(Says.backedUp(to: path))
    }
}
