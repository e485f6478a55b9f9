import RegisterStore
import UnionRegister

/// Where a member stands on a day — status, unit, and the maturity flag of an active
/// member — as every view of a member shows it.
public struct MemberStanding: Sendable {
    public var status: MembershipStatus
    public var flag: MaturityRule.Flag?

    public init(_ record: MemberFacts, today: Day) {
        status = record.history.status(on: today)
        flag = status.isActive ? MaturityRule.flag(for: record.member, on: today) : nil
    }

    /// The unit the member is in, or last was in; nil before admission.
    public var unitCode: String? {
        switch status {
        case .active(let unit): return unit
        case .left(_, _, let unit): return unit
        case .notYetMember: return nil
        }
    }

    /// "Đang sinh hoạt tại CD01" / "Active in CD01", or how and when membership ended.
    public func statusText(_ language: Language) -> String {
        let vi = language == .vi
        switch status {
        case .active(let unit): return vi ? "Đang sinh hoạt tại \(unit)" : "Active in \(unit)"
        case .left(let kind, let on, let unit): return "\(kind.name(language)) \(on) (\(unit))"
        case .notYetMember: return vi ? "Chưa kết nạp" : "Not yet admitted"
        }
    }

}
