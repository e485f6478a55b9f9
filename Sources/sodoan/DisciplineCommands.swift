import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

struct DisciplineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discipline",
        abstract: "Record discipline decisions: reprimand, warning, expulsion (expulsion ends membership).",
        subcommands: [Add.self])

    struct Add: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record a discipline decision about a member.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The level of discipline.") var level: DisciplineLevel
        @Option(help: "The day of the decision (default: today).") var on: String?
        @Option(help: "The reason, e.g. the decision number and the offence.") var reason: String

        func execute() throws {
            let register = try openRegister()
            let record = DisciplineRecord(level: level, on: try day(on, option: "--on", default: today), reason: reason)
            try register.addDiscipline(code, record)
            say(Says.disciplineRecorded(record, of: code))
        }
    }
}

extension DisciplineLevel: ExpressibleByArgument {
    /// The code or the Vietnamese name (`Cách chức`).
    public init?(argument: String) { self.init(codeOrName: argument) }
}
