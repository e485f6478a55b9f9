/// How a member admitted to the Union elsewhere comes into a branch of this register: on
/// a day, from a unit outside it (free text, as the letter writes it), with the letter's
/// number; with `until`, only hosted for a stay through that day (sinh hoạt tạm thời).
///
/// A member without an arrival was admitted in the branch itself, on their joining day.
public struct Arrival: Hashable, Sendable {
    public var on: Day
    public var from: String
    public var letterNo: String?
    /// The last day of a temporary stay; nil for an arrival for good.
    public var until: Day?

    public init(on: Day, from: String, letterNo: String? = nil, until: Day? = nil) {
        self.on = on
        self.from = from
        self.letterNo = letterNo
        self.until = until
    }

    /// The first event of `member`'s history in `unitCode`: this arrival or stay, or the
    /// admission on the joining day when there is none.
    public static func entry(of member: Member, into unitCode: String, _ arrival: Arrival?) -> MembershipEvent {
        guard let arrival else { return MembershipEvent(kind: .admitted, on: member.joinedOn, unitCode: unitCode) }
        return MembershipEvent(kind: arrival.until == nil ? .arrived : .hosted, on: arrival.on, unitCode: unitCode,
                               place: arrival.from, letterNo: arrival.until == nil ? arrival.letterNo : nil, until: arrival.until)
    }
}
