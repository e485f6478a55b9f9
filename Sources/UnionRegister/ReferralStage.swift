/// The stages of a referral of an outstanding member to the Party (docs/DOMAIN.md), in order,
/// then its exits. `lapsed` is never recorded: a `referred` referral with no admission
/// 12 months on shows as lapsed from that day.
public enum ReferralStage: String, CaseIterable, Codable, Sendable {
    /// The branch meeting proposes the member (vote).
    case nominated
    /// The Union introduces the member to the Party's awareness class.
    case referredToClass = "referred-to-class"
    /// The referral resolution (form 4-KNĐ) is passed (vote, resolution number).
    case referred
    /// The Party admits the member (probationary Party member).
    case admitted
    /// After 12 months of probation, a full Party member.
    case official
    case rejected
    case withdrawn
    case lapsed

    /// True for the stages after which the referral is over.
    public var isFinal: Bool {
        switch self {
        case .official, .rejected, .withdrawn, .lapsed: return true
        case .nominated, .referredToClass, .referred, .admitted: return false
        }
    }

    public var name: Text {
        switch self {
        case .nominated: return Text(vi: "Chi đoàn đề xuất", en: "nominated")
        case .referredToClass: return Text(vi: "Giới thiệu học lớp nhận thức về Đảng", en: "referred to class")
        case .referred: return Text(vi: "Nghị quyết giới thiệu", en: "referred")
        case .admitted: return Text(vi: "Kết nạp Đảng (dự bị)", en: "admitted")
        case .official: return Text(vi: "Đảng viên chính thức", en: "official")
        case .rejected: return Text(vi: "Không được thông qua", en: "rejected")
        case .withdrawn: return Text(vi: "Rút", en: "withdrawn")
        case .lapsed: return Text(vi: "Hết hiệu lực", en: "lapsed")
        }
    }
}
