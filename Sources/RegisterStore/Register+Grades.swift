import GRDB
import UnionRegister

/// The outcome of `grade set`: the grade kept, and the one it replaced, if any.
public struct GradeChange: Sendable, Equatable {
    public var memberCode: String
    public var fullName: String
    public var year: Int
    public var old: Grade?
    public var new: Grade
}

/// One row of `grade list`: a member's grade for a year, with the branch they were in at
/// the end of that year.
public struct GradeListing: Sendable, Equatable {
    public var memberCode: String
    public var fullName: String
    public var unitCode: String
    public var record: GradeRecord
}

extension Register {
    /// Sets a member's grade for a year, after the 6-month rule. A second call for the same
    /// year corrects the grade; the audit row keeps the old grade and the new.
    @discardableResult
    public func setGrade(_ code: String, year: Int, grade: Grade, today: Day) throws -> GradeChange {
        try write { db in
            let (id, member) = try MemberTable.find(code, in: db)
            let history = try MemberTable.history(memberID: id, in: db)
            try GradeRule.check(member, history: history, year: year, today: today)
            let old = try String.fetchOne(db, sql: "SELECT grade FROM grade WHERE member_id = ? AND year = ?",
                                          arguments: [id, year]).flatMap(Grade.init(rawValue:))
            try db.execute(sql: """
                INSERT INTO grade (member_id, year, grade) VALUES (?, ?, ?)
                ON CONFLICT (member_id, year) DO UPDATE SET grade = excluded.grade
                """, arguments: [id, year, grade.rawValue])
            let change = GradeChange(memberCode: member.code, fullName: member.fullName, year: year, old: old, new: grade)
            // Setting the grade already kept changes nothing and leaves no audit row.
            return (change, old == grade ? nil : AuditEntry(action: "grade.set", memberCode: member.code,
                                       unitCode: history.events.last(where: { $0.on <= Day.lastOf(year: year) })?.unitCode,
                                       oldValue: AuditEntry.json(old.map { GradeRecord(year: year, grade: $0) }),
                                       newValue: AuditEntry.json(GradeRecord(year: year, grade: grade))))
        }
    }

    /// Grades, optionally of one year and of the members whose branch at the end of the
    /// graded year lies in `unitCode`'s subtree, by year then in Vietnamese name order.
    public func grades(year: Int? = nil, unitCode: String? = nil) throws -> [GradeListing] {
        try Day.validateYear(year)
        return try read { db in
            let unitID = try unitCode.map { try UnitTable.find($0, in: db).id }
            // The member's unit on 31 December of the graded year: a member who moved
            // in March is counted where they spent the end of the year.
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.code, m.full_name, u.code AS unit_code, g.year, g.grade
                FROM grade g
                JOIN member m ON m.id = g.member_id
                JOIN membership_event e ON e.id = \(MembershipSQL.lastEventID(memberColumn: "g.member_id", dayArgument: "(g.year || '-12-31')"))
                JOIN unit u ON u.id = e.unit_id
                WHERE (:year IS NULL OR g.year = :year)
                  AND (:unitID IS NULL OR EXISTS (SELECT 1 FROM unit_closure c
                                                  WHERE c.ancestor_id = :unitID AND c.descendant_id = e.unit_id))
                ORDER BY g.year, m.sort_key, m.code
                """, arguments: ["year": year, "unitID": unitID])
            return try rows.map { row in
                GradeListing(memberCode: row["code"], fullName: row["full_name"], unitCode: row["unit_code"],
                             record: try RecordTables.grade(from: row))
            }
        }
    }
}
