import ArgumentParser
import Foundation
import RegisterStore
import RegisterViews
import UnionRegister

/// `sodoan absorb OTHER --under CODE --on DATE [--prefix P] [--dry-run]`: another
/// register (a file or a PostgreSQL database) joins this one (a file or a PostgreSQL
/// database) under a unit (docs/CLI.md#absorbing-a-register), all or nothing.
struct AbsorbCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "absorb",
        abstract: "Take in another register, with its whole history, under a unit of this one from a date.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The other register: a file, or postgres://USER@HOST:PORT/NAME.") var other: String
    @Option(help: "The unit its root bloc comes under.") var under: String
    @Option(help: "The day it joins.") var on: String
    @Option(help: "Written before each of its unit and member codes that clash with this register's.") var prefix: String?
    @Flag(help: "Check everything and print what would happen, writing nothing.") var dryRun = false

    /// The other register is refused (exit 64) as --db is: a password in its URL, a malformed one.
    func validate() throws {
        _ = try otherLocation()
    }

    func execute() throws {
        let register = try openRegister()
        let day = try day(on, option: "--on")
        do {
            let report = try register.absorb(openRegister(at: otherLocation()), under: under, on: day, prefix: prefix, dryRun: dryRun)
            Says.absorbed(report).forEach(say)
        } catch let refused as ImportRefused {
            try ImportProblemOutput.fail(refused.report, global.language)
        }
    }

    private func otherLocation() throws -> RegisterLocation {
        try usage(global: global) {
            try RegisterLocation.parse(other, from: .commandLine, environment: ProcessInfo.processInfo.environment)
        }
    }
}
