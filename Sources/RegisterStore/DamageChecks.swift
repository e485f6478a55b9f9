import UnionRegister

/// What `sodoan check` looks for beyond the domain's rules: damage only a change made
/// behind sodoan's back can cause (the sqlite3 shell with the CHECK constraints or the
/// triggers switched off), reported row by row with what is wrong, on either engine (the schema's own damage is
/// `StorageFindings`'). Where the engines write a test differently, `SQLDialect` says.
///
/// Every query is bounded: the walk up the unit tree stops after as many steps as there
/// are units, so a cycle is reported instead of followed for ever.
enum DamageChecks {
    /// The findings, and whether some row holds a value the domain cannot even read (a
    /// date that does not exist, an unknown code): then the domain's own checks, which
    /// read every row as domain values, cannot run until it is repaired.
    static func findings(in db: any SQLConnection, today: Day) throws -> (findings: [Finding], unreadable: Bool) {
        var findings: [Finding] = []
        let impossible = try impossibleValues(in: db) + impossibleDuesValues(in: db)
        findings += impossible
        findings += try rows(in: db, code: "future-date", arguments: ["today": today.description],
                               dateColumns.filter { $0.table != "office" || $0.name != "to_on" }.map { column in
            ("SELECT \(column.subject), t.\(column.name) FROM \(column.table) t \(column.join) WHERE t.\(column.name) > :today",
             { value in Text(vi: "\(column.table).\(column.name) là \(value), sau hôm nay (\(today)).",
                             en: "\(column.table).\(column.name) is \(value), after today (\(today)).") })
        })
        findings += try rows(in: db, code: "date-order", [
            ("SELECT code, closed_on FROM unit WHERE closed_on < opened_on",
             { Text(vi: "Đơn vị giải thể ngày \($0), trước ngày thành lập.", en: "The unit closes on \($0), before it opened.") }),
            ("SELECT code, joined_on FROM member WHERE joined_on <= birth_date OR party_joined_on <= birth_date",
             { Text(vi: "Ngày vào Đoàn (\($0)) hoặc vào Đảng không sau ngày sinh.", en: "The joining day (\($0)) or the Party admission is not after the birth date.") }),
            ("SELECT m.code, e.on_date FROM membership_event e JOIN member m ON m.id = e.member_id WHERE e.on_date <= m.birth_date",
             { Text(vi: "Sự kiện sinh hoạt ngày \($0) không sau ngày sinh.", en: "A membership event on \($0) is not after the birth date.") }),
            ("SELECT m.code, t.completed_on FROM training t JOIN member m ON m.id = t.member_id WHERE t.started_on > t.completed_on",
             { Text(vi: "Khóa học kết thúc ngày \($0), trước ngày bắt đầu.", en: "A training ends on \($0), before it starts.") }),
            ("SELECT m.code, o.to_on FROM office o JOIN member m ON m.id = o.member_id WHERE o.to_on <= o.from_on",
             { Text(vi: "Chức vụ kết thúc ngày \($0), không sau ngày bắt đầu.", en: "An office ends on \($0), not after it starts.") }),
        ])
        findings += try rows(in: db, code: "vote-numbers", [
            ("""
             SELECT m.code, s.on_date FROM referral_step s JOIN referral r ON r.id = s.referral_id JOIN member m ON m.id = r.member_id
             WHERE (s.convened IS NULL) <> (s.present IS NULL) OR (s.present IS NULL) <> (s.votes_for IS NULL)
                OR s.convened <= 0 OR s.convened > \(Vote.maxConvened) OR s.present < 0 OR s.present > s.convened
                OR s.votes_for < 0 OR s.votes_for > s.present
             """,
             { Text(vi: "Biểu quyết của bước ngày \($0) không hợp lý (cần 0 ≤ tán thành ≤ có mặt ≤ triệu tập).",
                    en: "The vote of the step on \($0) does not add up (need 0 ≤ for ≤ present ≤ convened).") }),
        ])
        findings += try rows(in: db, code: "orphan-row", [
            ("SELECT COALESCE(m.code, 'referral #' || r.id), r.id FROM referral r LEFT JOIN member m ON m.id = r.member_id WHERE NOT EXISTS (SELECT 1 FROM referral_step s WHERE s.referral_id = r.id)",
             { Text(vi: "Hồ sơ giới thiệu #\($0) không có bước nào.", en: "Referral #\($0) has no step.") }),
        ])
        findings += try duesBounds(in: db)
        findings += try unitCycles(in: db)
        findings += try reportMembers(in: db)
        return (findings, !impossible.isEmpty)
    }

