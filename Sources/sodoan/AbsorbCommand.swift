import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

/// `sodoan absorb OTHER.db --under CODE --on DATE [--prefix P] [--dry-run]`: another
/// register joins this one under a unit (docs/CLI.md#absorbing-a-register), all or nothing.
struct AbsorbCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "absorb",
        abstract: "Take in another register, with its whole history, under a unit of this one from a date.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The other register's file.") var other: String
    @Option(help: "The unit its root bloc comes under.") var under: String
    @Option(help: "The day it joins.") var on: String
    @Option(help: "Written before each of its unit and member codes that clash with this register's.") var prefix: String?
    @Flag(help: "Check everything and print what would happen, writing nothing.") var dryRun = false

    func execute() throws {
        let register = try openRegister()
        let day = try day(on, option: "--on")
        do {
            let report = try register.absorb(other, under: under, on: day, prefix: prefix, dryRun: dryRun)
            Says.absorbed(report).forEach(say)
        } catch let refused as ImportRefused {
            try ImportProblemOutput.fail(refused.report, global.language)
        }
    }
}
