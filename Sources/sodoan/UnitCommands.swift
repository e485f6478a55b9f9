import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "Build the tree of units: bloc, grassroots unions, branches.",
        subcommands: [Add.self, Update.self, Close.self, List.self, Rename.self, Move.self, Merge.self, Split.self, History.self, GradeUnit.self, Grades.self])

    struct Add: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a unit under its parent.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The unit's code, e.g. CD01.") var code: String
        @Option(help: "The unit's name.") var name: String
        @Option(help: "bloc, grassroots-union, grassroots-branch or branch.") var kind: UnitKind
        @Option(help: "Code of the unit above (none for a new root bloc).") var parent: String?
        @Option(help: "The day the unit was set up (default: today).") var opened: String?

        func execute() throws {
            let register = try openRegister()
            let unit = Unit(code: code, name: name, kind: kind, parentCode: parent,
                            openedOn: try day(opened, option: "--opened", default: today))
            try register.addUnit(unit)
            say(Says.unitAdded(kind, code, name))
        }
    }

    struct Update: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Correct a unit's name or opening day (a correction, not a dated change).")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "The unit's correct name.") var name: String?
        @Option(help: "The day the unit was really set up.") var opened: String?

        func validate() throws {
            guard name != nil || opened != nil else { throw ValidationError("unit update needs --name or --opened.") }
        }

        func execute() throws {
            let register = try openRegister()
            let unit = try register.updateUnit(code, name: name, openedOn: try opened.map { try day($0, option: "--opened") })
            say(Says.unitCorrected(unit))
        }
    }

    struct Close: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Close a unit on a date; it keeps its history.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "The day the unit stops existing.") var on: String

        func execute() throws {
            let register = try openRegister()
            let day = try day(on, option: "--on")
            try register.closeUnit(code, on: day)
            say(Says.unitClosed(code, on: day))
        }
    }

    struct List: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List units with their members and structural warnings.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Flag(help: "Indent units under their parents.") var tree = false
        @Flag(help: "Include closed units.") var closed = false
        @Option(help: "The day to look at (default: today).") var asOf: String?

        func execute() throws {
            let register = try openRegister()
            let day = try day(asOf, option: "--as-of", default: today)
            let units = try register.unitTree(on: day, includeClosed: closed)
            print(try UnitListView(units: units, language: global.language, tree: tree).render(output.format))
        }
    }

    struct GradeUnit: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "grade",
            abstract: "Set a grassroots union's or branch's grade for a year; setting it again corrects it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The unit's code.") var code: String
        @Option(help: "The year evaluated.") var year: Int
        @Option(help: "excellent, good, pass or fail.") var grade: Grade

        func execute() throws {
            let old = try openRegister().setUnitGrade(code, year: year, grade: grade)
            say(Says.unitGradeSet(UnitGrade(unitCode: code, year: year, grade: grade), was: old))
        }
    }

    struct Grades: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "grades", abstract: "List the grades of a unit and of the units under it, by year.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Argument(help: "The unit's code.") var code: String
        @Option(help: "Only this year.") var year: Int?

        func execute() throws {
            print(try UnitGradeListView(grades: try openRegister().unitGrades(of: code, year: year), language: global.language)
                .render(output.format))
        }
    }
}

extension UnitKind: ExpressibleByArgument {}
