/// The grades of the year counted over a set fixed at the end of a report period: the
/// members at end (`UnitFigures.grades`), or the open units below (`UnitFigures.unitGrades`).
///
/// For members: counted over exactly the members at end, so the grades and `notGraded` add up to the
/// members at end: a member who left during the year is not in the conference's grade
/// table, and one who joined too late to be graded shows as not graded.
public struct GradeFigures: Hashable, Sendable {
    public var counts: [Grade: Int] = [:]
    /// Members (or units) at end with no grade for the year.
    public var notGraded = 0

    public init() {}

    public func count(_ grade: Grade) -> Int { counts[grade] ?? 0 }

    /// Each grade's share of the members at end (`notGraded` likewise with `nil`).
    public func percentage(_ grade: Grade?, ofMembers end: Int) -> Percentage? {
        Percentage(grade.map(count) ?? notGraded, of: end)
    }
}
