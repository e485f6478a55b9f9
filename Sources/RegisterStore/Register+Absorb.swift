import Foundation
import UnionRegister

/// What `absorb` did, or with `--dry-run` would do.
public struct AbsorbReport: Sendable, Equatable {
    /// The other register (its file, or its PostgreSQL address), the unit it joins under, and the day.
    public var file: String
    public var under: String
    public var on: Day
    public var dryRun: Bool
    /// The other register's codes written with the prefix (only those that clashed).
    public var codes: Absorption.CodeMap
    /// The other register's root units, as written here, moved under `under` on `on`.
    public var moved: [String]
    /// Rows taken in, by kind, in `DataKind` order (kinds with none left out).
    public var added: [Count]
    /// Members of the other register who are likely people this one already holds (by
    /// name and birth date; the same national ID number is refused).
    public var likelyDuplicates: [Absorption.LikelyDuplicate]

    public struct Count: Sendable, Equatable {
        public var kind: DataKind
        public var rows: Int
    }
}

extension Register {
    /// Takes in the register at `otherPath` under the unit `underCode` from `day`
    /// (docs/DOMAIN.md#one-register-absorbs-another): every kind of its data goes through
    /// the imports of `DataKind` (the same rules as `import`), with the codes that clash
    /// with this register's prefixed by `prefix` (refused without one), then its root
    /// units still open that day move under `underCode` that day. All or nothing, in one
    /// transaction with one audit row for the absorb; a dry run does it all and rolls it back.
    /// A problem in the other register's data is refused as an import is (`ImportRefused`),
    /// naming the other file, the kind and the line of its export.
    public func absorb(_ otherPath: String, under underCode: String, on day: Day, prefix: String?, dryRun: Bool) throws -> AbsorbReport {
        try refuseAbsorbingItself(otherPath)
        return try absorb(Register.open(at: otherPath, command: command, actor: actor, clock: clock),
                          under: underCode, on: day, prefix: prefix, dryRun: dryRun)
    }

