import ArgumentParser
import RegisterStore
import UnionRegister

struct InitCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new register file with its root bloc unit.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Name of the bloc, e.g. \"Đoàn Khối các cơ quan tỉnh\".")
    var name: String

    @Option(help: "Code of the root unit.")
    var code: String = "ROOT"

    @Option(help: "The day the bloc's register starts (default: today).")
    var opened: String?

    func execute() throws {
        let register = try Register.create(at: global.registerPath, name: name, rootCode: code,
                                           openedOn: try day(opened, option: "--opened", default: today),
                                           command: CommandLine.commandForAudit)
        print(global.language == .vi
              ? "Đã tạo sổ \(register.path) với đơn vị gốc \(code) (\(name))."
              : "Created register \(register.path) with root unit \(code) (\(name)).")
    }
}
