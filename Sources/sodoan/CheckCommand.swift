import ArgumentParser
import Foundation
import RegisterStore
import RegisterViews
import UnionRegister

struct CheckCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the register: its storage (integrity, foreign keys, schema), then the domain's consistency rules.",
        discussion: "Exits 1 when it finds an error; warnings alone exit 0.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: DataFormatOption
    @Option(help: "The day to judge ages and open units on (default: today).") var asOf: String?

    struct Item: Encodable {
        var severity, code, subject, message: String
    }

    func execute() throws {
        let findings = try openRegister().check(asOf: try day(asOf, option: "--as-of", default: today))
        let items = findings.map { Item(severity: $0.severity.rawValue, code: $0.code, subject: $0.subject, message: $0.message(global.language)) }
        let errors = findings.filter { $0.severity == .error }.count
        switch output.format {
        case .json: print(try JSONOutput.encode(items))
        case .csv: print(CSVWriter.document(header: ["severity", "code", "subject", "message"], rows: items.map { [$0.severity, $0.code, $0.subject, $0.message] }))
        default:
            for (finding, item) in zip(findings, items) {
                print("\(finding.severity.label(global.language)) [\(item.code)] \(item.subject): \(item.message)")
            }
            say(Says.checkDone(errors: errors, warnings: findings.count - errors))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
