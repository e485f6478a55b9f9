import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Yearly evaluation of members (xếp loại chất lượng đoàn viên).",
        subcommands: [SetGrade.self, List.self])

    struct SetGrade: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a member's grade for a year; setting it again corrects it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The year evaluated.") var year: Int
        @Option(help: "The grade.") var grade: Grade

        func execute() throws {
            let register = try openRegister()
            let change = try register.setGrade(code, year: year, grade: grade)
            say(Says.gradeSet(change))
        }
    }

    struct List: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List grades by year, for a unit and the units under it.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Option(help: "Only this year.") var year: Int?
        @Option(help: "Only members whose branch at the end of the graded year is this unit or lies under it.") var unit: String?

        func execute() throws {
            let register = try openRegister()
            let listings = try register.grades(year: year, unitCode: unit)
            print(try GradeListView(listings: listings, language: global.language).render(output.format))
        }
    }
}

extension Grade: ExpressibleByArgument {}
