import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Keep members' training records: Party-awareness class, political theory, cadre training, …",
        subcommands: [Add.self, List.self])

    struct Add: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record a training a member completed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The kind of training.") var kind: TrainingKind
        @Option(help: "The day the training ended (the certificate's date).") var completed: String
        @Option(help: "The day the training started.") var started: String?
        @Option(help: "Who held the training, e.g. the Party committee's political school.") var provider: String?
        @Option(help: "The certificate number.") var certificate: String?
        @Option(help: "The result, e.g. good, pass.") var result: String?

        func execute() throws {
            let register = try openRegister()
            let record = TrainingRecord(kind: kind, startedOn: try started.map { try day($0, option: "--started") },
                                        completedOn: try day(completed, option: "--completed"),
                                        provider: provider, certificateNo: certificate, result: result)
            try register.addTraining(code, record)
            say(Says.trainingRecorded(record, of: code))
        }
    }

    struct List: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List training records, e.g. who attended political-theory courses in a year.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Argument(help: "Only this member's trainings.") var code: String?
        @Option(help: "Only this kind of training.") var kind: TrainingKind?
        @Option(help: "Only trainings completed in this calendar year.") var year: Int?
        @Option(help: "Only members whose branch, on the completion day, is this unit or lies under it.") var unit: String?

        func execute() throws {
            let register = try openRegister()
            let listings = try register.trainings(TrainingFilter(memberCode: code, kind: kind, year: year, unitCode: unit))
            print(try TrainingListView(listings: listings, language: global.language).render(output.format))
        }
    }
}

extension TrainingKind: ExpressibleByArgument {}
