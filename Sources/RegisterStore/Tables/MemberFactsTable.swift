import UnionRegister

/// Loads `MemberFacts` (member, history, grades, trainings, discipline, referrals, offices)
/// for a set of members in eight set-based queries, whatever the number of members: one member
/// for `referral check`, a whole subtree for `referral candidates`. The statements are
/// kept prepared on each connection (their text is the same for every member): preparing
/// them again, with GRDB's check of every column read, was a tenth of a served member
/// page's time (perf, BENCHMARKS.md).
enum MemberFactsTable {
    /// Facts of the members whose ids `members` selects: an SQL subquery using named
    /// arguments only, run inside each query. In Vietnamese name order.
    static func facts(ofMembers members: String, arguments: SQLArguments, in db: any SQLConnection) throws -> [MemberFacts] {
        func grouped<T>(_ sql: String, _ make: (any StoredRow) throws -> T) throws -> [Int64: [T]] {
            try rowsByMember(sql, arguments: arguments, in: db, make)
        }
        let events = try grouped("""
            SELECT e.member_id, \(EventTable.columns) FROM \(EventTable.from)
            WHERE e.member_id IN (\(members)) ORDER BY e.member_id, e.on_date, e.id
            """, { try EventTable.event(from: $0) })
        let grades = try grouped("SELECT member_id, year, grade FROM grade WHERE member_id IN (\(members)) ORDER BY member_id, year",
                                 { try GradeTable.grade(from: $0) })
        let trainings = try grouped("""
            SELECT t.member_id, \(TrainingTable.columns)
            FROM training t WHERE t.member_id IN (\(members)) ORDER BY t.member_id, t.completed_on, t.id
            """, { try TrainingTable.training(from: $0) })
        let disciplines = try grouped("""
            SELECT member_id, level, on_date, reason FROM discipline
            WHERE member_id IN (\(members)) ORDER BY member_id, on_date, id
            """, { try DisciplineTable.discipline(from: $0) })
        let offices = try grouped("""
            SELECT o.member_id, \(OfficeTable.columns) FROM \(OfficeTable.from)
            WHERE o.member_id IN (\(members)) ORDER BY o.member_id, o.from_on, o.id
            """, { try OfficeTable.office(from: $0) })
        let referrals = try ReferralTable.referrals(ofMembers: members, arguments: arguments, in: db)
        let sql = "SELECT \(MemberTable.columns) FROM member m WHERE m.id IN (\(members)) ORDER BY m.sort_key, m.code"
        return try db.storedRows(sql, arguments) { row in
            let id = try row.integer("id")
            return MemberFacts(member: try MemberTable.member(from: row), history: MembershipHistory(events: events[id] ?? []),
                               grades: grades[id] ?? [], trainings: trainings[id] ?? [],
                               disciplines: disciplines[id] ?? [], referrals: referrals[id] ?? [], offices: offices[id] ?? [])
        }
    }

    /// Facts of the member with this code, or a bad-input error naming the code.
    static func facts(of code: String, in db: any SQLConnection) throws -> (id: Int64, facts: MemberFacts) {
        let id = try MemberTable.find(code, in: db).id
        return (id, try facts(ofMembers: "SELECT :member", arguments: ["member": id], in: db)[0])
    }
}
