import ArgumentParser
import RegisterStore
import UnionRegister

struct BackupCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the register, even while it is in use.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The copy's path; must not exist yet.") var path: String

    func execute() throws {
        try openRegister().backup(to: path)
        say(Says.backedUp(to: path))
    }
}
