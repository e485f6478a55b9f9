/// Where a member stands on a given day, derived from their history.
public enum MembershipStatus: Hashable, Sendable {
    /// Not yet admitted on that day.
    case notYetMember
    /// An active member of the unit.
    case active(unitCode: String)
    /// Left the Union by the event, on its date.
    case left(MembershipEventKind, on: Day, unitCode: String)

    public var isActive: Bool {
        if case .active = self { return true }
        return false
    }

    /// The unit of an active member; nil otherwise.
    public var activeUnitCode: String? {
        if case .active(let unit) = self { return unit }
        return nil
    }

    /// The status code used in lists and JSON: `active`, `not-yet-member`, or the
    /// kind of the event that ended membership (`matured`, `removed`, …).
    public var code: String {
        switch self {
        case .notYetMember: return "not-yet-member"
        case .active: return "active"
        case .left(let kind, _, _): return kind.rawValue
        }
    }

    /// Every code `code` can take, for validating `--status`.
    public static let codes = ["active", "not-yet-member"] + MembershipEventKind.allCases.filter(\.endsMembership).map(\.rawValue)
}
