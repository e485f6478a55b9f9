import UnionRegister

/// Reads and writes the dues tables: `dues_start`, `dues_rate`, `member_dues_class`,
/// `dues_payment` and `dues_exemption`, on either engine.
enum DuesTable {
    /// The month dues are kept from; the row is read without trusting it (`StoredValue`).
    static func keptFrom(in db: any SQLConnection) throws -> Month {
        guard let month = try db.storedRows("SELECT kept_from FROM dues_start", .none, { try StoredValue.month($0, "kept_from") }).first else {
            throw StoredValue.damaged("dues_start.kept_from", "")
        }
        return month
    }

    static func setKeptFrom(_ month: Month, in db: any SQLConnection) throws {
        try db.execute("UPDATE dues_start SET kept_from = ?", [month.description])
    }

    static func schedule(in db: any SQLConnection) throws -> DuesSchedule {
        DuesSchedule(try db.storedRows("SELECT class, from_month, amount FROM dues_rate ORDER BY class, from_month", .none) {
            DuesRate(try StoredValue.code($0, "class"), from: try StoredValue.month($0, "from_month"), amount: try $0.integer("amount"))
        })
    }

    static func storeRate(_ rate: DuesRate, in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO dues_rate (class, from_month, amount) VALUES (?, ?, ?)
            ON CONFLICT (class, from_month) DO UPDATE SET amount = excluded.amount
            """, [rate.duesClass.rawValue, rate.from.description, rate.amount])
    }

    static func storeClass(_ change: DuesClassChange, memberID: Int64, in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO member_dues_class (member_id, from_month, class) VALUES (?, ?, ?)
            ON CONFLICT (member_id, from_month) DO UPDATE SET class = excluded.class
            """, [memberID, change.from.description, change.duesClass.rawValue])
    }

    static func insert(_ payment: DuesPayment, memberID: Int64, in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO dues_payment (member_id, on_date, from_month, through_month, amount) VALUES (?, ?, ?, ?, ?)
            """, [memberID, payment.on.description, payment.from.description, payment.through.description, payment.amount])
    }

    static func insert(_ exemption: DuesExemption, memberID: Int64, in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO dues_exemption (member_id, from_month, to_month, decision_no, reason) VALUES (?, ?, ?, ?, ?)
            """, [memberID, exemption.from.description, exemption.to.description, exemption.decisionNo, exemption.reason])
    }

    /// The dues accounts of the members whose ids `members` selects (an SQL subquery with
    /// named arguments), in Vietnamese name order, in five set-based queries.
    static func accounts(ofMembers members: String, arguments: SQLArguments, in db: any SQLConnection) throws -> [DuesAccount] {
        let keptFrom = try keptFrom(in: db)
        let events = try rowsByMember("""
            SELECT e.member_id, \(EventTable.columns) FROM \(EventTable.from)
            WHERE e.member_id IN (\(members)) ORDER BY e.member_id, e.on_date, e.id
            """, arguments: arguments, in: db) { try EventTable.event(from: $0) }
        let classes = try rowsByMember("""
            SELECT member_id, from_month, class FROM member_dues_class WHERE member_id IN (\(members)) ORDER BY member_id, from_month
            """, arguments: arguments, in: db) { DuesClassChange(try StoredValue.code($0, "class"), from: try StoredValue.month($0, "from_month")) }
        let payments = try rowsByMember("""
            SELECT member_id, on_date, from_month, through_month, amount FROM dues_payment
            WHERE member_id IN (\(members)) ORDER BY member_id, through_month, id
            """, arguments: arguments, in: db) { try payment(from: $0) }
        let exemptions = try rowsByMember("""
            SELECT member_id, from_month, to_month, decision_no, reason FROM dues_exemption
            WHERE member_id IN (\(members)) ORDER BY member_id, from_month
            """, arguments: arguments, in: db) {
            DuesExemption(from: try StoredValue.month($0, "from_month"), to: try StoredValue.month($0, "to_month"),
                          decisionNo: try $0.text("decision_no"), reason: try $0.text("reason"))
        }
        return try db.storedRows("SELECT \(MemberTable.columns) FROM member m WHERE m.id IN (\(members)) ORDER BY m.sort_key, m.code",
                                 arguments) { row in
            let id = try row.integer("id")
            return DuesAccount(member: try MemberTable.member(from: row), history: MembershipHistory(events: events[id] ?? []),
                               classes: classes[id] ?? [], payments: payments[id] ?? [], exemptions: exemptions[id] ?? [],
                               keptFrom: keptFrom)
        }
    }

    static func payment(from row: some StoredRow) throws -> DuesPayment {
        DuesPayment(on: try StoredValue.day(row, "on_date"), from: try StoredValue.month(row, "from_month"),
                    through: try StoredValue.month(row, "through_month"), amount: try row.integer("amount"))
    }

    /// What members paid from `from` to `to` (by the day received), per branch-level unit
    /// they were in on that day, by unit code.
    static func collected(from: Day, to: Day, in db: any SQLConnection) throws -> [String: Int64] {
        let rows = try db.storedRows("""
            SELECT u.code, SUM(p.amount) AS amount
            FROM dues_payment p
            JOIN membership_event e ON e.id = \(MembershipSQL.lastEventID(memberColumn: "p.member_id", dayArgument: "p.on_date"))
            JOIN unit u ON u.id = e.unit_id
            WHERE p.on_date BETWEEN ? AND ?
            GROUP BY u.code
            """, [from.description, to.description]) { (try $0.text("code"), try $0.integer("amount")) }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}
