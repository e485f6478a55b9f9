import UnionRegister

/// What `member list` asks for: members of a unit's subtree on a day, by status, matching
/// a search, or only those the maturity rule flags.
public struct MemberQuery: Sendable {
    public var unitCode: String?
    /// A status code of `MembershipStatus.codes`, or nil for every status.
    public var status: String? = "active"
    /// Words that must all appear in the name (diacritics and case ignored) or the code.
    public var search: String?
    /// Only members the maturity rule flags on `asOf` (due for maturity, or over 35).
    public var dueMaturity = false
    public var asOf: Day

    public init(unitCode: String? = nil, status: String? = "active", search: String? = nil, dueMaturity: Bool = false, asOf: Day) {
        self.unitCode = unitCode
        self.status = status
        self.search = search
        self.dueMaturity = dueMaturity
        self.asOf = asOf
    }
}

/// One row of `member list`: the member, their status and unit on the day, and the
/// maturity flag if any.
public struct MemberListing: Sendable, Equatable {
    public var member: Member
    public var status: String
    /// The unit they are in (or left, for a member who left).
    public var unitCode: String
    public var flag: MaturityRule.Flag?
    /// The member's last event on the day: where a hosted member comes from, where a member
    /// away or gone is, and until when.
    public var lastEvent: MembershipEvent
}
