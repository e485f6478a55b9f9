import UnionRegister

/// The set-based counting queries of a year-end report: everything but the members.
///
/// Each query counts facts once, at the unit they are attributed to, in two steps inside
/// one statement: first per unit of attribution (a few thousand groups however many
/// members), then rolled up the tree by joining those groups to `unit_closure` (a count in
/// branch B counts for B and every ancestor of B), keeping only the units of the report's
/// subtree. The tree is the one in force on the fact's day (docs/DOMAIN.md#units-change):
/// each group carries the day whose tree it rolls up by (`treeDay`), which is the period's
/// first day unless a unit moved during the period, so a register whose tree did not
/// change has as many groups as before. Rolling up the groups rather than the rows keeps
/// the closure join small. These queries read the period's events and records, not every
/// member; the members at start and at end and their profile, a pass over every member, are
/// counted outside SQL by `ReportMemberCounts`, since each grouping of a million members is
/// a sort.
struct ReportQueries {
    let connection: any SQLConnection
    /// Row id of the report's unit.
    let rootID: Int64
    let period: ReportPeriod

    /// Per unit id, per code (an event kind, a grade, a level, …), a count.
    typealias Tally = [Int64: [String: Int]]

    private var arguments: SQLArguments { .named(Self.arguments(rootID: rootID, period: period)) }
    private var dialect: SQLDialect { connection.dialect }

    /// The named arguments every query binds; the last day and the day before the period
    /// also as the day numbers of `report_member` (`toNumber`, `beforeNumber`).
    static func arguments(rootID: Int64, period: ReportPeriod) -> [String: SQLValue] {
        ["root": .integer(rootID), "from": .text(period.from.description), "to": .text(period.to.description),
         "year": .integer(Int64(period.gradeYear)), "before": .text(period.dayBeforeStart.description),
         "toNumber": .integer(ReportMemberTable.DayNumber.of(period.to)),
         "beforeNumber": .integer(ReportMemberTable.DayNumber.of(period.dayBeforeStart))]
    }

    /// Every counting query a report runs in `dialect`, in the order `Register.yearEndReport`
    /// runs them; the members (at start, at end, their profile) are counted by `ReportMemberCounts`.
    static func statements(_ dialect: SQLDialect) -> [String] {
        [unitsByKindSQL, movementsSQL(dialect), disciplineSQL(dialect), referralSQL(dialect), trainingSQL(dialect), listedUnitsSQL,
         unitGradesSQL]
    }

    /// Rolls `groups`, a query of rows (unit_id, code, n, day) (a (unit_id, code) may come
    /// in several rows: they are added up), up to every ancestor of each unit in the tree
    /// of `day`, inside the report's subtree. CROSS JOIN fixes the join order: the groups
    /// first, then their ancestors (SQLite would otherwise start from the subtree's units
    /// and scan the groups for each).
    private static func rolledUp(_ groups: String, _ dialect: SQLDialect) -> String {
        """
        WITH groups(unit_id, code, n, day) AS (\(groups))
        SELECT c.ancestor_id, groups.code, SUM(groups.n)
        FROM groups
        \(dialect.orderedJoin) unit_closure c ON c.descendant_id = groups.unit_id AND \(UnitTreeSQL.inForce("c", on: "groups.day"))
        WHERE \(inReport("c.ancestor_id"))
        GROUP BY 1, 2
        """
    }

    /// The unit with row id `unit` is in the report's subtree on some day of the period
    /// (from the day before it, whose end gives the members at start).
    static func inReport(_ unit: String) -> String {
        """
        EXISTS (SELECT 1 FROM unit_closure inreport WHERE inreport.ancestor_id = :root AND inreport.descendant_id = \(unit)
                AND \(UnitTreeSQL.overlapping("inreport", from: ":before", to: ":to")))
        """
    }

    /// The day whose tree a fact dated `day` (an SQL expression within the period) rolls
    /// up by: the latest day of the period up to it on which a unit moved, else the
    /// period's first day. The tree is the same on every day from that one to the fact's.
    private static func treeDay(of day: String) -> String {
        "COALESCE((SELECT MAX(ch.on_date) FROM unit_change ch WHERE ch.kind = 'moved' AND ch.on_date BETWEEN :from AND \(day)), :from)"
    }

    /// The members active in the unit itself with row id `unit` at the end of `day`.
    private static func activeIn(_ unit: String, on day: String) -> String {
        """
        (SELECT COUNT(*) FROM membership_event ae WHERE ae.unit_id = \(unit) AND ae.kind IN \(MembershipSQL.activeKinds)
         AND ae.id = \(MembershipSQL.lastEventID(memberColumn: "ae.member_id", dayArgument: day)))
        """
    }

