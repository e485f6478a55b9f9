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
        """
        (SELECT le.id FROM membership_event le
         WHERE le.member_id = \(memberColumn) AND le.on_date <= \(dayArgument)
         ORDER BY le.on_date DESC, le.id DESC LIMIT 1)
        """
    }

    /// The event kinds after which a member is active (and counted), as an SQL list: the
    /// domain's `MembershipEventKind.leavesActive`. A hosted member is not among them.
    public static let activeKinds = "(" + MembershipEventKind.allCases.filter(\.leavesActive).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
}
