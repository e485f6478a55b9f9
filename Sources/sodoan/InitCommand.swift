import ArgumentParser
import PostgresStore
import RegisterStore
import RegisterViews
import UnionRegister

struct InitCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new register, in a new file or an empty PostgreSQL database, with its root bloc unit.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Name of the bloc, e.g. \"Đoàn Khối các cơ quan tỉnh\".")
    var name: String

    @Option(help: "Code of the root unit.")
    var code: String = "ROOT"

    @Option(help: "The day the bloc's register starts (default: today).")
    var opened: String?

    func execute() throws {
        let openedOn = try day(opened, option: "--opened", default: today)
        let location = try global.location()
        switch location {
        case .file(let path):
            _ = try Register.create(at: path, name: name, rootCode: code, openedOn: openedOn, command: CommandLine.commandForAudit)
        case .postgres(let address):
            try PostgresRegister.create(at: address, name: name, rootCode: code, openedOn: openedOn, command: CommandLine.commandForAudit)
        }
        say(Says.registerCreated(location.description, root: code, name: name))
    }
}