    /// The unit a member was in on `day`: that of their last membership event on or before
    /// it (for an event that ended membership, the unit they left). A member only hosted
    /// here that day is not the register's: their records count at their home unit.
    private static func memberUnit(memberColumn: String, day: String) -> String {
        "JOIN membership_event at ON at.id = \(MembershipSQL.lastEventID(memberColumn: memberColumn, dayArgument: day)) AND at.kind <> 'hosted'"
    }

    /// Runs a query whose rows are (unit_id, code, n).
    private func tally(_ sql: String) throws -> Tally {
        var result: Tally = [:]
        try connection.forEachRow(sql, arguments) { row in
            guard case .integer(let unit) = row.values[0], case .text(let code) = row.values[1], case .integer(let count) = row.values[2] else {
                throw StoredValue.damaged("report count", row.values.map(\.shown).joined(separator: " "))
            }
            result[unit, default: [:]][code, default: 0] += Int(count)
        }
        return result
    }

    /// The units of the subtree to list: the report's unit, and every unit below it open on
    /// some day from the day before the period through its end (a unit closed mid-year is
    /// listed with its movements; one closed before the period is not), each with the name
    /// and under the parent it had at the period's end.
    func listedUnits() throws -> [(id: Int64, parentID: Int64?, unit: Unit)] {
        try connection.storedRows(Self.listedUnitsSQL, arguments) { row in
            (try row.integer("id"), try row.optionalInteger("parent_id"), try UnitTable.unit(from: row))
        }
    }

    static let listedUnitsSQL = """
        SELECT \(UnitTable.columns(on: ":to"))
        FROM \(UnitTable.from(on: ":to"))
        WHERE \(inReport("u.id")) AND (u.id = :root OR (u.opened_on <= :to AND (u.closed_on IS NULL OR u.closed_on >= :from)))
        ORDER BY u.code
        """

    /// Open units strictly below each unit at the period's end, by kind, in that day's tree.
    func unitsByKind() throws -> Tally { try tally(Self.unitsByKindSQL) }

    static let unitsByKindSQL = openUnitsBelow(code: "u.kind")

    /// The grades of the report's year of the open units strictly below each unit at the
    /// period's end (`not_graded` for a unit without one), the bloc kind left out.
    func unitGrades() throws -> Tally { try tally(Self.unitGradesSQL) }

    static let unitGradesSQL = openUnitsBelow(code: "COALESCE(ug.grade, 'not_graded')",
                                              join: "LEFT JOIN unit_grade ug ON ug.unit_id = u.id AND ug.year = :year",
                                              where: "AND u.kind <> 'bloc'")

    /// Counts per `code` the units open at the period's end strictly below each unit of the
    /// report's subtree, in that day's tree.
    private static func openUnitsBelow(code: String, join: String = "", where condition: String = "") -> String {
        """
        SELECT c.ancestor_id, \(code), COUNT(*)
        FROM unit_closure inreport
        JOIN unit_closure c ON c.ancestor_id = inreport.descendant_id
        JOIN unit u ON u.id = c.descendant_id
        \(join)
        WHERE inreport.ancestor_id = :root AND c.depth > 0
          AND \(UnitTreeSQL.inForce("inreport", on: ":to")) AND \(UnitTreeSQL.inForce("c", on: ":to"))
          AND u.opened_on <= :to AND (u.closed_on IS NULL OR u.closed_on > :to) \(condition)
        GROUP BY 1, 2
        """
    }

    /// Membership events of the period by kind, at the unit joined or left; transfers as
    /// `in` (to a unit of the subtree from one outside it) and `out` (the reverse), so a
    /// move between two branches of one subtree is neither for that subtree. An arrival
    /// from outside the register is `in` and a departure to outside it `out` at every unit
    /// up to the root, since it crosses all their boundaries; temporary stays are no
    /// movement (a hosted member is never counted, a member away still is). Members moved
    /// by a reorganisation count the same way as `reorganised_in` and `reorganised_out`
    /// (docs/DOMAIN.md#units-change), and so do the members of a unit moved during the
    /// period, at the units it came under (`in`) or left (`out`) that day: those active in
    /// it at the end of the day before the move.
    func movements() throws -> Tally { try tally(Self.movementsSQL(dialect)) }

