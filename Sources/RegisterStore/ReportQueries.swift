import GRDB
import UnionRegister

/// The set-based counting queries of a year-end report.
///
/// Each query counts facts once, at the unit they are attributed to, and rolls them up the
/// tree in the same statement by joining `unit_closure` (a fact in branch B counts for B
/// and every ancestor of B). A second closure join keeps only the units of the report's
/// subtree. Every query returns per-unit counts keyed by a code; nothing is counted member
/// by member in Swift.
struct ReportQueries {
    let db: Database
    /// Row id of the report's unit.
    let rootID: Int64
    let period: ReportPeriod

    /// Per unit id, per code (an event kind, a grade, a level, …), a count.
    typealias Tally = [Int64: [String: Int]]

    private var arguments: StatementArguments {
        ["root": rootID, "from": period.from.description, "to": period.to.description, "year": period.gradeYear]
    }

    /// Joins `unit_closure c` to the ancestors of `unitColumn` inside the report's subtree.
    private static func rollUp(_ unitColumn: String) -> String {
        """
        JOIN unit_closure c ON c.descendant_id = \(unitColumn)
        JOIN unit_closure inreport ON inreport.ancestor_id = :root AND inreport.descendant_id = c.ancestor_id
        """
    }

    /// The unit a member was in on `day`: that of their last membership event on or before
    /// it (for an event that ended membership, the unit they left).
    private static func memberUnit(memberColumn: String, day: String) -> String {
        "JOIN membership_event at ON at.id = \(MembershipSQL.lastEventID(memberColumn: memberColumn, dayArgument: day))"
    }

    /// Runs a query whose rows are (unit_id, code, n).
    private func tally(_ sql: String) throws -> Tally {
        var result: Tally = [:]
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            result[row[0], default: [:]][row[1], default: 0] += row[2] as Int
        }
        return result
    }

    /// The units of the subtree to list: the report's unit, and every unit below it open on
    /// some day from the day before the period through its end (a unit closed mid-year is
    /// listed with its movements; one closed before the period is not).
    func listedUnits() throws -> [(id: Int64, parentID: Int64?, unit: Unit)] {
        try Row.fetchAll(db, sql: """
            SELECT \(UnitTable.columns), u.parent_id
            FROM \(UnitTable.from)
            JOIN unit_closure inreport ON inreport.ancestor_id = :root AND inreport.descendant_id = u.id
            WHERE (inreport.depth = 0 OR (u.opened_on <= :to AND (u.closed_on IS NULL OR u.closed_on >= :from)))
            ORDER BY u.code
            """, arguments: arguments)
            .map { ($0["id"], $0["parent_id"], UnitTable.unit(from: $0)) }
    }

    /// Open units strictly below each unit at the period's end, by kind.
    func unitsByKind() throws -> Tally {
        try tally("""
            SELECT c.ancestor_id, u.kind, COUNT(*)
            FROM unit u
            \(Self.rollUp("u.id"))
            WHERE c.depth > 0 AND u.opened_on <= :to AND (u.closed_on IS NULL OR u.closed_on > :to)
            GROUP BY 1, 2
            """)
    }

    /// Membership events of the period by kind, at the unit joined or left; transfers as
    /// `in` (to a unit of the subtree from one outside it) and `out` (the reverse).
    func movements() throws -> Tally {
        try tally("""
            SELECT c.ancestor_id, e.kind, COUNT(*)
            FROM membership_event e
            \(Self.rollUp("e.unit_id"))
            WHERE e.on_date BETWEEN :from AND :to AND e.kind <> 'transferred'
            GROUP BY 1, 2
            UNION ALL
            SELECT c.ancestor_id, 'in', COUNT(*)
            FROM membership_event e
            \(Self.rollUp("e.unit_id"))
            WHERE e.on_date BETWEEN :from AND :to AND e.kind = 'transferred'
              AND NOT EXISTS (SELECT 1 FROM unit_closure x
                              WHERE x.ancestor_id = c.ancestor_id AND x.descendant_id = e.from_unit_id)
            GROUP BY 1
            UNION ALL
            SELECT c.ancestor_id, 'out', COUNT(*)
            FROM membership_event e
            \(Self.rollUp("e.from_unit_id"))
            WHERE e.on_date BETWEEN :from AND :to AND e.kind = 'transferred'
              AND NOT EXISTS (SELECT 1 FROM unit_closure x
                              WHERE x.ancestor_id = c.ancestor_id AND x.descendant_id = e.unit_id)
            GROUP BY 1
            """)
    }

    /// The members active at the end of the period, per unit, by gender and by their grade
    /// of the report's year (nil when not graded).
    func membersAtEnd() throws -> [Int64: [(gender: Gender, grade: Grade?, count: Int)]] {
        var result: [Int64: [(gender: Gender, grade: Grade?, count: Int)]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.ancestor_id, m.gender, g.grade, COUNT(*)
            FROM member m
            JOIN membership_event e ON e.id = \(MembershipSQL.lastEventID(memberColumn: "m.id", dayArgument: ":to"))
            \(Self.rollUp("e.unit_id"))
            LEFT JOIN grade g ON g.member_id = m.id AND g.year = :year
            WHERE e.kind IN \(MembershipSQL.activeKinds)
            GROUP BY 1, 2, 3
            """, arguments: arguments)
        while let row = try rows.next() {
            result[row[0], default: []].append((Gender(rawValue: row[1])!, (row[2] as String?).flatMap(Grade.init(rawValue:)), row[3]))
        }
        return result
    }

    /// Discipline decisions of the period by level, at the member's unit on their date.
    func discipline() throws -> Tally {
        try tally("""
            SELECT c.ancestor_id, d.level, COUNT(*)
            FROM discipline d
            \(Self.memberUnit(memberColumn: "d.member_id", day: "d.on_date"))
            \(Self.rollUp("at.unit_id"))
            WHERE d.on_date BETWEEN :from AND :to
            GROUP BY 1, 2
            """)
    }

    /// Referral steps of the period by stage, at the member's unit on the step's date, and
    /// under the code `cohort` the `referred-to-class` steps whose referral has an
    /// `admitted` step dated no later than the period's end.
    func referral() throws -> Tally {
        try tally("""
            SELECT c.ancestor_id, s.stage, COUNT(*)
            FROM referral_step s
            JOIN referral rf ON rf.id = s.referral_id
            \(Self.memberUnit(memberColumn: "rf.member_id", day: "s.on_date"))
            \(Self.rollUp("at.unit_id"))
            WHERE s.on_date BETWEEN :from AND :to
            GROUP BY 1, 2
            UNION ALL
            SELECT c.ancestor_id, 'cohort', COUNT(*)
            FROM referral_step s
            JOIN referral rf ON rf.id = s.referral_id
            \(Self.memberUnit(memberColumn: "rf.member_id", day: "s.on_date"))
            \(Self.rollUp("at.unit_id"))
            WHERE s.on_date BETWEEN :from AND :to AND s.stage = 'referred-to-class'
              AND EXISTS (SELECT 1 FROM referral_step a
                          WHERE a.referral_id = s.referral_id AND a.stage = 'admitted' AND a.on_date <= :to)
            GROUP BY 1
            """)
    }

    /// Trainings completed in the period by kind, at the member's unit on completion.
    func training() throws -> Tally {
        try tally("""
            SELECT c.ancestor_id, t.kind, COUNT(*)
            FROM training t
            \(Self.memberUnit(memberColumn: "t.member_id", day: "t.completed_on"))
            \(Self.rollUp("at.unit_id"))
            WHERE t.completed_on BETWEEN :from AND :to
            GROUP BY 1, 2
            """)
    }
}
