import RegisterStore
import UnionRegister

/// One unit of `unit list --format json` and of `GET /api/units`: the unit, its depth in
/// the tree, its active members and the structure warnings in the chosen language.
public struct UnitJSON: Encodable, Sendable {
    public var code: String
    public var name: String
    public var kind: String
    public var parent: String?
    public var opened_on: String
    public var closed_on: String?
    public var depth: Int
    public var members: Int
    public var warnings: [String]

    public init(_ summary: UnitSummary, language: Language) {
        code = summary.unit.code
        name = summary.unit.name
        kind = summary.unit.kind.rawValue
        parent = summary.unit.parentCode
        opened_on = summary.unit.openedOn.description
        closed_on = summary.unit.closedOn?.description
        depth = summary.depth
        members = summary.members
        warnings = summary.warnings.map { $0.message(language) }
    }
}
