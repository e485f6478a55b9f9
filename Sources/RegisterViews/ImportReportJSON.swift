import RegisterStore
import UnionRegister

/// An import's report as `POST /api/import` answers it (docs/CLI.md, "HTTP API"): what was
/// (or, in a dry run, would be) added, updated and unchanged, and every problem and
/// warning with its file, line and column, in the words `sodoan import` prints.
public struct ImportReportJSON: Encodable, Sendable {
    /// One problem or warning. `column` is absent when the whole row (or file, line 0) is
    /// at fault; `sheet` and `cell` only for a workbook.
    public struct Problem: Encodable, Sendable {
        public var file: String
        public var line: Int
        public var column: String?
        public var sheet: String?
        public var cell: String?
        public var message: String

        public init(_ problem: ImportProblem, language: Language) {
            file = problem.file
            line = problem.line
            column = problem.column
            sheet = problem.sheet
            cell = problem.sheetColumn.map { "\($0)\(problem.line)" }
            message = problem.message(language)
        }
    }

    public var file: String
    public var kind: String
    public var dry_run: Bool
    /// True only when the rows are in the register now: no problem, and not a dry run.
    public var written: Bool
    public var rows: Int
    public var added: Int
    public var updated: Int
    public var unchanged: Int
    public var problems: [Problem]
    public var warnings: [Problem]

    public init(_ report: ImportReport, kind: DataKind, dryRun: Bool, language: Language) {
        file = report.file
        self.kind = kind.rawValue
        dry_run = dryRun
        written = report.problems.isEmpty && !dryRun
        rows = report.rows
        added = report.added
        updated = report.updated
        unchanged = report.unchanged
        problems = report.problems.map { Problem($0, language: language) }
        warnings = report.warnings.map { Problem($0, language: language) }
    }
}

/// The sentence that closes a refused import, on the command line and in the API's
/// refusal: how many problems, in which file, and that nothing was written.
public enum ImportWording {
    public static func refused(_ report: ImportReport) -> Text {
        let count = report.problems.count
        return Text(vi: "\(count) lỗi trong \(report.file); không ghi gì vào sổ.",
                    en: "\(count) problem\(count == 1 ? "" : "s") in \(report.file); nothing was written.")
    }

    public static let fix = Text(vi: "Sửa tệp rồi nhập lại.", en: "Fix the file and import it again.")
}
