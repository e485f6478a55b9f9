import UnionRegister

/// SQL that reads membership state as of a day from the history, set-based.
///
/// A member's state at the end of day D is their last `membership_event` dated on or
/// before D (ties broken by id, the order of recording). The index
/// `membership_event_member(member_id, on_date, id)` makes each lookup one seek.
import UnionRegister

public enum MembershipSQL {
    /// A correlated subquery giving the id of member `memberColumn`'s last event on or
    /// before the day bound to the named argument `dayArgument` (e.g. `:asOf`).
    public static func lastEventID(memberColumn: String, dayArgument: String) -> String {
        lastEvent("id", memberColumn: memberColumn, dayArgument: dayArgument)
    }

    /// A correlated subquery giving `column` (e.g. `kind`) of member `memberColumn`'s last
    /// event on or before the day `dayArgument`; NULL when they have none by then.
    static func lastEvent(_ column: String, memberColumn: String, dayArgument: String) -> String {
        """
        (SELECT le.\(column) FROM membership_event le
         WHERE le.member_id = \(memberColumn) AND le.on_date <= \(dayArgument)
         ORDER BY le.on_date DESC, le.id DESC LIMIT 1)
        """
    }

    /// `count` (an aggregate query reading `FROM state`, which has the columns member_id,
    /// kind and unit_id) over every member's last event on or before the day bound to
    /// `dayArgument`, for a question about the whole register: run once over the members
    /// whose latest event (`member_state`, migration 9) is dated on or before the day, who
    /// are in that state on the day (one narrow row each, read in order), and once over the
    /// few with an event after the day, looked up in the history; the two counts follow each
    /// other (`UNION ALL`), so the caller adds up the rows of each group. Two aggregates
    /// rather than one over a union: SQLite would copy a union of a million states into a
    /// temporary table first. Members with no event on or before the day are counted in
    /// neither, as with `lastEventID`.
    public static func counted(overStatesOn dayArgument: String, _ count: (_ state: String) -> String) -> String {
        [
            "(SELECT s.member_id, s.kind, s.unit_id FROM member_state s WHERE s.on_date <= \(dayArgument)) AS state",
            """
            (SELECT s.member_id, e.kind, e.unit_id FROM member_state s
             JOIN membership_event e ON e.id = \(lastEventID(memberColumn: "s.member_id", dayArgument: dayArgument))
             WHERE s.on_date > \(dayArgument)) AS state
            """,
        ].map(count).joined(separator: "\nUNION ALL\n")
    }

    /// A subquery of the ids of the members active in `unitCode`'s subtree of that day (the whole
    /// register when nil) on `day`, with its arguments.
    ///
    /// Starting from the events in the subtree (not from every member) lets SQLite look up
    /// "last event on the day" only for members who were ever there: 15 times faster for
    /// one branch of a 50,000-member register.
    static func activeMembers(of unitCode: String?, on day: Day, in db: any SQLConnection) throws -> (String, SQLArguments) {
        var arguments: [String: SQLValue] = ["day": .text(day.description)]
        var members = "SELECT e.member_id FROM membership_event e WHERE e.kind IN \(activeKinds)"
        if let unitCode {
            arguments["unit"] = .integer(try UnitTable.find(unitCode, in: db).id)
            members += " AND e.unit_id IN (SELECT descendant_id FROM unit_closure c WHERE ancestor_id = :unit AND \(UnitTreeSQL.inForce("c", on: ":day")))"
        }
        members += " AND e.id = \(lastEventID(memberColumn: "e.member_id", dayArgument: ":day"))"
        return (members, .named(arguments))
    }

    /// The event kinds after which a member is active (and counted), as an SQL list: the
    /// domain's `MembershipEventKind.leavesActive`. A hosted member is not among them.
    public static let activeKinds = "(" + MembershipEventKind.allCases.filter(\.leavesActive).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
}
