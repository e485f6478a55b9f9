import ArgumentParser
import Foundation
import RegisterStore
import UnionRegister

/// `sodoan import members|grades|trainings FILE.csv [--dry-run]`: spreadsheets in, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import members, grades or trainings from a CSV file, all or nothing.",
        subcommands: [Members.self, Grades.self, Trainings.self])

    /// What the three imports share: the file, `--dry-run`, and how the outcome is shown.
    struct Options: ParsableArguments {
        @Argument(help: "The CSV file (UTF-8, comma or semicolon separated, header row first).")
        var file: String

        @Flag(help: "Check every row and report what would change, writing nothing.")
        var dryRun = false
    }

    struct Members: ImportRun {
        static let configuration = CommandConfiguration(
            abstract: "Import members (columns: code, full_name, birth_date, gender, unit, joined_on, education, …).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Options

        func perform(_ register: Register, progress: ((BulkProgress) -> Void)?) throws -> ImportReport {
            try register.importMembers(from: options.file, dryRun: options.dryRun, today: today, progress: progress)
        }
    }

    struct Grades: ImportRun {
        static let configuration = CommandConfiguration(
            abstract: "Import yearly grades (columns: code, year, grade).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Options

        func perform(_ register: Register, progress: ((BulkProgress) -> Void)?) throws -> ImportReport {
            try register.importGrades(from: options.file, dryRun: options.dryRun, today: today, progress: progress)
        }
    }

    struct Trainings: ImportRun {
        static let configuration = CommandConfiguration(
            abstract: "Import training records (columns: code, kind, started, completed, provider, certificate, result).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Options

        func perform(_ register: Register, progress: ((BulkProgress) -> Void)?) throws -> ImportReport {
            try register.importTrainings(from: options.file, dryRun: options.dryRun, today: today, progress: progress)
        }
    }
}

/// One import subcommand: opens the register, runs the import, prints the outcome. Problems
/// go to stderr, one per line as `file:line: column: reason`, and exit 65 (CLI.md).
protocol ImportRun: RegisterCommand {
    var options: ImportCommand.Options { get }
    func perform(_ register: Register, progress: ((BulkProgress) -> Void)?) throws -> ImportReport
}

extension ImportRun {
    /// How many problems or warnings are printed before "and N more".
    static var listed: Int { 100 }

    func execute() throws {
        let register = try openRegister()
        let progress = ProgressLine(language: global.language)
        let report: ImportReport
        do {
            report = try perform(register, progress: progress?.show)
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
        if options.dryRun {
            print(vi ? "Chạy thử \(report.file) — \(counts). Chưa ghi gì vào sổ." : "Dry run of \(report.file) — \(counts). Nothing was written.")
        } else {
            print(vi ? "Đã nhập \(report.file) — \(counts)." : "Imported \(report.file) — \(counts).")
        }
    }

    private func fail(_ report: ImportReport) throws -> Never {
        let vi = global.language == .vi
        show(report.problems, heading: vi ? "Lỗi" : "Error")
        let count = report.problems.count
        FileHandle.standardError.write(Data((vi
            ? "\(count) lỗi trong \(report.file); không ghi gì vào sổ. Sửa tệp rồi nhập lại.\n"
            : "\(count) problem\(count == 1 ? "" : "s") in \(report.file); nothing was written. Fix the file and import it again.\n").utf8))
        throw ExitCode(65)
    }

    private func show(_ problems: [ImportProblem], heading: String) {
        guard !problems.isEmpty else { return }
        var lines = problems.prefix(Self.listed).map { problem in
            "\(heading): \(problem.file):\(problem.line): \(problem.column.map { $0 + ": " } ?? "")\(problem.message(global.language))"
        }
        if problems.count > Self.listed {
            let more = problems.count - Self.listed
            lines.append(global.language == .vi ? "… và \(more) dòng nữa." : "… and \(more) more.")
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
