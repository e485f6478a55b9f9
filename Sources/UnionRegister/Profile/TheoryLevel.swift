/// A member's level of political theory (trình độ lý luận chính trị), lowest first
/// (docs/DOMAIN.md#the-union-book).
///
/// Where the register keeps the member's theory trainings, the level is what they show:
/// the highest theory course completed on or before the day. Only a member with no theory
/// training recorded has the level the secretary entered (`Member.enteredTheory`), since a
/// recorded course is evidence and an entered level is not.
public enum TheoryLevel: String, CaseIterable, Codable, Comparable, Sendable, NamedCode {
    case none
    case elementary
    case intermediate
    case advanced

    public static func < (lhs: TheoryLevel, rhs: TheoryLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var name: Text {
        switch self {
        case .none: return Text(vi: "Chưa qua đào tạo", en: "none")
        case .elementary: return Text(vi: "Sơ cấp", en: "elementary")
        case .intermediate: return Text(vi: "Trung cấp", en: "intermediate")
        case .advanced: return Text(vi: "Cao cấp", en: "advanced")
        }
    }

    /// The code, the Vietnamese name, or the usual words of a form ("Không", "Sơ cấp LLCT").
    public init?(parsing text: String) {
        if let level = TheoryLevel(codeOrName: text) { self = level; return }
        let folded = VietnameseText.fold(text).replacingOccurrences(of: " ly luan chinh tri", with: "")
            .replacingOccurrences(of: " llct", with: "")
        switch folded {
        case "khong", "chua", "chua co": self = .none
        case "so cap": self = .elementary
        case "trung cap": self = .intermediate
        case "cao cap", "cu nhan": self = .advanced
        default: return nil
        }
    }

    /// The level the training course of `kind` gives, if it is a theory course.
    public init?(course kind: TrainingKind) {
        switch kind {
        case .theoryElementary: self = .elementary
        case .theoryIntermediate: self = .intermediate
        case .theoryAdvanced: self = .advanced
        default: return nil
        }
    }

    /// The member's level on `day`: from their theory trainings when any is recorded (the
    /// highest completed on or before `day`, `none` before the first), else `entered`.
    public static func level(entered: TheoryLevel?, trainings: [TrainingRecord], on day: Day) -> TheoryLevel? {
        let courses = trainings.compactMap { training in TheoryLevel(course: training.kind).map { ($0, training.completedOn) } }
        return level(entered: entered, anyCourse: !courses.isEmpty, highestBy: courses.filter { $0.1 <= day }.map(\.0).max())
    }

    /// The same rule from what a set-based query gives for a member (the year-end report):
    /// whether any theory course is recorded, and the highest completed by the day.
    public static func level(entered: TheoryLevel?, anyCourse: Bool, highestBy highest: TheoryLevel?) -> TheoryLevel? {
        anyCourse ? highest ?? TheoryLevel.none : entered
    }
}