    static func movementsSQL(_ dialect: SQLDialect) -> String {
        rolledUp("""
            SELECT e.unit_id, CASE e.kind WHEN 'arrived' THEN 'in' WHEN 'left' THEN 'out' ELSE e.kind END, COUNT(*),
                   \(treeDay(of: "e.on_date"))
            FROM membership_event e
            WHERE e.on_date BETWEEN :from AND :to AND e.kind NOT IN ('transferred', 'reorganised', 'hosted', 'away')
            GROUP BY 1, 2, 4
            """, dialect) + """

            UNION ALL
            SELECT c.ancestor_id, CASE moves.kind WHEN 'transferred' THEN direction.code ELSE 'reorganised_' || direction.code END,
                   SUM(moves.n)
            FROM (SELECT e.unit_id AS to_id, e.from_unit_id AS from_id, e.kind AS kind, \(treeDay(of: "e.on_date")) AS day,
                         COUNT(*) AS n
                  FROM membership_event e
                  WHERE e.on_date BETWEEN :from AND :to AND e.kind IN ('transferred', 'reorganised')
                  GROUP BY 1, 2, 3, 4) AS moves
            CROSS JOIN (SELECT 'in' AS code UNION ALL SELECT 'out') AS direction
            \(dialect.orderedJoin) unit_closure c
                ON c.descendant_id = CASE direction.code WHEN 'in' THEN moves.to_id ELSE moves.from_id END
                AND \(UnitTreeSQL.inForce("c", on: "moves.day"))
            WHERE \(inReport("c.ancestor_id"))
              AND NOT EXISTS (SELECT 1 FROM unit_closure x WHERE x.ancestor_id = c.ancestor_id
                              AND x.descendant_id = CASE direction.code WHEN 'in' THEN moves.from_id ELSE moves.to_id END
                              AND \(UnitTreeSQL.inForce("x", on: "moves.day")))
            GROUP BY 1, 2
            UNION ALL
            SELECT g.ancestor_id, 'reorganised_in', SUM(\(activeIn("g.descendant_id", on: "\(dialect.dayBefore("g.from_on"))")))
            FROM unit_closure g
            WHERE g.from_on BETWEEN :from AND :to AND \(inReport("g.ancestor_id"))
              AND NOT EXISTS (SELECT 1 FROM unit_closure p WHERE p.ancestor_id = g.ancestor_id
                              AND p.descendant_id = g.descendant_id AND p.until_on = g.from_on)
            GROUP BY 1
            UNION ALL
            SELECT g.ancestor_id, 'reorganised_out', SUM(\(activeIn("g.descendant_id", on: "\(dialect.dayBefore("g.until_on"))")))
            FROM unit_closure g
            WHERE g.until_on BETWEEN :from AND :to AND \(inReport("g.ancestor_id"))
              AND NOT EXISTS (SELECT 1 FROM unit_closure n WHERE n.ancestor_id = g.ancestor_id
                              AND n.descendant_id = g.descendant_id AND n.from_on = g.until_on)
            GROUP BY 1
            """
    }

    /// Discipline decisions of the period by level, at the member's unit on their date.
    func discipline() throws -> Tally { try tally(Self.disciplineSQL(dialect)) }

    static func disciplineSQL(_ dialect: SQLDialect) -> String {
        rolledUp("""
            SELECT at.unit_id, d.level, COUNT(*), \(treeDay(of: "d.on_date"))
            FROM discipline d
            \(Self.memberUnit(memberColumn: "d.member_id", day: "d.on_date"))
            WHERE d.on_date BETWEEN :from AND :to
            GROUP BY 1, 2, 4
            """, dialect)
    }

    /// Referral steps of the period by stage, at the member's unit on the step's date, and
    /// under the code `cohort` the `referred-to-class` steps whose referral has an
    /// `admitted` step dated no later than the period's end.
    func referral() throws -> Tally { try tally(Self.referralSQL(dialect)) }

    static func referralSQL(_ dialect: SQLDialect) -> String {
        rolledUp("""
            SELECT at.unit_id, s.stage, COUNT(*), \(treeDay(of: "s.on_date"))
            FROM referral_step s
            JOIN referral rf ON rf.id = s.referral_id
            \(Self.memberUnit(memberColumn: "rf.member_id", day: "s.on_date"))
            WHERE s.on_date BETWEEN :from AND :to
            GROUP BY 1, 2, 4
            UNION ALL
            SELECT at.unit_id, 'cohort', COUNT(*), \(treeDay(of: "s.on_date"))
            FROM referral_step s
            JOIN referral rf ON rf.id = s.referral_id
            \(Self.memberUnit(memberColumn: "rf.member_id", day: "s.on_date"))
            WHERE s.on_date BETWEEN :from AND :to AND s.stage = 'referred-to-class'
              AND EXISTS (SELECT 1 FROM referral_step a
                          WHERE a.referral_id = s.referral_id AND a.stage = 'admitted' AND a.on_date <= :to)
            GROUP BY 1, 4
            """, dialect)
    }

    /// Trainings completed in the period by kind, at the member's unit on completion.
    func training() throws -> Tally { try tally(Self.trainingSQL(dialect)) }

    static func trainingSQL(_ dialect: SQLDialect) -> String {
        rolledUp("""
            SELECT at.unit_id, t.kind, COUNT(*), \(treeDay(of: "t.completed_on"))
            FROM training t
            \(Self.memberUnit(memberColumn: "t.member_id", day: "t.completed_on"))
            WHERE t.completed_on BETWEEN :from AND :to
            GROUP BY 1, 2, 4
            """, dialect)
    }
}
