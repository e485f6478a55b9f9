import ArgumentParser
import Foundation
import RegisterStore
import RegisterViews
import UnionRegister

/// `sodoan import KIND FILE.csv|FILE.xlsx [--sheet NAME] [--dry-run]`: spreadsheets in, all or nothing.
struct ImportCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file or an .xlsx workbook into the register, all or nothing.",
        usage: "sodoan import <kind> <file> [--sheet <name>] [--dry-run] [--db <db>]",
        discussion: ImportHelp.text)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What the file holds: units, unit-changes, members, events, offices, grades, trainings, discipline, referrals or dues.")
    var kind: DataKind

    @Argument(help: "The CSV file (UTF-8, comma or semicolon separated, header row first), or an .xlsx workbook (header row first).")
    var file: String

    @Option(help: "The sheet of an .xlsx workbook to read (default: the first).")
    var sheet: String?

    @Flag(help: "Check every row and report what would change, writing nothing.")
    var dryRun = false

    func execute() throws {
        let register = try openRegisterOnEitherEngine()
        let progress = ProgressLine(language: global.language)
        let report: ImportReport
        do {
            report = try register.importFile(kind, from: file, sheet: sheet, dryRun: dryRun, progress: progress?.show)
            progress?.finish()
        } catch let refused as ImportRefused {
            progress?.finish()
            try fail(refused.report)
        }
        show(report.warnings, heading: global.language == .vi ? "Cảnh báo" : "Warning")
        guard report.problems.isEmpty else { try fail(report) }
        let vi = global.language == .vi
        let counts = vi
            ? "\(report.rows) dòng: thêm \(report.added), cập nhật \(report.updated), không đổi \(report.unchanged)"
            : "\(report.rows) rows: \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged"
        if dryRun {
            print(vi ? "Chạy thử \(report.file) — \(counts). Chưa ghi gì vào sổ." : "Dry run of \(report.file) — \(counts). Nothing was written.")
        } else {
            print(vi ? "Đã nhập \(report.file) — \(counts)." : "Imported \(report.file) — \(counts).")
        }
    }

    private func fail(_ report: ImportReport) throws -> Never { try ImportProblemOutput.fail(report, global.language) }

    private func show(_ problems: [ImportProblem], heading: String) {
        ImportProblemOutput.show(problems, heading: heading, global.language)
    }
}
