import Foundation
import GRDB
import UnionRegister

extension Register {
    /// Everything `sodoan check` looks at: the storage (SQLite's integrity check on a file;
    /// the foreign keys and the schema against what the migrations make, on either engine,
    /// `StorageCatalog`), the damage only a change behind sodoan's back can cause
    /// (`DamageChecks`), the audit log's hash chain (`AuditChain`), the derived columns and
    /// tables (search name, sort key, unit closure, name words), the unit tree's structural
    /// warnings, and the domain's consistency rules for every member. Those last need every
    /// row readable as domain values, so they wait until the impossible values found first
    /// are repaired. `asOf` is the day the rules take as today (`check --as-of`), by default
    /// the clock's.
    ///
    /// On a file it all reads one transaction. On PostgreSQL the schema is compared in a
    /// transaction of its own that is always rolled back (the reference schema is made in
    /// it, `StorageCatalog`), then the rows are read in one read transaction.
    public func check(asOf: Day? = nil) throws -> [Finding] {
        let today = asOf ?? self.today
        var readable = true
        var findings: [Finding] = []
        if case .engine(let engine) = storage {
            findings += try engine.write { db in (try Self.storageFindings(db), commit: false) }
        }
        findings += try readSQL { db -> [Finding] in
            var findings: [Finding] = []
            if let file = db as? Database { findings += try Self.storageFindings(file) + Self.fileFindings(file) }
            let damage = try DamageChecks.findings(in: db, today: today)
            findings += damage.findings
            findings += try AuditChain.findings(in: db)
            findings += try closureFindings(db)
            findings += try nameWordFindings(db)
            readable = !damage.unreadable
            if readable {
                findings += try memberFindings(db, today: today)
                findings += try duesFindings(db, today: today)
                findings += try unitGradeFindings(db)
            } else {
                findings.append(Finding(.error, code: "not-checked", subject: "register", Text(
                    vi: "Chưa kiểm tra được các quy tắc của từng đoàn viên và cây đơn vị: sửa các giá trị không thể có ở trên trước.",
                    en: "The members' rules and the unit tree were not checked: repair the impossible values above first.")))
            }
            return findings
        }
        if readable {
            findings += try unitTree(on: today).flatMap { summary in
                summary.warnings.map { Finding(.warning, code: "unit-structure", subject: $0.unitCode, $0.message) }
            }
        }
        return findings.sorted { ($0.severity, $0.subject, $0.code) < ($1.severity, $1.subject, $1.code) }
    }

    /// What only a file has: the application id in its header.
    private static func fileFindings(_ db: Database) throws -> [Finding] {
        guard try Int32.fetchOne(db, sql: "PRAGMA application_id") != RegisterFile.applicationID else { return [] }
        return [Finding(.error, code: "schema-changed", subject: "register", Text(
            vi: "Mã ứng dụng trong phần đầu tệp đã bị đổi.", en: "The application id in the file header was changed."))]
    }

    /// The engine's own integrity findings, the foreign keys no row answers and the
    /// schema's differences from the migrations', from the engine's catalog; a connection
    /// with none (no engine lacks one) gives nothing.
    private static func storageFindings(_ db: any SQLConnection) throws -> [Finding] {
        guard let catalog = db as? StorageCatalog else { return [] }
        let findings = try catalog.integrityFindings() + StorageFindings.foreignKeys(try catalog.foreignKeyViolations())
        let objects = try catalog.schemaObjects()
        return findings + StorageFindings.schema(actual: objects.actual, expected: objects.expected)
    }

    /// The closure table must hold exactly the dated pairs the parent links and the moves
    /// imply (`UnitClosureTable.wrongRows`).
    private func closureFindings(_ db: any SQLConnection) throws -> [Finding] {
        let wrong = try UnitClosureTable.wrongRows(in: db)
        guard wrong > 0 else { return [] }
        return [Finding(.error, code: "unit-closure", subject: "register", Text(
            vi: "Bảng unit_closure sai \(wrong) dòng so với cây đơn vị và lịch sử sắp xếp.",
            en: "unit_closure differs from the unit tree and its reorganisations in \(wrong) rows."))]
    }

