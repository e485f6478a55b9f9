import ArgumentParser
import RegisterStore
import UnionRegister

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Show or set the register's referral policy values (grade floor, discipline window, age floor, certificate validity).",
        subcommands: [Show.self, Set.self])

    struct Show: RegisterCommand {
        static let configuration = CommandConfiguration(abstract: "Show the policy values in force, with their defaults.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: DataFormatOption

        func execute() throws {
            print(try PolicyView.render(try openRegister().policy(), output.format, global.language))
        }
    }

    struct Set: RegisterCommand {
        static let configuration = CommandConfiguration(abstract: "Set one policy value.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "min_grade, discipline_window_months, min_age or certificate_valid_months.") var key: Policy.Key
        @Argument(help: "The new value.") var value: String

        func execute() throws {
            let policy = try openRegister().setPolicy(key, to: value)
            say(Says.policySet(key, policy.value(of: key)))
        }
    }
}

extension Policy.Key: ExpressibleByArgument {}
