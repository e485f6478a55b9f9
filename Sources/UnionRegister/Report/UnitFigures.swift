/// Every year-end figure of one unit, its whole subtree included, with each child listed
/// with its own figures (docs/DOMAIN.md, "Year-end counts").
///
/// Attribution, so that each figure is counted once at its unit and rolled up the tree:
/// - movements by the unit of the event: joined (admitted, transferred, arrived) or left
///   (left, matured, removed, expelled, deceased); a transfer between two branches of the
///   same subtree is neither in nor out of it, an arrival from or a departure to a unit
///   outside the register is in or out of every unit up to the root; temporary stays are
///   no movement;
/// - discipline, referral steps and trainings by the unit the member was in on their date
///   (the unit of their last membership event on or before it; for an expulsion, the unit
///   they were expelled from);
/// - grades and the profile by the member's unit at the period's end; unit grades by the
///   tree at the period's end.
public struct UnitFigures: Hashable, Sendable {
    public var unit: Unit
    /// Open units strictly below this one at the period's end, by kind.
    public var units: [UnitKind: Int] = [:]
    public var members = MemberFigures()
    public var grades = GradeFigures()
    /// The profile of the members at end.
    public var profile = ProfileFigures()
    /// The grades of the year of the open units strictly below this one at the period's
    /// end, the bloc kind left out (it is not graded): they add up to `units` without `bloc`.
    public var unitGrades = GradeFigures()
    public var discipline: [DisciplineLevel: Int] = [:]
    public var referral = ReferralFigures()
    public var training: [TrainingKind: Int] = [:]
    /// The units directly below, ordered by code, each with its own subtree's figures.
    public var children: [UnitFigures] = []

    public init(unit: Unit) {
        self.unit = unit
    }

    /// This unit followed by its subtree, depth first, children by code, with the depth
    /// of each below this one (0 for this unit): the row order of every rendering.
    public func flattened() -> [(depth: Int, figures: UnitFigures)] {
        var rows: [(depth: Int, figures: UnitFigures)] = []
        func visit(_ figures: UnitFigures, depth: Int) {
            rows.append((depth, figures))
            for child in figures.children { visit(child, depth: depth + 1) }
        }
        visit(self, depth: 0)
        return rows
    }
}
