import Foundation
import GRDB
import UnionRegister

/// One run of `import members` over an open transaction.
///
/// Every row is read and checked with the rules `member add` and `member update` use; all
/// problems are collected, none stops the reading. Rows are written as they come, through
/// cached prepared statements; the caller rolls the transaction back when the report has
/// problems, so a bad row anywhere means nothing is written. Memory stays flat in the
/// number of rows: a row repeating the code or national ID of an earlier one is found by
/// the member table's UNIQUE indexes (or the look-up of an existing member), and the
/// earlier line is read from `ImportLines`; only the rows that could not be written (each
/// already a problem of the report) are remembered here.
struct MemberImport: RowImport {
    var report: ImportReport
    private var units: [String: (id: Int64, unit: UnionRegister.Unit)] = [:]
    /// Members with an id up to this one were in the register before the import.
    private var lastIDBefore: Int64 = 0
    /// Codes and ID numbers of rows that were not written, by line: the register cannot
    /// name those lines for a later row repeating them.
    private var unwrittenCodes: [String: Int] = [:]
    private var unwrittenIDNumbers: [String: Int] = [:]

    /// The triggers that derive data from each new member's rows (schema.sql): the name
    /// word index (migration 15), the member's latest event, `member_state` (migration
    /// 9), and what the year-end report reads of them, `report_member` (migration 16, after
    /// `member_state`, which it is derived from). Row by row they cost a large import dearly (the trigram index's trigger, which
    /// the word index replaced, doubled it), so the import drops them
    /// inside its transaction, derives the new members' rows in bulk at the end (from the
    /// last member id before the import on), and puts the same triggers back: all in one
    /// transaction, so a failed or killed import leaves the triggers and the derived data as
    /// they were.
    /// On PostgreSQL the triggers stay, and leave the new members to the same catch-ups
    /// while the import's transaction says so (`sodoan.bulk_after`, migration 17).
    private static let suspendedTriggers: [(name: String, catchUp: @Sendable (any SQLConnection, Int64) throws -> Void)] = [
        ("member_word_insert", { db, lastID in try MemberWordTable.index(membersAfter: lastID, in: db) }),
        ("member_state_event_insert", { db, lastID in
            try db.execute("""
                INSERT INTO member_state (member_id, event_id, kind, on_date, unit_id)
                SELECT e.member_id, e.id, e.kind, e.on_date, e.unit_id FROM membership_event e
                WHERE e.member_id > ? AND e.id = \(MembershipSQL.lastEventID(memberColumn: "e.member_id", dayArgument: "'9999-12-31'"))
                """, .positional([.integer(lastID)]))
        }),
        ("report_member_state_insert", { db, _ in try ReportMemberTable.fillMissing(in: db) }),
    ]
    /// The SQL of each dropped trigger, and what catches up on its work.
    private var droppedTriggers: [(sql: String, catchUp: @Sendable (any SQLConnection, Int64) throws -> Void)] = []
    /// Secondary indexes nothing reads while members are loaded into a register that has
    /// none yet. Such a load drops them inside its transaction and builds each once at the
    /// end, from sorted keys, instead of inserting a million keys in random order; the
    /// UNIQUE indexes (code, national ID) stay, as they are the duplicate checks. Into a
    /// register with members, the import reads these indexes and leaves them alone.
    private static let deferredIndexes = ["member_sort", "member_search", "member_code_nocase",
                                          "membership_event_member", "membership_event_day", "membership_event_unit"]
    private var deferredIndexSQL: [String] = []

    init(file: String) {
        report = ImportReport(file: file)
    }

    static let action = "member.import"

    /// Which column a refusal of a domain rule points at.
    static let ruleColumns: [RuleCode: MemberColumn] = [
        .admissionAge: .birthDate, .admissionEducation: .education, .memberUnitKind: .unit,
        .memberUnitOpen: .unit, .eventOrder: .joinedOn, .arrivalBeforeAdmission: .arrivedOn, .temporaryPeriod: .temporaryUntil,
    ]

    mutating func prepare(in tx: WriteTransaction) throws {
        let db = tx.connection
        for row in try db.rows("SELECT \(UnitTable.columns) FROM \(UnitTable.from)", .none) {
            units[try row.text("code")] = (try row.integer("id"), try UnitTable.unit(from: row))
        }
        lastIDBefore = try MemberTable.lastID(in: db)
        try ImportLines.start(in: db)
        if let file = db as? Database { try suspendDerivedWork(in: file) } else { try Self.setBulkAfter(String(lastIDBefore), in: db) }
    }

