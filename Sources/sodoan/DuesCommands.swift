import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

/// `sodoan dues …`: Union dues (đoàn phí): rates, payments, exemptions, who owes, and what
/// each level collected, kept and sent up.
struct DuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dues",
        abstract: "Union dues: rates, payments, exemptions, who owes and what each level keeps and sends up.",
        subcommands: [Start.self, Rate.self, Class.self, Pay.self, Exempt.self, Status.self, Report.self])

    struct Start: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Set the month the register keeps dues from (nobody owes for months before it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The month, YYYY-MM or MM/YYYY.") var month: String

        func execute() throws {
            let month = try self.month(month, option: "MONTH")
            try openRegister().setDuesKeptFrom(month)
            say(Says.duesStart(month))
        }
    }

    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rate", abstract: "Show or set the monthly rates.", subcommands: [Show.self, Set.self])

        struct Show: RegisterCommand {
            static let configuration = CommandConfiguration(
                commandName: "show", abstract: "Every rate kept, by class and start month.")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var output: DataFormatOption

            func execute() throws {
                print(try DuesView.rates(try openRegister().duesSchedule(), output.format, global.language))
            }
        }

        struct Set: RegisterCommand {
            static let configuration = CommandConfiguration(
                commandName: "set", abstract: "Set a class's monthly rate from a month on.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "unsalaried, salaried or abroad.") var duesClass: DuesClass
            @Argument(help: "The monthly amount in whole đồng, e.g. 5000 or 5.000.") var amount: String
            @Option(help: "The first month at this rate.") var from: String

            func execute() throws {
                let rate = DuesRate(duesClass, from: try month(from, option: "--from"), amount: try money(amount, option: "AMOUNT"))
                try openRegister().setDuesRate(rate)
                say(Says.duesRateSet(rate))
            }
        }
    }

    struct Class: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "class", abstract: "Set a member's dues class from a month on.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Argument(help: "unsalaried, salaried or abroad.") var duesClass: DuesClass
        @Option(help: "The first month in this class.") var from: String

        func execute() throws {
            let change = DuesClassChange(duesClass, from: try month(from, option: "--from"))
            try openRegister().setDuesClass(code, change)
            say(Says.duesClassSet(change, of: code))
        }
    }

    struct Pay: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "pay",
            abstract: "Record a payment covering the months through a month (ahead too); the amount defaults to the rates in force.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The last month the payment covers.") var through: String
        @Option(help: "The amount in whole đồng (default: what the months cost).") var amount: String?
        @Option(help: "The day the branch received it (default: today).") var on: String?

        func execute() throws {
            let payment = try openRegister().payDues(code, through: try month(through, option: "--through"),
                                                     amount: try amount.map { try money($0, option: "--amount") },
                                                     on: try day(on, option: "--on", default: today))
            say(Says.duesPaid(payment, by: code))
        }
    }

    struct Exempt: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "exempt",
            abstract: "Record the committee's exemption of a member in hardship, at most 6 months at a time.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's code.") var code: String
        @Option(help: "The first month exempt.") var from: String
        @Option(help: "The last month exempt.") var to: String
        @Option(help: "The number of the committee's decision.") var decision: String
        @Option(help: "Why the member is exempt.") var reason: String

        func execute() throws {
            let exemption = DuesExemption(from: try month(from, option: "--from"), to: try month(to, option: "--to"),
                                          decisionNo: decision, reason: reason)
            try openRegister().exemptDues(code, exemption)
            say(Says.duesExempt(exemption, of: code))
        }
    }

    struct Status: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Per active member: paid through, months behind, exempt months; --owing N keeps those N or more months behind.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Members of this unit and the units below it (default: the whole register).") var unit: String?
        @Option(help: "The day to look at (default: today).") var asOf: String?
        @Option(help: "Only members at least this many months behind (3: the grounds for removal).") var owing: Int?
        @OptionGroup var output: DataFormatOption

        func validate() throws {
            if let owing, !(1...1200).contains(owing) { throw ValidationError("--owing takes a number of months from 1 to 1200.") }
        }

        func execute() throws {
            let day = try day(asOf, option: "--as-of", default: today)
            let standings = try openRegister().duesStandings(unitCode: unit, on: day)
                .filter { standing in owing.map { standing.account.behind(on: day).count >= $0 } ?? true }
            print(try DuesView.status(standings, on: day, output.format, global.language))
        }
    }

    struct Report: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Per unit and rolled up: dues collected, received from below, kept and sent up over months.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The first month counted.") var from: String
        @Option(help: "The last month counted.") var to: String
        @Option(help: "The unit to report on, with everything below it (default: the root bloc).") var unit: String?
        @Option(help: "Output format: text, md, html, csv or json.") var format: OutputFormat = .text

        func execute() throws {
            let period = try ReportPeriod(from: try month(from, option: "--from").firstDay, to: try month(to, option: "--to").lastDay)
            let (flow, fingerprint) = try openRegister().duesReport(unitCode: unit, period: period)
            print(try DuesView.report(flow, period: period, fingerprint: fingerprint, format, global.language))
        }
    }
}

extension DuesClass: ExpressibleByArgument {
    public init?(argument: String) { self.init(codeOrName: argument) }
}

extension RegisterCommand {
    /// Parses a month option (`YYYY-MM` or `MM/YYYY`); a malformed one is bad input (65).
    func month(_ text: String, option: String) throws -> Month {
        guard let month = Month(parsing: text) else {
            throw RegisterError.badInput(Text(vi: "\(option): \"\(text)\" không phải tháng hợp lệ.",
                                              en: "\(option): \"\(text)\" is not a valid month."),
                                         fix: Text(vi: "Viết tháng dạng YYYY-MM hoặc MM/YYYY.", en: "Write months as YYYY-MM or MM/YYYY."))
        }
        return month
    }

    /// Parses an amount of đồng (`Amount.parse`); anything else is bad input (65).
    func money(_ text: String, option: String) throws -> Int64 {
        guard let amount = Amount.parse(text) else {
            throw RegisterError.badInput(Text(vi: "\(option): \"\(text)\" không phải số tiền hợp lệ (số đồng nguyên dương).",
                                              en: "\(option): \"\(text)\" is not a valid amount (a whole positive number of đồng)."))
        }
        return amount
    }
}