    /// `absorb` of a register already opened, a file or another engine's, into this one, a
    /// file or another engine's: the other is only read, through the engine-neutral surface
    /// (its export, in one read of each kind), and everything is written through this one's
    /// imports, so any pair of engines gives the same result (docs/CLI.md#absorbing-a-register).
    public func absorb(_ other: Register, under underCode: String, on day: Day, prefix: String?, dryRun: Bool) throws -> AbsorbReport {
        try refuseAbsorbingItself(other.path)
        let otherPath = other.path
        // One read: the people, the roots and the units of one state of the other register.
        let (theirs, theirRoots, theirUnits) = try other.readSQL { db in
            (try Self.people(in: db), try Self.codes("SELECT code FROM unit WHERE parent_id IS NULL ORDER BY id", in: db),
             try Self.codes("SELECT code FROM unit ORDER BY id", in: db))
        }
        let folder = FileManager.default.temporaryDirectory.appending(path: "sodoan-absorb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        // The files hold personal data: they live only as long as the absorb.
        defer { try? FileManager.default.removeItem(at: folder) }
        return try inTransaction { tx in
            _ = try UnitTable.find(underCode, in: tx.connection)
            let ours = try Self.people(in: tx.connection)
            let codes = try Absorption.CodeMap(theirUnits: theirUnits, theirMembers: theirs.map(\.code),
                                               ourUnits: Set(try Self.codes("SELECT code FROM unit", in: tx.connection)),
                                               ourMembers: Set(ours.map(\.code)), prefix: prefix)
            let duplicates = Absorption.likelyDuplicates(ours: ours, theirs: theirs)
            try Absorption.refuseSamePerson(duplicates)
            var report = AbsorbReport(file: otherPath, under: underCode, on: day, dryRun: dryRun, codes: codes, moved: [], added: [],
                                      likelyDuplicates: duplicates.filter { $0.reason == .nameAndBirthDate })
            try ContentVersion.suspendingTriggers(in: tx.connection) {
                for kind in DataKind.allCases {
                    let file = folder.appending(path: kind.rawValue + ".csv").path
                    try other.writeAbsorbed(kind, codes: codes, to: file)
                    var imported = try Self.importAbsorbed(kind.importer, from: file, in: tx)
                    guard imported.problems.isEmpty else {
                        // The other register's export of that kind holds the same lines.
                        imported.file = "\(otherPath) (\(kind.rawValue))"
                        imported.problems = imported.problems.map { var problem = $0; problem.file = imported.file; return problem }
                        throw ImportRefused(report: imported)
                    }
                    if imported.added + imported.updated > 0 { report.added.append(.init(kind: kind, rows: imported.added + imported.updated)) }
                }
            }
            let roots = theirRoots.map(codes.unit)
            var open: [String] = []
            for root in roots where try UnitTable.find(root, in: tx.connection).unit.closedOn.map({ $0 > day }) ?? true { open.append(root) }
            // With no root open that day, the first one's move gives the refusal that says so.
            for root in open.isEmpty ? Array(roots.prefix(1)) : open {
                _ = try tx.moveUnit(root, under: underCode, on: day)
                report.moved.append(root)
            }
            try tx.audit(AuditEntry(action: "register.absorb", unitCode: underCode, newValue: AuditEntry.json(AbsorbAudit(report))))
            return (report, dryRun ? .rollback : .commit)
        }
    }

    /// Every member's code, name, birth date and national ID number.
    private static func people(in db: any SQLConnection) throws -> [Absorption.Person] {
        try db.rows("SELECT code, full_name, birth_date, id_number FROM member ORDER BY code", .none).map {
            Absorption.Person(code: try $0.text("code"), fullName: try $0.text("full_name"),
                              birthDate: try StoredValue.optionalDay($0, "birth_date"), idNumber: try $0.optionalText("id_number"))
        }
    }

    /// The codes a query of one `code` column gives, in its order.
    private static func codes(_ sql: String, in db: any SQLConnection) throws -> [String] {
        try db.rows(sql, .none).map { try $0.text("code") }
    }

    /// The other register is this one (the same file, however named, or the same address).
    private func refuseAbsorbingItself(_ otherPath: String) throws {
        guard URL(fileURLWithPath: otherPath).resolvingSymlinksInPath().path != URL(fileURLWithPath: path).resolvingSymlinksInPath().path else {
            throw RegisterError.badInput(Text(vi: "Không thể nhập một sổ vào chính nó (\(otherPath)).",
                                              en: "A register cannot absorb itself (\(otherPath))."))
        }
    }

    /// Writes this register's export of `kind`, personal data included, to `file` with the
    /// codes of `codes`. Its dues start month and rates are left out: the absorbing
    /// register's own ones hold.
    private func writeAbsorbed(_ kind: DataKind, codes: Absorption.CodeMap, to file: String) throws {
        let header = Register.exportHeader(kind, includePersonal: true)
        let unitColumns: Set<String> = kind == .units ? ["code", "parent"] : ["unit", "parent", "old_parent", "new_parent", "into"]
        let memberColumns: Set<String> = kind == .units || kind == .unitChanges ? [] : ["code"]
        var text = CSVWriter.line(header)
        try export(kind, unitCode: nil, includePersonal: true) { cells in
            if kind == .dues, cells.first == "start" || cells.first == "rate" { return }
            let mapped = zip(header, cells).map { column, cell in
                cell.isEmpty ? cell : unitColumns.contains(column) ? codes.unit(cell) : memberColumns.contains(column) ? codes.member(cell) : cell
            }
            text += CSVWriter.line(mapped)
        }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// Runs the import of `file` inside the absorb's transaction.
    private static func importAbsorbed<Import: RowImport>(_ kind: Import.Type, from file: String, in tx: WriteTransaction) throws -> ImportReport {
        var run = Import(file: file)
        return try run.run(try CSVTable<Import.Column>(path: file), in: tx, progress: ImportProgressReporter(totalBytes: 0, handler: nil))
    }
}

/// What the audit row of an absorb records.
struct AbsorbAudit: Encodable {
    var file: String
    var under: String
    var on: String
    var prefixedUnits: [String: String]
    var prefixedMembers: [String: String]
    var moved: [String]
    var added: [String: Int]

    init(_ report: AbsorbReport) {
        file = report.file
        under = report.under
        on = report.on.description
        prefixedUnits = report.codes.units
        prefixedMembers = report.codes.members
        moved = report.moved
        added = Dictionary(uniqueKeysWithValues: report.added.map { ($0.kind.rawValue, $0.rows) })
    }
}
