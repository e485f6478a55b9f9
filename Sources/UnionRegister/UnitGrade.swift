/// A unit's grade for one year (xếp loại chất lượng tổ chức cơ sở đoàn, chi đoàn): the
/// same four levels as a member's (docs/DOMAIN.md#unit-grades).
public struct UnitGrade: Hashable, Sendable, Codable {
    public var unitCode: String
    public var year: Int
    public var grade: Grade

    public init(unitCode: String, year: Int, grade: Grade) {
        self.unitCode = unitCode
        self.year = year
        self.grade = grade
    }

    enum CodingKeys: String, CodingKey {
        case unitCode = "unit"
        case year, grade
    }
}
