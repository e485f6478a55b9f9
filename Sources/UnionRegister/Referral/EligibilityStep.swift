/// The referral steps whose eligibility the rules decide (docs/DOMAIN.md, referral to the Party).
///
/// A nomination opens a referral; the later steps need the open referral to be at the
/// stage before. Only the resolution (`refer`) needs the Party-awareness certificate: the
/// class comes between `refer-to-class` and `refer`.
public enum EligibilityStep: String, CaseIterable, Codable, Sendable {
    case nominate
    case referToClass = "refer-to-class"
    case refer

    /// The stage the open referral must be at; nil for a nomination, which needs none open.
    public var follows: ReferralStage? {
        switch self {
        case .nominate: return nil
        case .referToClass: return .nominated
        case .refer: return .referredToClass
        }
    }

    /// True when the step needs a valid Party-awareness certificate.
    public var needsCertificate: Bool { self == .refer }

    public var name: Text {
        switch self {
        case .nominate: return Text(vi: "đề xuất (chi đoàn)", en: "nominate")
        case .referToClass: return Text(vi: "giới thiệu học lớp nhận thức về Đảng", en: "refer to class")
        case .refer: return Text(vi: "nghị quyết giới thiệu (4-KNĐ)", en: "refer (resolution 4-KNĐ)")
        }
    }
}
