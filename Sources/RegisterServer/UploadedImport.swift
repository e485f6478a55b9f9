import Foundation
import RegisterStore

/// A file sent to the server, imported as `sodoan import` imports a file: written under its
/// safe name (`DataPages.safeName`, so the report names it and a workbook is told by its
/// name or its ZIP content) in a new temporary folder only this user may read (the rows
/// are personal data), imported or dry-run through the account's `ScopedRegister`, and
/// removed whatever happens; the report names the file by that name, never the server's
/// temporary path. Used by the `/import` page and `POST /api/import`.
enum UploadedImport {
    /// The report, with its problems when the import was refused (nothing written then).
    static func run(_ register: ScopedRegister, _ kind: DataKind, bytes: [UInt8], name: String, dryRun: Bool) throws -> ImportReport {
        let folder = FileManager.default.temporaryDirectory.appending(path: "sodoan-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: DataPages.safeName(name)).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var report: ImportReport
        do {
            report = try register.importFile(kind, from: path, dryRun: dryRun)
        } catch let refused as ImportRefused {
            report = refused.report
        }
        // The report names the file as it was sent, not the server's temporary path.
        let sent = URL(fileURLWithPath: path).lastPathComponent
        report.file = sent
        report.problems = report.problems.map { var problem = $0; problem.file = sent; return problem }
        report.warnings = report.warnings.map { var warning = $0; warning.file = sent; return warning }
        return report
    }
}
