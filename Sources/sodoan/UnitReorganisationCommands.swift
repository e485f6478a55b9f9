import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

/// `unit rename|move|merge|split|history`: the dated reorganisations of units
/// (docs/CLI.md#reorganising-units). Each change is one audited write.
extension UnitCommand {
    struct Rename: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename", abstract: "Rename a unit from a date; the old name stays in the history.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "The unit's new name.") var name: String
        @Option(help: "The day the new name takes effect.") var on: String

        func execute() throws {
            let register = try openRegister()
            let day = try day(on, option: "--on")
            try register.renameUnit(code, to: name, on: day)
            say(Says.unitRenamed(code, try register.unit(code).name, on: day))
        }
    }

    struct Move: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "move", abstract: "Move a unit, with everything below it, under another parent from a date.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "Code of the new parent unit.") var parent: String
        @Option(help: "The day the unit comes under the new parent.") var on: String

        func execute() throws {
            let register = try openRegister()
            let day = try day(on, option: "--on")
            try register.moveUnit(code, under: parent, on: day)
            say(Says.unitMoved(code, under: parent, on: day))
        }
    }

    struct Merge: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge", abstract: "Merge units into another on a date; the merged units close.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The units merged.") var codes: [String]
        @Option(help: "The unit they merge into.") var into: String
        @Option(help: "The day of the merger.") var on: String

        func validate() throws {
            guard !codes.isEmpty else { throw ValidationError("unit merge needs at least one unit to merge.") }
        }

        func execute() throws {
            let register = try openRegister()
            let day = try day(on, option: "--on")
            try register.mergeUnits(codes, into: into, on: day)
            say(Says.unitsMerged(codes, into: into, on: day))
        }
    }

    struct Split: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "split",
            abstract: "Split a branch (plan columns member, unit) or a grassroots union (plan columns branch, unit) on a date.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "CSV file with the columns member (or branch, for a grassroots union) and unit; what is placed in the split unit itself stays, and keeps it open.")
        var plan: String
        @Option(help: "The day of the split.") var on: String

        func execute() throws {
            let register = try openRegister()
            let day = try day(on, option: "--on")
            let closed = try register.splitUnit(code, plan: try SplitPlanFile.read(path: plan), on: day)
            say(Says.unitSplit(code, on: day, closed: closed))
        }
    }

    struct History: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: "List the reorganisations that concern a unit.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Argument var code: String

        func execute() throws {
            let register = try openRegister()
            print(try UnitHistoryView(entries: try register.unitHistory(code), language: global.language).render(output.format))
        }
    }
}