    // MARK: - Values

    struct Column {
        var table: String
        var name: String
        /// SQL giving the row's member or unit code (`t` is the table).
        var subject: String
        var join: String
    }

    private static let byMember = ("COALESCE(m.code, 'member #' || t.member_id)", "LEFT JOIN member m ON m.id = t.member_id")
    private static let byStep = ("COALESCE(m.code, 'referral_step #' || t.id)",
                                 "LEFT JOIN referral r ON r.id = t.referral_id LEFT JOIN member m ON m.id = r.member_id")

    static func column(_ table: String, _ name: String) -> Column {
        switch table {
        case "unit", "member": return Column(table: table, name: name, subject: "t.code", join: "")
        case "unit_grade": return Column(table: table, name: name, subject: "COALESCE(u.code, 'unit #' || t.unit_id)",
                                         join: "LEFT JOIN unit u ON u.id = t.unit_id")
        case "policy_value": return Column(table: table, name: name, subject: "'policy'", join: "")
        // The register's dues settings have no member; every other dues row names one.
        case "dues_start", "dues_rate": return Column(table: table, name: name, subject: "'dues'", join: "")
        case "account": return Column(table: table, name: name, subject: "t.name", join: "")
        case "referral_step": return Column(table: table, name: name, subject: byStep.0, join: byStep.1)
        default: return Column(table: table, name: name, subject: byMember.0, join: byMember.1)
        }
    }

    private static let dateColumns = [
        column("unit", "opened_on"), column("unit", "closed_on"), column("member", "birth_date"), column("member", "joined_on"),
        column("member", "party_joined_on"), column("membership_event", "on_date"), column("membership_event", "until_on"),
        column("training", "started_on"),
        column("training", "completed_on"), column("discipline", "on_date"), column("referral_step", "on_date"),
        column("office", "from_on"), column("office", "to_on"), column("policy_value", "from_on"),
    ]

    private static let codeColumns: [(Column, [String])] = [
        (column("unit", "kind"), UnitKind.allCases.map(\.rawValue)),
        (column("member", "gender"), Gender.allCases.map(\.rawValue)),
        (column("member", "education"), EducationLevel.allCases.map(\.rawValue)),
        (column("member", "ethnicity"), Ethnicity.all.map(\.code)),
        (column("member", "theory_level"), TheoryLevel.allCases.map(\.rawValue)),
        (column("membership_event", "kind"), MembershipEventKind.allCases.map(\.rawValue)),
        (column("grade", "grade"), Grade.allCases.map(\.rawValue)),
        (column("unit_grade", "grade"), Grade.allCases.map(\.rawValue)),
        (column("training", "kind"), TrainingKind.allCases.map(\.rawValue)),
        (column("discipline", "level"), DisciplineLevel.allCases.map(\.rawValue)),
        (column("office", "role"), OfficeRole.allCases.map(\.rawValue)),
        (column("referral_step", "stage"), ReferralStage.allCases.filter { $0 != .lapsed }.map(\.rawValue)),
        (column("policy_value", "key"), Policy.Key.allCases.map(\.rawValue)),
        (column("account", "role"), AccountRole.allCases.map(\.rawValue)),
    ]

