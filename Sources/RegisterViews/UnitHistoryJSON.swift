import RegisterStore
import UnionRegister

/// One change of `unit history --format json` and of `GET /api/units/{code}/history`
/// (docs/CLI.md#reorganising-units): absent values are null and left out.
public struct UnitHistoryJSON: Encodable, Sendable {
    public var on, kind, unit: String
    public var old_name, new_name, old_parent, new_parent, into: String?
    public var members_moved: Int

    public init(_ entry: UnitHistoryEntry) {
        let c = entry.change
        on = c.on.description
        kind = c.kind.rawValue
        unit = c.unitCode
        old_name = c.oldName
        new_name = c.newName
        old_parent = c.oldParentCode
        new_parent = c.newParentCode
        into = c.intoUnitCode
        members_moved = entry.membersMoved
    }
}
