import ArgumentParser
import RegisterStore
import UnionRegister

/// `sodoan report annual|period`: the year-end figures read at the review conference.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Year-end figures of a unit and every unit below it, as of any period.",
        subcommands: [Annual.self, Period.self, Summary.self, Trend.self])

    /// What both reports take besides the period.
    struct Options: ParsableArguments {
        @Option(help: "The unit to report on, with everything below it (default: the root bloc).")
        var unit: String?

        @Option(help: "Output format: text, md, html, csv, json or xlsx.")
        var format: OutputFormat = .text

        @Option(help: "The workbook --format xlsx writes (required with it).")
        var output: String?

        func validate() throws { try WorkbookOutput.validate(format, output: output) }
    }

    struct Annual: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "annual", abstract: "Figures of a calendar year (1 January to 31 December).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The year, e.g. 2024.") var year: Int
        @OptionGroup var options: Options

        /// The HTML document ends with the trend charts of the five years up to this one.
        static let trendYears = 5

        func execute() throws {
            try ReportCommand.report(try ReportPeriod.year(year), options: options, command: self,
                                     trendYears: options.format == .html ? (year - Self.trendYears + 1)...year : nil)
        }
    }

    struct Period: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "period", abstract: "Figures of any period, both days included.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The first day counted.") var from: String
        @Option(help: "The last day counted.") var to: String
        @OptionGroup var options: Options

        func execute() throws {
            let period = try ReportPeriod(from: try day(from, option: "--from"), to: try day(to, option: "--to"))
            try ReportCommand.report(period, options: options, command: self)
        }
    }

    /// Prints the report, then refuses (exit 1, the units named on stderr) when any unit
    /// does not balance: the figures are printed so the damage can be looked at, but no
    /// script may take them for good ones.
    static func report(_ period: ReportPeriod, options: Options, command: some RegisterCommand,
                       trendYears: ClosedRange<Int>? = nil) throws {
        let register = try command.openRegister()
        let report = try register.yearEndReport(unitCode: options.unit, period: period)
        let trend = try trendYears.map { years in
            YearlyFigures(reports: try register.yearEndReports(unitCode: options.unit, years: Array(years)))
        }
        let view = ReportView(report: report, language: command.global.language, trend: trend)
        if let output = options.output {
            try WorkbookOutput.write(try view.workbook(), to: output)
        } else {
            command.print(try view.render(options.format))
        }
        if let failure = report.balance.failure { throw failure }
    }

    struct Summary: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract: "The year's figures as the sentences of the review conference, compared with earlier years.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The year, e.g. 2025.") var year: Int
        @Option(help: "The unit to report on, with everything below it (default: the root bloc).") var unit: String?
        @Option(help: "Compare with this many previous years (0 to 10).") var compare = 1
        @Option(help: "Output format: text, md, html or json.") var format: OutputFormat = .text

        func validate() throws {
            guard (0...10).contains(compare) else { throw ValidationError("--compare takes 0 to 10 years.") }
            guard format != .csv, format != .xlsx else { throw ValidationError("--format takes text, md, html or json here.") }
        }

        func execute() throws {
            let register = try openRegister()
            let reports = try register.yearEndReports(unitCode: unit, years: (0...compare).map { year - $0 })
            let summary = ReportSummary(current: reports[0], earlier: Array(reports.dropFirst()))
            print(try SummaryView(summary: summary, fingerprint: reports[0].fingerprint, language: global.language).render(format))
        }
    }

    struct Trend: RegisterCommand {
        static let configuration = CommandConfiguration(
            commandName: "trend",
            abstract: "Members, admissions and referrals year by year, as a table or as charts (svg, html, md).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The first year.") var fromYear: Int
        @Option(help: "The last year.") var toYear: Int
        @Option(help: "The unit to report on, with everything below it (default: the root bloc).") var unit: String?
        @Option(help: "Output format: text, csv, json, md, html or svg.") var format: TrendFormat = .text

        func validate() throws {
            guard fromYear <= toYear, toYear - fromYear < 30 else { throw ValidationError("--from-year must be before --to-year, at most 30 years apart.") }
        }

        func execute() throws {
            let register = try openRegister()
            let trend = YearlyFigures(reports: try register.yearEndReports(unitCode: unit, years: Array(fromYear...toYear)))
            print(try TrendView(trend: trend, language: global.language).render(format))
        }
    }
}