    /// Tells PostgreSQL's derived-data triggers, for this transaction only, to leave the
    /// members above `lastID` to the catch-ups (migration 17); '' tells them to do all again.
    private static func setBulkAfter(_ lastID: String, in db: any SQLConnection) throws {
        try db.execute("SELECT set_config('sodoan.bulk_after', ?, true)", .positional([.text(lastID)]))
    }

    /// A file's speed-ups of a large load: the per-row triggers and (into an empty
    /// register) the secondary indexes dropped, and a larger page cache. PostgreSQL has none
    /// of them: its triggers run in the server within each row's own statement, dropping a
    /// trigger or an index needs the table's owner (the server's role is not, `sodoan
    /// grant`), and its cache is the server's (`shared_buffers`), not the connection's.
    private mutating func suspendDerivedWork(in db: Database) throws {
        for (name, catchUp) in Self.suspendedTriggers {
            guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                                arguments: [name]) else { continue }
            droppedTriggers.append((sql, catchUp))
            try db.execute(sql: "DROP TRIGGER \(name)")
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
        try ImportLines.end(in: tx.connection)
        guard let db = tx.connection as? Database else {
            for (_, catchUp) in Self.suspendedTriggers { try catchUp(tx.connection, lastIDBefore) }
            return try Self.setBulkAfter("", in: tx.connection)
        }
        for sql in deferredIndexSQL { try db.execute(sql: sql) }
        for (sql, catchUp) in droppedTriggers {
            try catchUp(db, lastIDBefore)
            try db.execute(sql: sql)
        }
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
        do {
            let id = try write(row, prepared: draft, in: tx)
            try ImportLines.record(memberID: id, line: row.line, in: tx.connection)
        } catch {
            if let code = row[.code] { unwrittenCodes[code] = row.line }
            if case .success(let parsed) = draft.parsed, let idNumber = parsed.member.idNumber { unwrittenIDNumbers[idNumber] = row.line }
            throw error
        }
    }

    /// Checks and writes one row; returns the row id of the member it added or matched.
    private mutating func write(_ row: CSVRow<MemberColumn>, prepared draft: MemberDraft, in tx: WriteTransaction) throws -> Int64 {
        let code = try row.required(.code)
        // A repeat names the written row when there is one, else the refused one.
        if let first = unwrittenCodes[code] {
            throw Self.repeatedCode(code, first: try ImportLines.line(ofCode: code, in: tx.connection) ?? first, row: row)
        }
        // A register empty before the import has nobody to update or to be a duplicate of.
        let existing = lastIDBefore > 0 ? try? MemberTable.find(code, in: tx.connection) : nil
        if let existing, let first = try ImportLines.line(ofMemberID: existing.id, in: tx.connection) {
            throw Self.repeatedCode(code, first: first, row: row)
        }
        // The draft read the row as a new member; an existing one keeps the optional fields
        // the file has no column for, so their row is read again with those.
        let member: Member, unitCode: String, arrival: Arrival?
        do {
            (member, unitCode, arrival) = try existing.map { try row.member(existing: $0.member) { VietnameseText.normalized($1) } }
                ?? draft.parsed.get()
        } catch {
            throw try repeatIntoEmptyRegister(code: code, idNumber: nil, row: row, in: tx) ?? error
        }
        guard let unit = units[unitCode] else {
            throw try repeatIntoEmptyRegister(code: code, idNumber: nil, row: row, in: tx)
                ?? row.problem(.unit, RegisterError.unknownUnit(unitCode).message)
        }
        if let idNumber = member.idNumber,
           let first = try (lastIDBefore > 0 || unwrittenIDNumbers[idNumber] != nil ? ImportLines.line(ofIDNumber: idNumber, in: tx.connection) : nil)
            ?? unwrittenIDNumbers[idNumber] {
            throw Self.repeatedIDNumber(idNumber, first: first, row: row)
        }
        if let (id, old) = existing {
            try update(id: id, from: old, to: member, entry: Arrival.entry(of: member, into: unitCode, arrival), row: row, in: tx)
            return id
        }
        if let refusal = draft.refusal {
            throw try repeatIntoEmptyRegister(code: code, idNumber: member.idNumber, row: row, in: tx) ?? refusal
        }
        let entry = Arrival.entry(of: member, into: unitCode, arrival), keys = draft.keys ?? MemberTable.NameKeys(member.fullName)
        guard lastIDBefore == 0 else { return try add(member, keys: keys, into: unit, entry: entry, row: row, in: tx) }
        // On PostgreSQL a refused statement aborts the whole transaction, and a savepoint per
        // row to survive one made every later row slower (past 64 in one transaction each
        // visibility check looks the subtransactions up: 2,000 rows took 11 s, 20,000 did not
        // finish in 209 s; BENCHMARKS.md, issue 20), so there the repeat is looked up first.
        if tx.connection.dialect == .postgres {
            if let repeated = try repeatIntoEmptyRegister(code: code, idNumber: member.idNumber, row: row, in: tx) { throw repeated }
            return try add(member, keys: keys, into: unit, entry: entry, row: row, in: tx)
        }
        do {
            // The UNIQUE indexes are the check here.
            return try add(member, keys: keys, into: unit, entry: entry, row: row, in: tx)
        } catch let error where error.isUniqueViolation {
            throw try repeatIntoEmptyRegister(code: code, idNumber: member.idNumber, row: row, in: tx) ?? error
        }
    }

