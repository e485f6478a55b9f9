import Foundation
import GRDB
import UnionRegister

/// One kind of import (members, grades, trainings) run over an open transaction: it reads
/// every row, checks it with the domain's rules, and writes it while no problem has been
/// seen. The caller rolls back when the report has problems.
protocol RowImport {
    associatedtype Column: CSVColumns
    /// The audit action of the import's own row, e.g. `member.import`.
    static var action: String { get }
    /// Which column a refusal of a domain rule (by rule code) points at.
    static var ruleColumns: [String: Column] { get }

    init(register: Register, file: String, today: Day, writing: Bool, now: Date)
    var report: ImportReport { get set }
    var writing: Bool { get }
    /// Loads what every row needs (units, the state before the import).
    mutating func prepare(in db: Database) throws
    /// Checks one row, counts it, and writes it when `writes`; throws an `ImportProblem`
    /// or a `RegisterError` for a row that cannot be imported.
    mutating func importRow(_ row: CSVRow<Column>, in db: Database) throws
    /// Runs after the last row, before the import's audit row (default: nothing).
    mutating func finish(in db: Database) throws
}

extension RowImport {
    /// Rows are written only in a real import and only until the first problem.
    var writes: Bool { writing && report.problems.isEmpty }

    mutating func finish(in db: Database) throws {}

    mutating func run(_ table: inout CSVTable<Column>, in db: Database, progress: ImportProgressReporter) throws -> ImportReport {
        try prepare(in: db)
        while let next = try table.next() {
            report.rows += 1
            switch next {
            case .failure(let problem):
                report.problems.append(problem)
            case .success(let row):
                do {
                    try importRow(row, in: db)
                } catch let problem as ImportProblem {
                    report.problems.append(problem)
                } catch let error as RegisterError {
                    report.problems.append(row.problem(error.rule.flatMap { Self.ruleColumns[$0] }, error.message))
                }
            }
            progress.rowDone(report.rows, bytes: table.bytesRead)
        }
        if writes { try finish(in: db) }
        return report
    }
}

extension Register {
    /// Runs an import of `path`: in a read transaction for a dry run, else in one IMMEDIATE
    /// transaction that is rolled back (throwing `ImportRefused`) when any row has a problem,
    /// and otherwise ends with the import's own audit row (file and counts).
    func runImport<Import: RowImport>(_ kind: Import.Type, from path: String, dryRun: Bool, today: Day, now: Date,
                                      progress: ((BulkProgress) -> Void)?) throws -> ImportReport {
        var table = try CSVTable<Import.Column>(path: path)
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        let reporter = ImportProgressReporter(totalBytes: size, handler: progress)
        var run = Import(register: self, file: path, today: today, writing: !dryRun, now: now)
        if dryRun {
            return try read { db in try run.run(&table, in: db, progress: reporter) }
        }
        return try write(now: now) { db in
            let report = try run.run(&table, in: db, progress: reporter)
            guard report.problems.isEmpty else { throw ImportRefused(report: report) }
            return (report, AuditEntry(action: Import.action, newValue: AuditEntry.json(ImportSummary(report))))
        }
    }
}

/// What the audit row of an import records.
struct ImportSummary: Encodable {
    var file: String
    var rows: Int
    var added: Int
    var updated: Int
    var unchanged: Int

    init(_ report: ImportReport) {
        file = report.file
        rows = report.rows
        added = report.added
        updated = report.updated
        unchanged = report.unchanged
    }
}
