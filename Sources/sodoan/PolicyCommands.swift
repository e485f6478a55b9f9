import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Show or set the register's referral policy values (grade floor, discipline window, age floor, certificate validity).",
        subcommands: [Show.self, Set.self])

    struct Show: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show the policy values in force on a day, with the day each started and its default.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption
        @Option(help: "The day to look at (default: today).") var on: String?

        func execute() throws {
            let register = try openRegister()
            print(try PolicyView.render(try register.policyInForce(on: try day(on, option: "--on", default: today)), output.format, global.language))
        }
    }

    struct Set: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set one policy value from a day on; checks of steps dated before it keep the value in force then.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "min_grade, discipline_window_months, min_age or certificate_valid_months.") var key: Policy.Key
        @Argument(help: "The new value.") var value: String
        @Option(help: "The first day the value holds (default: today).") var from: String?

        func execute() throws {
            let register = try openRegister()
            let day = try day(from, option: "--from", default: today)
            let policy = try register.setPolicy(key, to: value, from: day)
            say(Says.policySet(key, policy.value(of: key), from: day))
        }
    }
}

extension Policy.Key: ExpressibleByArgument {}
