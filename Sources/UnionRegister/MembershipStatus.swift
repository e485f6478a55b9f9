/// Where a member stands on a given day, derived from their history.
public enum MembershipStatus: Hashable, Sendable {
    /// Not yet in the register on that day (not admitted, not arrived, not hosted).
    case notYetMember
    /// An active member of the unit.
    case active(unitCode: String)
    /// A member of another unit hosted in `unitCode` through `until` (sinh hoạt tạm thời):
    /// listed, not counted.
    case temporary(unitCode: String, until: Day)
    /// A hosted stay that ended on `on` (its last day).
    case temporaryEnded(unitCode: String, on: Day)
    /// Left the register by the event, on its date.
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

    /// The unit the status is about: the member's branch, the hosting branch, or the
    /// branch left; nil before the member is in the register.
    public var unitCode: String? {
        switch self {
        case .notYetMember: return nil
        case .active(let unit), .temporary(let unit, _), .temporaryEnded(let unit, _), .left(_, _, let unit): return unit
        }
    }

    /// The status code used in lists and JSON: `active`, `temporary`, `temporary-ended`,
    /// `not-yet-member`, or the kind of the event that ended membership (`left`, `matured`, …).
    public var code: String {
        switch self {
        case .notYetMember: return "not-yet-member"
        case .active: return "active"
        case .temporary: return Self.temporaryCode
        case .temporaryEnded: return Self.temporaryEndedCode
        case .left(let kind, _, _): return kind.rawValue
        }
    }

    public static let temporaryCode = "temporary"
    public static let temporaryEndedCode = "temporary-ended"

    /// Every code `code` can take, for validating `--status`.
    public static let codes = ["active", temporaryCode, temporaryEndedCode, "not-yet-member"]
        + MembershipEventKind.allCases.filter(\.endsMembership).map(\.rawValue)
}
