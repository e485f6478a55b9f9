import ArgumentParser
import Foundation
import RegisterStore
import UnionRegister

/// Options every register command takes: which register, which language.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The register: a file, or postgres://USER@HOST:PORT/NAME (default: $SODOAN_DB, else ./sodoan.db).")
    var db: String?

    @Option(name: .long, help: "Language of messages and reports: vi or en.")
    var lang: LanguageOption = .vi

    /// A `--db` that names no register (a password in it, a malformed URL) is a usage
    /// error, refused before anything is opened.
    func validate() throws {
        _ = try location()
    }

    /// The register: --db, else $SODOAN_DB, else ./sodoan.db (`RegisterLocation`).
    func location() throws -> RegisterLocation {
        try usage(global: self) { try RegisterLocation.resolve(option: db, environment: ProcessInfo.processInfo.environment) }
    }

    var language: Language { lang.language }
}

/// Runs `body`, turning a `LocationProblem` into a usage error (exit 64) in the chosen language.
func usage<T>(global: GlobalOptions, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let problem as LocationProblem {
        throw ValidationError(problem.text(global.language))
    }
}

enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case vi, en
    var language: Language { self == .vi ? .vi : .en }
}

/// What a data-printing command writes: a text table, JSON or CSV (and, for reports and
/// documents, Markdown or HTML).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, md, html, xlsx
}

/// The `--format` and `--output` of the lists that also come out as a workbook.
struct ListFormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json, csv or xlsx.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "The workbook --format xlsx writes (required with it).")
    var output: String?

    func validate() throws {
        guard [.text, .json, .csv, .xlsx].contains(format) else {
            throw ValidationError("--format takes text, json, csv or xlsx here.")
        }
        try WorkbookOutput.validate(format, output: output)
    }
}

/// The `--format` option of commands that print data but not documents.
struct DataFormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    func validate() throws {
        guard [.text, .json, .csv].contains(format) else {
            throw ValidationError("--format takes text, json or csv here.")
        }
    }
}
