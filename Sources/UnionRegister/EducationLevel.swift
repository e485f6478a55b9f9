/// Highest level of general or further education, in increasing order.
///
/// The order matters: admission needs at least `primary`, Party referral at least
/// `lowerSecondary` (THCS). Vocational and higher levels all follow upper secondary.
public enum EducationLevel: String, CaseIterable, Codable, Comparable, Sendable {
    case none
    case primary
    case lowerSecondary = "lower-secondary"
    case upperSecondary = "upper-secondary"
    case vocational
    case college
    case university
    case postgraduate

    public static func < (lhs: EducationLevel, rhs: EducationLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Accepts the codes and the usual Vietnamese names and abbreviations
    /// ("THCS", "Trung học phổ thông", "Đại học", "12/12", …).
    public init?(parsing text: String) {
        if let level = EducationLevel(rawValue: text) { self = level; return }  // the common case, without folding
        let folded = VietnameseText.fold(text)
        if let level = EducationLevel(rawValue: folded) { self = level; return }
        switch folded {
        case "tieu hoc", "th", "5/12": self = .primary
        case "trung hoc co so", "thcs", "9/12": self = .lowerSecondary
        case "trung hoc pho thong", "thpt", "12/12": self = .upperSecondary
        case "trung cap", "trung cap nghe", "so cap nghe": self = .vocational
        case "cao dang": self = .college
        case "dai hoc", "cu nhan", "ky su": self = .university
        case "thac si", "tien si", "sau dai hoc": self = .postgraduate
        case "khong", "chua qua dao tao": self = .none
        default: return nil
        }
    }

    public var name: Text {
        switch self {
        case .none: return Text(vi: "Chưa qua đào tạo", en: "none")
        case .primary: return Text(vi: "Tiểu học", en: "primary")
        case .lowerSecondary: return Text(vi: "Trung học cơ sở", en: "lower secondary")
        case .upperSecondary: return Text(vi: "Trung học phổ thông", en: "upper secondary")
        case .vocational: return Text(vi: "Trung cấp", en: "vocational")
        case .college: return Text(vi: "Cao đẳng", en: "college")
        case .university: return Text(vi: "Đại học", en: "university")
        case .postgraduate: return Text(vi: "Sau đại học", en: "postgraduate")
        }
    }
}
