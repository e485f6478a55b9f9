/// A Union office held by a member in a unit for a term (docs/DOMAIN.md#union-offices).
///
/// The term runs from `from` up to `to`, the day the office ends: the member holds it on
/// every day from `from` to the day before `to`, so a successor may start on the day the
/// predecessor's office ends. An office with no `to` is held still.
public struct Office: Hashable, Sendable, Codable {
    public var memberCode: String
    public var unitCode: String
    public var role: OfficeRole
    public var from: Day
    public var to: Day?
    /// The office as written, when it says more than the role ("Bí thư Chi đoàn Văn
    /// phòng"); kept for the offices migrated from the free-text field.
    public var title: String?

    public init(memberCode: String, unitCode: String, role: OfficeRole, from: Day, to: Day? = nil, title: String? = nil) {
        self.memberCode = memberCode
        self.unitCode = unitCode
        self.role = role
        self.from = from
        self.to = to
        self.title = title
    }

    /// True when the member holds the office on `day`.
    public func isHeld(on day: Day) -> Bool {
        from <= day && (to.map { day < $0 } ?? true)
    }

    /// True when the two terms share a day.
    public func overlaps(_ other: Office) -> Bool {
        from < (other.to ?? .endOfTime) && other.from < (to ?? .endOfTime)
    }
}

extension Day {
    /// A day after every day a register holds: the end of a term that has none.
    static let endOfTime = Day(year: 9999, month: 12, day: 31)!
}
