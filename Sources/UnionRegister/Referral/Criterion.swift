/// One eligibility criterion judged on a day, with the evidence it was judged on, so a
/// secretary sees not only "no" but the birth date, the grade and its year, the
/// certificate and when it expires.
public struct Criterion: Hashable, Sendable {
    /// The rule codes of docs/CLI.md, in the order a check lists them.
    public enum Rule: String, CaseIterable, Codable, Sendable {
        case activeMember = "active-member"
        case age
        case education
        case latestGrade = "latest-grade"
        case discipline
        case partyAwarenessCertificate = "party-awareness-certificate"
        case noOpenReferral = "no-open-referral"
        case notPartyMember = "not-party-member"

        public var name: Text {
            switch self {
            case .activeMember: return Text(vi: "Đang sinh hoạt Đoàn", en: "Active member")
            case .age: return Text(vi: "Tuổi", en: "Age")
            case .education: return Text(vi: "Trình độ học vấn", en: "Education")
            case .latestGrade: return Text(vi: "Xếp loại gần nhất", en: "Latest grade")
            case .discipline: return Text(vi: "Kỷ luật", en: "Discipline")
            case .partyAwarenessCertificate: return Text(vi: "Giấy chứng nhận lớp nhận thức về Đảng", en: "Party-awareness certificate")
            case .noOpenReferral: return Text(vi: "Hồ sơ giới thiệu", en: "Open referral")
            case .notPartyMember: return Text(vi: "Chưa là đảng viên", en: "Not a Party member")
            }
        }
    }

    public let rule: Rule
    public let passed: Bool
    /// The evidence: what the register holds and the limit it was compared with.
    public let detail: Text

    public init(_ rule: Rule, passed: Bool, _ detail: Text) {
        self.rule = rule
        self.passed = passed
        self.detail = detail
    }
}
