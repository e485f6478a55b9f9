/// A structural weakness of a unit that docs/DOMAIN.md asks to report, never to refuse:
/// a grassroots union with fewer than 2 branches or 30 members, a branch with fewer than 3.
public struct StructureWarning: Hashable, Sendable {
    public let unitCode: String
    public let message: Text

    /// The warnings for one unit given its open child branches and active members
    /// (members counted over the unit's whole subtree).
    public static func check(unit: Unit, openBranches: Int, members: Int) -> [StructureWarning] {
        var warnings: [StructureWarning] = []
        switch unit.kind {
        case .grassrootsUnion:
            if openBranches < 2 {
                warnings.append(StructureWarning(unitCode: unit.code, message: Text(
                    vi: "Đoàn cơ sở \(unit.code) chỉ có \(openBranches) chi đoàn (cần ít nhất 2).",
                    en: "Grassroots union \(unit.code) has \(openBranches) branches (at least 2 needed).")))
            }
            if members < 30 {
                warnings.append(StructureWarning(unitCode: unit.code, message: Text(
                    vi: "Đoàn cơ sở \(unit.code) chỉ có \(members) đoàn viên (cần ít nhất 30).",
                    en: "Grassroots union \(unit.code) has \(members) members (at least 30 needed).")))
            }
        case .branch:
            if members < 3 {
                warnings.append(StructureWarning(unitCode: unit.code, message: Text(
                    vi: "Chi đoàn \(unit.code) chỉ có \(members) đoàn viên (cần ít nhất 3).",
                    en: "Branch \(unit.code) has \(members) members (at least 3 needed).")))
            }
        case .bloc, .grassrootsBranch:
            break
        }
        return warnings
    }
}