    /// Into an empty register a row is not looked up before it is written: the member
    /// table's UNIQUE indexes catch a code or national ID that an earlier row of the file
    /// wrote. A row refused for another reason is looked up then, so that it is reported
    /// for the repeat, as the checks of a register with members would report it.
    private func repeatIntoEmptyRegister(code: String, idNumber: String?, row: CSVRow<MemberColumn>,
                                         in tx: WriteTransaction) throws -> ImportProblem? {
        guard lastIDBefore == 0 else { return nil }
        if let first = try ImportLines.line(ofCode: code, in: tx.connection) { return Self.repeatedCode(code, first: first, row: row) }
        if let idNumber, let first = try ImportLines.line(ofIDNumber: idNumber, in: tx.connection) {
            return Self.repeatedIDNumber(idNumber, first: first, row: row)
        }
        return nil
    }

    private static func repeatedCode(_ code: String, first: Int, row: CSVRow<MemberColumn>) -> ImportProblem {
        row.problem(.code, Text(vi: "Mã \(code) đã xuất hiện ở dòng \(first) của tệp.",
                                en: "The code \(code) already appears on line \(first) of the file."))
    }

    private static func repeatedIDNumber(_ idNumber: String, first: Int, row: CSVRow<MemberColumn>) -> ImportProblem {
        row.problem(.idNumber, Text(vi: "Số CCCD \(idNumber) đã xuất hiện ở dòng \(first) của tệp.",
                                    en: "National ID \(idNumber) already appears on line \(first) of the file."))
    }

    /// A new member and the event that brings them in, already checked by the draft.
    private mutating func add(_ member: Member, keys: MemberTable.NameKeys, into unit: (id: Int64, unit: UnionRegister.Unit),
                              entry: MembershipEvent, row: CSVRow<MemberColumn>, in tx: WriteTransaction) throws -> Int64 {
        if lastIDBefore > 0 {
            try tx.refuseDuplicate(member, exceptID: nil)
            if let other = try MemberTable.namesake(searchName: keys.search, birthDate: member.birthDate, upToID: lastIDBefore, in: tx.connection) {
                report.warnings.append(row.problem(.fullName, Text(
                    vi: "Có thể trùng người: \(member.fullName), sinh \(member.birthDate), đã có trong sổ với mã \(other).",
                    en: "Likely duplicate: \(member.fullName), born \(member.birthDate), is already in the register as \(other).")))
            }
        }
        let id = try tx.admit(member, to: unit, by: entry, keys: keys)
        report.added += 1
        return id
    }

    /// An existing member's row: unchanged, or an audited update of their facts. The `unit`
    /// and arrival columns say how the member came into the register (what `export
    /// members` writes, so a file of admissions re-imports unchanged after the members have
    /// moved); import never moves members: transfers are `import events` or `member transfer`.
    private mutating func update(id: Int64, from old: Member, to new: Member, entry: MembershipEvent,
                                 row: CSVRow<MemberColumn>, in tx: WriteTransaction) throws {
        let first = try EventTable.history(memberID: id, in: tx.connection).events.first
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
