/// The kinds of dated change to a unit (docs/DOMAIN.md#units-change).
public enum UnitChangeKind: String, CaseIterable, Codable, Sendable {
    /// Đổi tên: the unit keeps its code and history under a new name.
    case renamed
    /// Chuyển trực thuộc: the unit, with everything below it, hangs under another parent.
    case moved
    /// Hợp nhất: the unit's members and units moved into another unit, which it closed into.
    case merged
    /// Chia tách: the unit's members moved to the units a plan named.
    case split

    public var name: Text {
        switch self {
        case .renamed: return Text(vi: "Đổi tên", en: "renamed")
        case .moved: return Text(vi: "Chuyển trực thuộc", en: "moved")
        case .merged: return Text(vi: "Hợp nhất", en: "merged")
        case .split: return Text(vi: "Chia tách", en: "split")
        }
    }
}

/// One dated change of a unit, with the value before and after it, so that the unit's
/// name and parent on any day can be read back from its current ones.
public struct UnitChange: Hashable, Sendable, Codable {
    public var kind: UnitChangeKind
    public var on: Day
    public var unitCode: String
    /// Renamed: the name until the day before and the name from the day on.
    public var oldName: String?
    public var newName: String?
    /// Moved: the parent until the day before (nil for a root moved under a new root) and
    /// the parent from the day on.
    public var oldParentCode: String?
    public var newParentCode: String?
    /// Merged: the unit merged into.
    public var intoUnitCode: String?

    public init(kind: UnitChangeKind, on: Day, unitCode: String, oldName: String? = nil, newName: String? = nil,
                oldParentCode: String? = nil, newParentCode: String? = nil, intoUnitCode: String? = nil) {
        self.kind = kind
        self.on = on
        self.unitCode = unitCode
        self.oldName = oldName
        self.newName = newName
        self.oldParentCode = oldParentCode
        self.newParentCode = newParentCode
        self.intoUnitCode = intoUnitCode
    }
}
