/// The kinds of dated event in a member's membership history (docs/DOMAIN.md, member lifecycle).
public enum MembershipEventKind: String, CaseIterable, Codable, Sendable {
    /// Kết nạp: joins the Union in a branch.
    case admitted
    /// Chuyển sinh hoạt: moves from one branch to another.
    case transferred
    /// Trưởng thành Đoàn: leaves with the maturity ceremony.
    case matured
    /// Xóa tên: struck off by the branch meeting.
    case removed
    /// Khai trừ: the expulsion discipline ends membership.
    case expelled
    /// Từ trần.
    case deceased

    /// True for the events after which the person is no longer a member.
    public var endsMembership: Bool {
        switch self {
        case .admitted, .transferred: return false
        case .matured, .removed, .expelled, .deceased: return true
        }
    }

    public var name: Text {
        switch self {
        case .admitted: return Text(vi: "Kết nạp", en: "admitted")
        case .transferred: return Text(vi: "Chuyển sinh hoạt", en: "transferred")
        case .matured: return Text(vi: "Trưởng thành Đoàn", en: "matured")
        case .removed: return Text(vi: "Xóa tên", en: "removed")
        case .expelled: return Text(vi: "Khai trừ", en: "expelled")
        case .deceased: return Text(vi: "Từ trần", en: "deceased")
        }
    }
}

/// One dated event of a member's membership history.
public struct MembershipEvent: Hashable, Sendable, Codable {
    public var kind: MembershipEventKind
    public var on: Day
    /// The unit joined (admitted, transferred) or left (the events that end membership).
    public var unitCode: String
    /// The unit left by a transfer; nil for other kinds.
    public var fromUnitCode: String?
    public var reason: String?

    public init(kind: MembershipEventKind, on: Day, unitCode: String, fromUnitCode: String? = nil, reason: String? = nil) {
        self.kind = kind
        self.on = on
        self.unitCode = unitCode
        self.fromUnitCode = fromUnitCode
        self.reason = reason
    }
}
