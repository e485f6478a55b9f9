/// Members of a unit's subtree over a report period: at start, every movement, at end.
///
/// Movements count events, not people: a member admitted and matured in the same period
/// counts once in `admitted` and once in `matured`, and the balance still holds because
/// each event moves exactly one member across the unit's boundary.
public struct MemberFigures: Hashable, Sendable {
    /// Active at the end of the day before the period.
    public var start = 0
    /// Active at the end of the period's last day.
    public var end = 0
    /// Admitted into a branch of the subtree.
    public var admitted = 0
    /// Moved into a branch of the subtree from outside it: from a branch of the register
    /// outside the subtree, or arrived from a unit outside the register.
    public var transferredIn = 0
    /// Moved from a branch of the subtree to outside it: to a branch of the register
    /// outside the subtree, or left to a unit outside the register.
    public var transferredOut = 0
    /// Came into the subtree through a reorganisation of the units (docs/DOMAIN.md#units-change):
    /// moved in by a merge or a split, or in a unit that was moved under this one.
    public var reorganisedIn = 0
    /// Left the subtree through a reorganisation: moved out by a merge or a split, or in a
    /// unit that was moved from under this one to elsewhere.
    public var reorganisedOut = 0
    /// Matured, removed, expelled or deceased while in a branch of the subtree.
    public var matured = 0
    public var removed = 0
    public var expelled = 0
    public var deceased = 0
    /// `end` split by gender.
    public var endFemale = 0
    public var endMale = 0

    public init() {}

    /// Where the movements lead from `start`: must equal `end` (docs/DOMAIN.md).
    public var expectedEnd: Int {
        start + admitted + transferredIn - transferredOut + reorganisedIn - reorganisedOut - matured - removed - expelled - deceased
    }

    /// True when start plus movements equals end.
    public var isBalanced: Bool { expectedEnd == end }

    /// Records `count` events of `kind` that cross the unit's boundary. Transfers,
    /// arrivals and departures are counted by direction with `transferredIn`/`transferredOut`
    /// instead, reorganisations with `reorganisedIn`/`reorganisedOut`; temporary stays cross no boundary (a hosted member is never counted).
    public mutating func add(_ count: Int, of kind: MembershipEventKind) {
        switch kind {
        case .admitted: admitted += count
        case .transferred, .reorganised, .arrived, .left: preconditionFailure("moves are counted by direction")
        case .hosted, .away: preconditionFailure("temporary stays are not movements")
        case .matured: matured += count
        case .removed: removed += count
        case .expelled: expelled += count
        case .deceased: deceased += count
        }
    }
}
