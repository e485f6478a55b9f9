import Foundation
import GRDB
import UnionRegister

/// One run of `import members` over an open transaction.
///
/// Every row is read and checked with the rules `member add` and `member update` use; all
/// problems are collected, none stops the reading. Rows are written as they come, through
/// cached prepared statements; the caller rolls the transaction back when the report has
/// problems, so a bad row anywhere means nothing is written. Memory stays flat apart from
/// the codes and ID numbers seen in the file, which it must remember to report a duplicate
/// with the line of its first occurrence.
struct MemberImport: RowImport {
    var report: ImportReport
    private var units: [String: (id: Int64, unit: UnionRegister.Unit)] = [:]
    /// Members with an id up to this one were in the register before the import.
    private var lastIDBefore: Int64 = 0
    private var codesInFile: [String: Int] = [:]
    private var idNumbersInFile: [String: Int] = [:]

    private let fileSize: Int

    /// The trigger that adds each new member to the name search index (schema.sql,
    /// migration 3). Row by row it doubles the cost of a large import, so the import drops
    /// it inside its transaction, indexes the new members in one statement at the end, and
    /// puts the same trigger back: all in one transaction, so a failed or killed import
    /// leaves both the trigger and the index as they were.
    private static let searchTrigger = "member_name_search_insert"
    private var searchTriggerSQL: String?
    /// Secondary indexes nothing reads while members are loaded into a register that has
    /// none yet. Such a load drops them inside its transaction and builds each once at the
    /// end, from sorted keys, instead of inserting a million keys in random order; the
    /// UNIQUE indexes (code, national ID) stay, as they are the duplicate checks. Into a
    /// register with members, the import reads these indexes and leaves them alone.
    private static let deferredIndexes = ["member_sort", "member_search", "member_code_nocase",
                                          "membership_event_member", "membership_event_day"]
    private var deferredIndexSQL: [String] = []

    init(file: String) {
        fileSize = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
        report = ImportReport(file: file)
    }

    static let action = "member.import"

    /// Which column a refusal of a domain rule points at.
    static let ruleColumns: [RuleCode: MemberColumn] = [
        .admissionAge: .birthDate, .admissionEducation: .education, .memberUnitKind: .unit,
        .memberUnitOpen: .unit, .eventOrder: .joinedOn, .arrivalBeforeAdmission: .arrivedOn, .temporaryPeriod: .temporaryUntil,
    ]

