import ArgumentParser
import RegisterStore
import UnionRegister

struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "Build the tree of units: bloc, grassroots unions, branches.",
        subcommands: [Add.self, Update.self, Close.self, List.self])

    struct Add: RegisterCommand {
        static let configuration = CommandConfiguration(abstract: "Add a unit under its parent.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The unit's code, e.g. CD01.") var code: String
        @Option(help: "The unit's name.") var name: String
        @Option(help: "bloc, grassroots-union, grassroots-branch or branch.") var kind: UnitKind
        @Option(help: "Code of the unit above.") var parent: String
        @Option(help: "The day the unit was set up (default: today).") var opened: String?

        func execute() throws {
            let register = try openRegister()
            let unit = Unit(code: code, name: name, kind: kind, parentCode: parent,
                            openedOn: try day(opened, option: "--opened", default: today))
            try register.addUnit(unit)
            print(global.language == .vi ? "Đã thêm \(kind.name.vi) \(code) — \(name)." : "Added \(kind.name.en) \(code) — \(name).")
        }
    }

    struct Update: RegisterCommand {
        static let configuration = CommandConfiguration(
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
            let openedOn = try opened.map { try day($0, option: "--opened") }
            if let openedOn { try MemberRules.notInFuture(openedOn, what: Text(vi: "Ngày thành lập", en: "Opening date"), today: today) }
            let unit = try register.updateUnit(code, name: name, openedOn: openedOn)
            print(global.language == .vi ? "Đã sửa \(unit.code) — \(unit.name), thành lập \(unit.openedOn)."
                                         : "Corrected \(unit.code) — \(unit.name), opened \(unit.openedOn).")
        }
    }

    struct Close: RegisterCommand {
        static let configuration = CommandConfiguration(abstract: "Close a unit on a date; it keeps its history.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "The day the unit stops existing.") var on: String

        func execute() throws {
            let register = try openRegister()
            let day = try day(on, option: "--on")
            try MemberRules.notInFuture(day, what: Text(vi: "Ngày giải thể", en: "Closing date"), today: today)
            try register.closeUnit(code, on: day)
            print(global.language == .vi ? "Đã giải thể \(code) từ ngày \(day)." : "Closed \(code) from \(day).")
        }
    }

    struct List: RegisterCommand {
        static let configuration = CommandConfiguration(abstract: "List units with their members and structural warnings.")
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
}

extension UnitKind: ExpressibleByArgument {}