    /// Dates that do not exist and codes no enum has: the values `StoredValue` refuses.
    private static func impossibleValues(in db: any SQLConnection) throws -> [Finding] {
        var queries = dateColumns.map { column in
            ("SELECT \(column.subject), t.\(column.name) FROM \(column.table) t \(column.join) WHERE \(db.dialect.notADay("t.\(column.name)"))",
             { (value: String) in Text(vi: "\(column.table).\(column.name) là \"\(value)\", không phải một ngày có thật.",
                                       en: "\(column.table).\(column.name) is \"\(value)\", not a day that exists.") })
        }
        queries += codeColumns.map { column, codes in
            let list = codes.map { "'\($0)'" }.joined(separator: ", ")
            return ("SELECT \(column.subject), t.\(column.name) FROM \(column.table) t \(column.join) WHERE t.\(column.name) NOT IN (\(list))",
                    { (value: String) in Text(vi: "\(column.table).\(column.name) là \"\(value)\", không phải mã hợp lệ (\(codes.joined(separator: ", "))).",
                                              en: "\(column.table).\(column.name) is \"\(value)\", not a valid code (\(codes.joined(separator: ", "))).") })
        }
        queries += ["grade", "unit_grade"].map { table in
            let year = column(table, "year")
            return ("SELECT \(year.subject), t.year FROM \(table) t \(year.join) WHERE t.year NOT BETWEEN \(GradeRule.firstYear) AND 9999",
                    { Text(vi: "\(table).year là \($0), ngoài \(GradeRule.firstYear)–9999.", en: "\(table).year is \($0), outside \(GradeRule.firstYear)–9999.") })
        }
        queries.append(("SELECT 'register', 'content_version' WHERE NOT EXISTS (SELECT 1 FROM content_version)",
                        { _ in Text(vi: "Thiếu dòng content_version (phiên bản nội dung của sổ).",
                                    en: "The content_version row (the register's content version) is missing.") }))
        return try rows(in: db, code: "impossible-value", queries)
    }

    /// Runs queries returning (subject, value) and makes one error per row.
    static func rows(in db: any SQLConnection, code: String, arguments: SQLArguments = .none,
                     _ queries: [(String, (String) -> Text)]) throws -> [Finding] {
        var findings: [Finding] = []
        for (sql, message) in queries {
            for row in try db.rows(sql, arguments) {
                let subject: String? = if case .text(let text) = row.values[0] { text } else { nil }
                findings.append(Finding(.error, code: code, subject: subject ?? "register", message(row.values[1].shown)))
            }
        }
        return findings
    }

    // MARK: - Derived rows

    /// What the year-end report reads of each member (`report_member`, migration 16) must
    /// be what the view derives from their profile and latest event: a row written, changed
    /// or removed by hand miscounts that member in every report. One finding per member, at
    /// most `shownRows` of them.
    private static func reportMembers(in db: any SQLConnection) throws -> [Finding] {
        try ReportMemberTable.wrongRows(limit: shownRows, in: db).map { subject in
            Finding(.error, code: "report-members", subject: subject, Text(
                vi: "Dòng của đoàn viên trong bảng report_member khác với hồ sơ và sự kiện sinh hoạt cuối của họ; báo cáo cuối năm sẽ đếm sai người này.",
                en: "The member's row in report_member differs from their profile and latest membership event; the year-end report would count them wrongly."))
        }
    }

    /// How many rows of one derived table a check names at most: a table rewritten by hand
    /// would otherwise give a finding per member of the register.
    private static let shownRows = 100

    // MARK: - Tree

    /// Units whose parent links lead back to themselves, each walk bounded by the number
    /// of units.
    private static func unitCycles(in db: any SQLConnection) throws -> [Finding] {
        try db.storedRows("""
            WITH RECURSIVE walk(start, id, steps) AS (
                SELECT id, parent_id, 1 FROM unit WHERE parent_id IS NOT NULL
                UNION
                SELECT w.start, u.parent_id, w.steps + 1 FROM walk w JOIN unit u ON u.id = w.id
                WHERE u.parent_id IS NOT NULL AND w.start <> w.id AND w.steps <= (SELECT COUNT(*) FROM unit)
            )
            SELECT DISTINCT u.code FROM walk w JOIN unit u ON u.id = w.start WHERE w.id = w.start ORDER BY u.code
            """, .none) { try $0.text("code") }.map { code in
            Finding(.error, code: "unit-cycle", subject: code, Text(
                vi: "Đơn vị \(code) nằm trong một vòng: đi lên các đơn vị cấp trên lại gặp chính nó.",
                en: "Unit \(code) is in a cycle: going up its parents leads back to itself."))
        }
    }
}
