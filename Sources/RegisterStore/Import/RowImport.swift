import Foundation
import UnionRegister

/// One kind of import (units, members, events, grades, trainings, discipline, referrals)
/// run over an open transaction: it reads every row, checks it with the same domain rules
/// as the matching command, and writes it, so that each row is judged against the rows
/// before it. The caller commits only a real import with no problem; it rolls back a dry
/// run and any import with a problem, so nothing a refused file wrote is ever kept.
protocol RowImport {
    associatedtype Column: CSVColumns
    /// What the reading thread works out for a row before the importing thread takes it
    /// (`RowPipeline`): parsing and checks that need no database. Void for most imports.
    associatedtype Prepared: Sendable = Void
    /// The audit action of the import's own row, e.g. `member.import`.
    static var action: String { get }
    /// Which column a refusal of a domain rule (by rule code) points at.
    static var ruleColumns: [RuleCode: Column] { get }

    /// A run over the file at `file` (for the problems it reports).
    init(file: String)
    var report: ImportReport { get set }
    /// Loads what every row needs (units, the state before the import); default: nothing.
    mutating func prepare(in tx: WriteTransaction) throws
    /// Checks one row, counts it and writes it through the same writes as the matching
    /// command; throws an `ImportProblem` or a `RegisterError` for a row that cannot be imported.
    mutating func importRow(_ row: CSVRow<Column>, in tx: WriteTransaction) throws
    /// The work done for each row on the reading thread; it may take values from `tx`
    /// (today) but must not touch the database.
    func preparer(for tx: WriteTransaction) -> @Sendable (CSVRow<Column>) -> Prepared
    /// `importRow` with what `preparer()` worked out for the row.
    mutating func importRow(_ row: CSVRow<Column>, prepared: Prepared, in tx: WriteTransaction) throws
    /// Runs after the last row, before the import's audit row; default: nothing.
    mutating func finish(in tx: WriteTransaction) throws
}

extension RowImport {
    mutating func prepare(in tx: WriteTransaction) throws {}
    mutating func finish(in tx: WriteTransaction) throws {}

    mutating func run(_ table: CSVTable<Column>, in tx: WriteTransaction, progress: ImportProgressReporter) throws -> ImportReport {
        try prepare(in: tx)
        let rows = RowPipeline(table, prepare: preparer(for: tx))
        defer { rows.cancel() }
        while let batch = try rows.next() {
            for item in batch.items {
                report.rows += 1
                switch item.row {
                case .failure(let problem):
                    report.problems.append(problem)
                case .success(let row):
                    do {
                        try importRow(row, prepared: item.prepared!, in: tx)
                    } catch let problem as ImportProblem {
                        report.problems.append(problem)
                    } catch let error as RegisterError {
                        // The fix goes with the message: a file's author needs it as much as a typist.
                        let message = error.fix.map { Text(vi: error.message.vi + " " + $0.vi, en: error.message.en + " " + $0.en) }
                        report.problems.append(row.problem(error.rule.flatMap { Self.ruleColumns[$0] }, message ?? error.message))
                    }
                }
                progress.rowDone(report.rows, bytes: batch.bytes)
            }
        }
        try finish(in: tx)
        return report
    }
}

extension RowImport where Prepared == Void {
    func preparer(for tx: WriteTransaction) -> @Sendable (CSVRow<Column>) -> Void { { _ in } }

    mutating func importRow(_ row: CSVRow<Column>, prepared: Void, in tx: WriteTransaction) throws {
        try importRow(row, in: tx)
    }
}

extension Register {
    /// Runs an import of `path` in one write transaction (a file's IMMEDIATE one, or the
    /// engine's). A dry run does the whole
    /// import and rolls it back, so it judges every row exactly as the real import would;
    /// a real import with any problem is rolled back too (throwing `ImportRefused`), and one
    /// without ends with the import's own audit row (file and counts). A file that changes
    /// nothing (every row already kept, or no row at all) writes nothing, not even that row.
    func runImport<Import: RowImport>(_ kind: Import.Type, from path: String, sheet: String?, dryRun: Bool,
                                      progress: ((BulkProgress) -> Void)?) throws -> ImportReport {
        let table: CSVTable<Import.Column>
        do {
            table = try CSVTable<Import.Column>(path: path, sheet: sheet)
        } catch let problem as ImportProblem {
            var refused = ImportReport(file: path)
            refused.problems = [problem]
            throw ImportRefused(report: refused)
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        let reporter = ImportProgressReporter(totalBytes: size, handler: progress)
        var run = Import(file: path)
        let report: ImportReport
        do {
            report = try inTransaction { tx in
                try tx.connection.planForKeyLookups()
                let report = try ContentVersion.suspendingTriggers(in: tx.connection) { try run.run(table, in: tx, progress: reporter) }
                guard !dryRun, report.problems.isEmpty, report.added + report.updated > 0 else { return (report, .rollback) }
                try tx.audit(AuditEntry(action: Import.action, newValue: AuditEntry.json(ImportSummary(report))))
                return (report, .commit)
            }
        } catch let problem as ImportProblem {
            // The file itself cannot be read on (a quote never closed, a read error): every
            // row checked so far is rolled back with it.
            var refused = run.report
            refused.problems.append(problem)
            throw ImportRefused(report: refused)
        }
        if !dryRun && !report.problems.isEmpty { throw ImportRefused(report: report) }
        return report
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
