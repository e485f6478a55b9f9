import ArgumentParser
import Foundation
import PostgresStore
import RegisterStore
import RegisterViews
import UnionRegister

/// A command that works on a register. `run()` opens nothing itself: it calls `execute`,
/// and turns a refusal into a message on stderr and the exit status of docs/CLI.md
/// (1 a rule refused, 65 bad input data, 66 register or input file missing, 74 the
/// register cannot be read or written now).
protocol RegisterCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func execute() throws
}

extension RegisterCommand {
    func run() throws {
        try reportingRefusals(global.language, execute)
    }

    /// Opens the register named by --db / $SODOAN_DB, a file or a PostgreSQL database
    /// (docs/CLI.md#where-the-register-is).
    func openRegister() throws -> Register {
        try openRegister(at: global.location())
    }

    /// Opens the register at `location`, a file or a PostgreSQL database (`absorb`'s other
    /// register as well as --db's), recording this command line for the audit log.
    func openRegister(at location: RegisterLocation) throws -> Register {
        switch location {
        case .file(let path): return try Register.open(at: path, command: CommandLine.commandForAudit)
        case .postgres(let address): return try PostgresRegister.open(at: address, command: CommandLine.commandForAudit)
        }
    }

    /// Parses a date option (`YYYY-MM-DD` or `DD/MM/YYYY`); a malformed date is bad
    /// input data (exit 65), like any other bad value.
    func day(_ text: String, option: String) throws -> Day {
        guard let day = Day(parsing: text) else { throw RegisterError.badDate(text, field: option) }
        return day
    }

    /// `--on`-style options that default to today.
    func day(_ text: String?, option: String, default fallback: Day) throws -> Day {
        guard let text else { return fallback }
        return try day(text, option: option)
    }

    var today: Day { Day.today() }

    /// Writes to stdout through `OutputText.safe`: no value reaches the terminal raw.
    func print(_ text: String) {
        let text = OutputText.safe(text)
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// Runs `body`, turning a refusal into a message on stderr and the exit status of
/// docs/CLI.md (1 a rule refused, 65 bad input data, 66 register or input file missing).
func reportingRefusals<T>(_ language: Language, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RegisterError {
        let prefix = language == .vi ? "Lỗi" : "Error"
        let rule = error.rule.map { " [\($0)]" } ?? ""
        FileHandle.standardError.write(Data("\(prefix)\(rule): \(OutputText.safe(error.text(language)))\n".utf8))
        throw ExitCode(exitStatus(for: error.kind))
    }
}

func exitStatus(for kind: RegisterError.Kind) -> Int32 {
    switch kind {
    case .ruleRefused: return 1
    case .badInput: return 65
    case .missingFile: return 66
    case .storageFailed: return 74
    }
}

extension CommandLine {
    /// `sodoan member add --unit CD01 --name 'Nguyễn Văn An' …`: what the audit log
    /// records as the command, quoted so it can be read back unambiguously.
    static var commandForAudit: String {
        (["sodoan"] + arguments.dropFirst().map(shellQuoted)).joined(separator: " ")
    }

    private static func shellQuoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy {
            !$0.properties.isWhitespace && !"'\"\\$`;&|<>()*?[]{}!#~".unicodeScalars.contains($0)
        }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
