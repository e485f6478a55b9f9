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

    /// The register file, for the commands this version runs on a file only: a PostgreSQL
    /// register is refused (exit 65) with the way to a file (docs/CLI.md#where-the-register-is).
    func registerPath() throws -> String {
        switch try location() {
        case .file(let path): return path
        case .postgres(let address): throw RegisterError.fileOnly(address)
        }
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

/// The commands this version runs on a PostgreSQL register (docs/CLI.md#where-the-register-is):
/// besides `init`, `copy`, `serve` and `grant` (PostgreSQL only), those whose store
/// operations are engine-neutral, which open their register with `openRegisterOnEitherEngine()`.
enum PostgresCommands {
    static let names = ["init", "copy", "unit add", "unit update", "unit close", "unit list", "unit grade", "unit grades",
                              "unit rename", "unit move", "unit merge", "unit split", "unit history", "member add", "member host",
                              "member show", "member history", "member list", "member update", "member transfer",
                              "member arrive", "member leave", "member away", "member mature", "member remove",
                              "member decease", "member letter", "log", "user add", "user list", "user passwd", "user disable",
                              "grade set", "grade list", "training add", "training list",
                              "discipline add", "office add", "office end", "office list", "dues start", "dues rate show",
                              "dues rate set", "dues class", "dues pay", "dues exempt", "dues status", "policy show", "policy set",
                              "referral check", "referral candidates", "referral nominate", "referral refer-to-class",
                              "referral refer", "referral admit", "referral confirm", "referral reject", "referral withdraw",
                              "referral list", "referral document", "import", "absorb", "export", "check", "serve", "grant"]

    /// Whether the command line `arguments` (`["unit", "list", "--tree"]`) names one of them.
    static func runs(_ arguments: [String]) -> Bool {
        names.contains(arguments.prefix(2).joined(separator: " ")) || arguments.first.map(names.contains) == true
    }

    /// `sodoan init`, `sodoan copy`, … as the refusal lists them.
    static var listed: String { names.map { "`sodoan \($0)`" }.joined(separator: ", ") }
}

extension RegisterError {
    /// A command this version runs on a register file only, given a PostgreSQL register.
    static func fileOnly(_ address: PostgresAddress) -> RegisterError {
        .badInput(Text(
            vi: "Phiên bản sodoan này chỉ chạy lệnh này trên sổ là tệp SQLite; với sổ PostgreSQL \(address) hiện chỉ có \(PostgresCommands.listed).",
            en: "This version of sodoan runs this command on a register file only; on the PostgreSQL register \(address) it runs \(PostgresCommands.listed) only."),
            fix: Text(vi: "Chép sổ ra một tệp (`sodoan copy --from \(address) --to SO.db`) và chạy lệnh trên tệp đó.",
                      en: "Copy the register to a file (`sodoan copy --from \(address) --to REGISTER.db`) and run the command on that file."))
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
