/// The kinds of dated event in a member's membership history (docs/DOMAIN.md, member lifecycle).
public enum MembershipEventKind: String, CaseIterable, Codable, Sendable {
    /// Kết nạp: joins the Union in a branch of this register.
    case admitted
    /// Chuyển sinh hoạt: moves from one branch of this register to another.
    case transferred
    /// Chuyển do sắp xếp tổ chức: moved from one branch to another by a reorganisation of
    /// the units (a merge or a split), not by a transfer of their own
    /// (docs/DOMAIN.md#units-change). Counted apart from transfers.
    case reorganised
    /// Chuyển sinh hoạt đến: a member admitted elsewhere comes into a branch from a unit
    /// outside the register (`place`), with the sending unit's letter number.
    case arrived
    /// Chuyển sinh hoạt đi: leaves to a unit outside the register (`place`) with an
    /// introduction letter. Ends membership here; it is not a removal.
    case left
    /// Sinh hoạt tạm thời (đến): a member of another unit (`place`) hosted in a branch from
    /// the event's day through `until`. Listed, never counted, graded or referred here.
    case hosted
    /// Sinh hoạt tạm thời (đi): one of ours working at `place` through `until`; still an
    /// active member of their branch, counted there.
    case away
    /// Trưởng thành Đoàn: leaves with the maturity ceremony.
    case matured
    /// Xóa tên: struck off by the branch meeting.
    case removed
    /// Khai trừ: the expulsion discipline ends membership.
    case expelled
    /// Từ trần.
    case deceased

    /// True for the events after which the person is no longer a member here.
    public var endsMembership: Bool {
        switch self {
        case .admitted, .transferred, .reorganised, .arrived, .hosted, .away: return false
        case .left, .matured, .removed, .expelled, .deceased: return true
        }
    }

    /// True for the events after which the member is active (and counted) in the event's unit.
    public var leavesActive: Bool {
        switch self {
        case .admitted, .transferred, .reorganised, .arrived, .away: return true
        case .hosted, .left, .matured, .removed, .expelled, .deceased: return false
        }
    }

    /// True for the events that end Union membership itself, not only membership in this
    /// register: a member who left to another unit is still in the Union.
    public var endsUnionMembership: Bool { endsMembership && self != .left }

    /// True for the events that name a place outside the register (origin or destination).
    public var namesPlace: Bool {
        self == .arrived || self == .left || self == .hosted || self == .away
    }

    /// True for the temporary stays, which have a last day.
    public var hasUntil: Bool { self == .hosted || self == .away }

    /// True for the moves from one unit of the register to another (`fromUnitCode` set).
    public var movesWithin: Bool { self == .transferred || self == .reorganised }

    public var name: Text {
        switch self {
        case .admitted: return Text(vi: "Kết nạp", en: "admitted")
        case .transferred: return Text(vi: "Chuyển sinh hoạt", en: "transferred")
        case .reorganised: return Text(vi: "Chuyển do sắp xếp tổ chức", en: "moved by a reorganisation")
        case .arrived: return Text(vi: "Chuyển sinh hoạt đến", en: "arrived")
        case .left: return Text(vi: "Chuyển sinh hoạt đi", en: "left")
        case .hosted: return Text(vi: "Sinh hoạt tạm thời (đến)", en: "hosted temporarily")
        case .away: return Text(vi: "Sinh hoạt tạm thời (đi)", en: "away temporarily")
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
    /// The unit joined (admitted, transferred, arrived, hosted), the member's branch (away),
    /// or the unit left (the events that end membership).
    public var unitCode: String
    /// The unit left by a transfer or a reorganisation; nil for other kinds.
    public var fromUnitCode: String?
    public var reason: String?
    /// The unit outside the register: where an arrival or a hosted member comes from, where
    /// a departure or a member away goes. Free text, as the letter writes it.
    public var place: String?
    /// The number of the transfer or introduction letter.
    public var letterNo: String?
    /// The last day of a temporary stay (hosted, away).
    public var until: Day?

    public init(kind: MembershipEventKind, on: Day, unitCode: String, fromUnitCode: String? = nil, reason: String? = nil,
                place: String? = nil, letterNo: String? = nil, until: Day? = nil) {
        self.kind = kind
        self.on = on
        self.unitCode = unitCode
        self.fromUnitCode = fromUnitCode
        self.reason = reason
        self.place = place
        self.letterNo = letterNo
        self.until = until
    }
}
