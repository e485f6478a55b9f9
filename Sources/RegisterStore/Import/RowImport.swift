import Foundation
import GRDB
import UnionRegister

/// What every run of an import is given: the register it writes to, today (the rules
/// refuse dates after it), the clock (for audit rows) and the file it reads.
struct ImportContext {
    let register: Register
    let today: Day
    let now: Date
    let file: String

    /// Writes the audit row of one record the import changed, beside the import's own.
    func audit(_ entry: AuditEntry, in db: Database) throws {
        try entry.insert(db, command: register.command, actor: register.actor, at: now)
    }
}

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
    static var ruleColumns: [String: Column] { get }

    init(_ context: ImportContext)
    var context: ImportContext { get }
    var report: ImportReport { get set }
    /// Loads what every row needs (units, the state before the import); default: nothing.
    mutating func prepare(in db: Database) throws
    /// Checks one row, counts it and writes it; throws an `ImportProblem` or a
    /// `RegisterError` for a row that cannot be imported.
    mutating func importRow(_ row: CSVRow<Column>, in db: Database) throws
    /// The work done for each row on the reading thread; it must not touch the database.
    func preparer() -> @Sendable (CSVRow<Column>) -> Prepared
    /// `importRow` with what `preparer()` worked out for the row.
    mutating func importRow(_ row: CSVRow<Column>, prepared: Prepared, in db: Database) throws
    /// Runs after the last row, before the import's audit row; default: nothing.
    mutating func finish(in db: Database) throws
}

extension RowImport {
    var register: Register { context.register }
    var today: Day { context.today }

    mutating func prepare(in db: Database) throws {}
    mutating func finish(in db: Database) throws {}

    mutating func run(_ table: CSVTable<Column>, in db: Database, progress: ImportProgressReporter) throws -> ImportReport {
        try prepare(in: db)
        let rows = RowPipeline(table, prepare: preparer())
        defer { rows.cancel() }
        while let batch = try rows.next() {
            for item in batch.items {
                report.rows += 1
                switch item.row {
                case .failure(let problem):
                    report.problems.append(problem)
                case .success(let row):
                    do {
                        try importRow(row, prepared: item.prepared!, in: db)
                    } catch let problem as ImportProblem {
                        report.problems.append(problem)
                    } catch let error as RegisterError {
                        report.problems.append(row.problem(error.rule.flatMap { Self.ruleColumns[$0] }, error.message))
                    }
                }
                progress.rowDone(report.rows, bytes: batch.bytes)
            }
        }
        try finish(in: db)
        return report
    }
}

extension RowImport where Prepared == Void {
    func preparer() -> @Sendable (CSVRow<Column>) -> Void { { _ in } }

    mutating func importRow(_ row: CSVRow<Column>, prepared: Void, in db: Database) throws {
        try importRow(row, in: db)
    }
}

extension Register {
    /// Runs an import of `path` in one IMMEDIATE transaction. A dry run does the whole
    /// import and rolls it back, so it judges every row exactly as the real import would;
    /// a real import with any problem is rolled back too (throwing `ImportRefused`), and one
    /// without ends with the import's own audit row (file and counts).
    func runImport<Import: RowImport>(_ kind: Import.Type, from path: String, dryRun: Bool, today: Day, now: Date,
                                      progress: ((BulkProgress) -> Void)?) throws -> ImportReport {
        let table = try CSVTable<Import.Column>(path: path)
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        let reporter = ImportProgressReporter(totalBytes: size, handler: progress)
        var run = Import(ImportContext(register: self, today: today, now: now, file: path))
        var report = ImportReport(file: path)
        try queue.inTransaction(.immediate) { db in
            report = try ContentVersion.suspendingTriggers(in: db) { try run.run(table, in: db, progress: reporter) }
            guard !dryRun, report.problems.isEmpty else { return .rollback }
            try AuditEntry(action: Import.action, newValue: AuditEntry.json(ImportSummary(report))).insert(db, command: command, actor: actor, at: now)
            return .commit
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
