import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

struct OfficeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office",
        abstract: "Union offices with their terms (secretary, deputy, standing committee, committee, full-time cadre).",
        subcommands: [Add.self, End.self, List.self])

    struct Add: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record that a member holds an office of a unit from a day.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "secretary, deputy-secretary, standing-committee, committee, full-time-cadre (or Bí thư, Phó Bí thư, …).")
        var role: OfficeRole
        @Option(help: "The unit whose office it is.") var unit: String
        @Option(help: "The first day in office.") var from: String
        @Option(help: "The day the office ends (the first day no longer held); none: held still.") var to: String?
        @Option(help: "The office as written, when it says more than the role.") var title: String?

        func execute() throws {
            let office = Office(memberCode: code, unitCode: unit, role: role, from: try day(from, option: "--from"),
                                to: try to.map { try day($0, option: "--to") }, title: title)
            try openRegister().addOffice(office)
            say(Says.officeAdded(office))
        }
    }

    struct End: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "end", abstract: "End a member's office of a unit on a day.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The unit whose office it is.") var unit: String
        @Option(help: "Only this office, when the member holds several in the unit.") var role: OfficeRole?
        @Option(help: "The day the office ends: the first day no longer held (default: today).") var on: String?

        func execute() throws {
            let register = try openRegister()
            for office in try register.endOffice(code, unitCode: unit, role: role, on: try day(on, option: "--on", default: register.today)) {
                say(Says.officeEnded(office))
            }
        }
    }

    struct List: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "The offices of a unit and the units under it: held on a day, or every term.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Option(help: "Only the offices of this unit and the units under it.") var unit: String?
        @Option(name: .customLong("as-of"), help: "Only the offices held on this day (the committee on that day).") var asOf: String?

        func execute() throws {
            let listings = try openRegister().offices(unitCode: unit, asOf: try asOf.map { try day($0, option: "--as-of") })
            print(try OfficeListView(listings: listings, language: global.language).render(output.format))
        }
    }
}

extension OfficeRole: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