    /// The word index of the names must hold exactly the words the members' folded names
    /// have (`MemberWordTable.wrongRows`): a missing row hides a member from `--search`.
    private func nameWordFindings(_ db: any SQLConnection) throws -> [Finding] {
        let wrong = try MemberWordTable.wrongRows(in: db)
        guard wrong > 0 else { return [] }
        return [Finding(.error, code: "name-words", subject: "register", Text(
            vi: "Bảng chỉ mục từ của họ tên (member_word, name_word) sai \(wrong) dòng so với họ tên của các đoàn viên; tìm kiếm có thể bỏ sót người.",
            en: "The name word index (member_word, name_word) differs from the members' names in \(wrong) rows; a search may miss members."))]
    }

    /// Every kept unit grade re-read by `UnitGradeRule`: a grade of a bloc, or of a year the
    /// unit was not open six months (its opening or closing day changed since), is an error
    /// under the rule's own code.
    private func unitGradeFindings(_ db: any SQLConnection) throws -> [Finding] {
        try UnitGradeTable.all(in: db).compactMap { unit, grade in
            do {
                try UnitGradeRule.checkGraded(unit, year: grade.year)
                return nil
            } catch let error as RegisterError {
                return Finding(.error, code: error.rule?.code ?? "unit-grade", subject: unit.code, error.message)
            }
        }
    }

    /// Active members three or more months behind with their dues: grounds for removal
    /// (docs/DOMAIN.md#union-dues), for the branch to look at, never refused.
    private func duesFindings(_ db: any SQLConnection, today: Day) throws -> [Finding] {
        let (members, arguments) = try MembershipSQL.activeMembers(of: nil, on: today, in: db)
        return try DuesTable.accounts(ofMembers: members, arguments: arguments, in: db).compactMap { account in
            let behind = account.behind(on: today)
            guard behind.count >= DuesFlow.owingMonths, let first = behind.first else { return nil }
            return Finding(.warning, code: "dues-owing", subject: account.member.code, Text(
                vi: "\(account.member.fullName) nợ đoàn phí \(behind.count) tháng (từ tháng \(first.vietnamese)).",
                en: "\(account.member.fullName) is \(behind.count) months behind with dues (since \(first))."))
        }
    }

    /// Every member's derived columns, then the domain's consistency rules on the facts
    /// `MemberFactsTable` loads for all members in a few set-based queries.
    private func memberFindings(_ db: any SQLConnection, today: Day) throws -> [Finding] {
        let units = Dictionary(uniqueKeysWithValues: try db.storedRows("SELECT \(UnitTable.columns) FROM \(UnitTable.from)", .none) { row in
            let unit = try UnitTable.unit(from: row)
            return (unit.code, unit)
        })
        var findings: [Finding] = []
        try db.forEachStoredRow("SELECT code, full_name, search_name, sort_key FROM member ORDER BY id", .none) { row in
            let code = try row.text("code"), name = try row.text("full_name")
            if try row.optionalText("search_name") != VietnameseText.fold(name)
                || row.optionalBlob("sort_key") != Data(VietnameseText.nameSortKey(name)) {
                findings.append(Finding(.error, code: "derived-name", subject: code, Text(
                    vi: "Cột tìm kiếm/sắp xếp không khớp với họ tên; chạy `sodoan member update \(code) --name` để tính lại.",
                    en: "The search/sort columns do not match the name; run `sodoan member update \(code) --name` to recompute.")))
            }
        }
        let all = try MemberFactsTable.facts(ofMembers: "SELECT id FROM member", arguments: [], in: db)
        findings += OfficeConsistency.check(all.flatMap(\.offices), facts: Dictionary(all.map { ($0.member.code, $0) }, uniquingKeysWith: { a, _ in a }),
                                            units: units, tree: try UnitClosureTable.lineageByCode(in: db), today: today)
        for facts in all {
            findings += MemberConsistency.check(facts.member, events: facts.history.events, grades: facts.grades,
                                                offices: facts.offices, units: units, today: today)
        }
        return findings
    }
}
