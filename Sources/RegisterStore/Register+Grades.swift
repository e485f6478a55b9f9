import UnionRegister

/// The outcome of `grade set`: the grade kept, and the one it replaced, if any.
public struct GradeChange: Sendable, Equatable {
    public var memberCode: String
    public var fullName: String
    public var year: Int
    public var old: Grade?
    public var new: Grade
    /// The member's branch at the end of the graded year.
    public var unitCode: String?
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
    /// year corrects the grade; the audit row keeps the old grade and the new. The same
    /// grade again changes nothing.
    @discardableResult
    public func setGrade(_ code: String, year: Int, grade: Grade) throws -> GradeChange {
        try write { tx in
            let (id, member) = try MemberTable.find(code, in: tx.connection)
            let change = try tx.setGrade(memberID: id, member, year: year, grade: grade)
            guard change.old != grade else { return (change, nil) }
            return (change, AuditEntry(action: "grade.set", memberCode: member.code, unitCode: change.unitCode,
                                       oldValue: AuditEntry.json(change.old.map { GradeRecord(year: year, grade: $0) }),
                                       newValue: AuditEntry.json(GradeRecord(year: year, grade: grade))))
        }
    }

    /// Grades, optionally of one year and of the members whose branch at the end of the
    /// graded year lies in `unitCode`'s subtree, by year then in Vietnamese name order.
    public func grades(year: Int? = nil, unitCode: String? = nil) throws -> [GradeListing] {
        try Day.validateYear(year)
        return try readSQL { db in
            // The member's unit on 31 December of the graded year: a member who moved
            // in March is counted where they spent the end of the year.
            var filter = SQLFilter()
            if let year { filter.add("g.year = :year", ["year": .integer(Int64(year))]) }
            if let unitCode {
                filter.add("""
                    EXISTS (SELECT 1 FROM unit_closure c WHERE c.ancestor_id = :unitID AND c.descendant_id = e.unit_id
                                                           AND \(UnitTreeSQL.inForce("c", on: "(g.year || '-12-31')")))
                    """, ["unitID": .integer(try UnitTable.find(unitCode, in: db).id)])
            }
            return try db.storedRows("""
                SELECT m.code, m.full_name, u.code AS unit_code, g.year, g.grade
                FROM grade g
                JOIN member m ON m.id = g.member_id
                JOIN membership_event e ON e.id = \(MembershipSQL.lastEventID(memberColumn: "g.member_id", dayArgument: "(g.year || '-12-31')"))
                JOIN unit u ON u.id = e.unit_id
                \(filter.whereClause)
                ORDER BY g.year, m.sort_key, m.code
                """, .named(filter.arguments)) { row in
                GradeListing(memberCode: try row.text("code"), fullName: try row.text("full_name"), unitCode: try row.text("unit_code"),
                             record: try GradeTable.grade(from: row))
            }
        }
    }
}