    mutating func prepare(in tx: WriteTransaction) throws {
        let db = tx.db
        for row in try Row.fetchAll(db, sql: "SELECT \(UnitTable.columns) FROM \(UnitTable.from)") {
            units[row["code"]] = (row["id"], UnitTable.unit(from: row))
        }
        lastIDBefore = try MemberTable.lastID(in: db)
        // About 100 bytes a row: room for every code and ID number without rehashing.
        codesInFile.reserveCapacity(fileSize / 100)
        idNumbersInFile.reserveCapacity(fileSize / 100)
        if let trigger = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                                     arguments: [Self.searchTrigger]) {
            searchTriggerSQL = trigger
            try db.execute(sql: "DROP TRIGGER \(Self.searchTrigger)")
        }
        if lastIDBefore == 0 {
            for name in Self.deferredIndexes {
                guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                                                    arguments: [name]) else { continue }
                deferredIndexSQL.append(sql)
                try db.execute(sql: "DROP INDEX \(name)")
            }
        }
        // 64 MiB of page cache (the default is 2 MiB) keeps the member indexes, which a large
        // file fills in random order, in memory instead of re-reading them for every row.
        try db.execute(sql: "PRAGMA cache_size = -65536")
    }

    mutating func finish(in tx: WriteTransaction) throws {
        let db = tx.db
        for sql in deferredIndexSQL { try db.execute(sql: sql) }
        guard let searchTriggerSQL else { return }
        try db.execute(sql: "INSERT INTO member_name_search (rowid, search_name) SELECT id, search_name FROM member WHERE id > ?",
                       arguments: [lastIDBefore])
        try db.execute(sql: searchTriggerSQL)
    }

    /// Parses the row as a new member and checks the admission rules, on the reading thread.
    func preparer(for tx: WriteTransaction) -> @Sendable (CSVRow<MemberColumn>) -> MemberDraft {
        let cache = MemberDraft.Cache(), units = units, today = tx.today
        return { row in MemberDraft(row, units: units, today: today, cache: cache) }
    }

    mutating func importRow(_ row: CSVRow<MemberColumn>, in tx: WriteTransaction) throws {
        try importRow(row, prepared: preparer(for: tx)(row), in: tx)
    }

    mutating func importRow(_ row: CSVRow<MemberColumn>, prepared draft: MemberDraft, in tx: WriteTransaction) throws {
        let code = try row.required(.code)
        if let first = codesInFile.updateValue(row.line, forKey: code) {
            throw row.problem(.code, Text(vi: "Mã \(code) đã xuất hiện ở dòng \(first) của tệp.",
                                          en: "The code \(code) already appears on line \(first) of the file."))
        }
        // A register empty before the import has nobody to update or to be a duplicate of.
        let existing = lastIDBefore > 0 ? try? MemberTable.find(code, in: tx.db) : nil
        // The draft read the row as a new member; an existing one keeps the optional fields
        // the file has no column for, so their row is read again with those.
        let (member, unitCode, arrival) = try existing.map { try row.member(existing: $0.member) { VietnameseText.normalized($1) } }
            ?? draft.parsed.get()
        guard let unit = units[unitCode] else { throw row.problem(.unit, RegisterError.unknownUnit(unitCode).message) }
        if let idNumber = member.idNumber, let first = idNumbersInFile.updateValue(row.line, forKey: idNumber) {
            throw row.problem(.idNumber, Text(vi: "Số CCCD \(idNumber) đã xuất hiện ở dòng \(first) của tệp.",
                                              en: "National ID \(idNumber) already appears on line \(first) of the file."))
        }
        if let (id, old) = existing {
            try update(id: id, from: old, to: member, entry: Arrival.entry(of: member, into: unitCode, arrival), row: row, in: tx)
        } else {
            if let refusal = draft.refusal { throw refusal }
            try add(member, keys: draft.keys ?? MemberTable.NameKeys(member.fullName), into: unit,
                    entry: Arrival.entry(of: member, into: unitCode, arrival), row: row, in: tx)
        }
    }

    /// A new member and the event that brings them in, already checked by the draft.
    private mutating func add(_ member: Member, keys: MemberTable.NameKeys, into unit: (id: Int64, unit: UnionRegister.Unit),
                              entry: MembershipEvent, row: CSVRow<MemberColumn>, in tx: WriteTransaction) throws {
        if lastIDBefore > 0 {
            try tx.refuseDuplicate(member, exceptID: nil)
            if let other = try MemberTable.namesake(searchName: keys.search, birthDate: member.birthDate, upToID: lastIDBefore, in: tx.db) {
                report.warnings.append(row.problem(.fullName, Text(
                    vi: "Có thể trùng người: \(member.fullName), sinh \(member.birthDate), đã có trong sổ với mã \(other).",
                    en: "Likely duplicate: \(member.fullName), born \(member.birthDate), is already in the register as \(other).")))
            }
        }
        report.added += 1
        try tx.admit(member, to: unit, by: entry, keys: keys)
    }

    /// An existing member's row: unchanged, or an audited update of their facts. The `unit`
    /// and arrival columns say how the member came into the register (what `export
    /// members` writes, so a file of admissions re-imports unchanged after the members have
    /// moved); import never moves members: transfers are `import events` or `member transfer`.
    private mutating func update(id: Int64, from old: Member, to new: Member, entry: MembershipEvent,
                                 row: CSVRow<MemberColumn>, in tx: WriteTransaction) throws {
        let first = try EventTable.history(memberID: id, in: tx.db).events.first
        // An admission moves with the joining day; an arrival's day is its own.
        guard let first, first.unitCode == entry.unitCode, first.kind == entry.kind,
              first.kind == .admitted || (first.on == entry.on && first.place == entry.place && first.until == entry.until) else {
            let was = first.map { "\($0.kind.name.vi) \($0.unitCode) ngày \($0.on)" } ?? "?"
            let wasEN = first.map { "\($0.kind.name.en) \($0.unitCode) on \($0.on)" } ?? "?"
            throw row.problem(.unit, Text(
                vi: "Đoàn viên \(old.code) vào sổ theo \(was), khác dòng này; nhập tệp không chuyển sinh hoạt (dùng `sodoan member transfer`, `sodoan member arrive` hoặc `sodoan import events`).",
                en: "Member \(old.code) came into the register by \(wasEN), not as this row says; an import does not move members (use `sodoan member transfer`, `sodoan member arrive` or `sodoan import events`)."))
        }
        guard new != old else { report.unchanged += 1; return }
        try tx.updateMember(id: id, from: old, to: new)
        report.updated += 1
        try tx.audit(AuditEntry(action: "member.update", memberCode: new.code, oldValue: AuditEntry.json(old), newValue: AuditEntry.json(new)))
    }
}
