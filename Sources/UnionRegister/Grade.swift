/// The yearly evaluation of a member (đánh giá, xếp loại chất lượng đoàn viên), best first.
public enum Grade: String, CaseIterable, Codable, Comparable, Sendable {
    case excellent
    case good
    case pass
    case fail

    /// Better grades compare greater: `.excellent > .good`.
    public static func < (lhs: Grade, rhs: Grade) -> Bool {
        allCases.firstIndex(of: lhs)! > allCases.firstIndex(of: rhs)!
    }

    public var name: Text {
        switch self {
        case .excellent: return Text(vi: "Hoàn thành xuất sắc nhiệm vụ", en: "excellent")
        case .good: return Text(vi: "Hoàn thành tốt nhiệm vụ", en: "good")
        case .pass: return Text(vi: "Hoàn thành nhiệm vụ", en: "pass")
        case .fail: return Text(vi: "Không hoàn thành nhiệm vụ", en: "fail")
        }
    }
}

/// A member's grade for one year.
public struct GradeRecord: Hashable, Sendable, Codable {
    public var year: Int
    public var grade: Grade

    public init(year: Int, grade: Grade) {
        self.year = year
        self.grade = grade
    }
}
