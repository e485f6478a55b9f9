/// The kinds of training record (docs/DOMAIN.md).
public enum TrainingKind: String, CaseIterable, Codable, Sendable {
    /// Lớp bồi dưỡng nhận thức về Đảng: the class for Party admission candidates; its
    /// certificate is what the `refer` step checks.
    case partyAwareness = "party-awareness"
    case newMember = "new-member"
    case theoryElementary = "theory-elementary"
    case theoryIntermediate = "theory-intermediate"
    case theoryAdvanced = "theory-advanced"
    case unionCadre = "union-cadre"
    case memberProgramme = "member-programme"
    case other

    public var name: Text {
        switch self {
        case .partyAwareness: return Text(vi: "Lớp bồi dưỡng nhận thức về Đảng", en: "Party-awareness class")
        case .newMember: return Text(vi: "Lớp đoàn viên mới", en: "new-member class")
        case .theoryElementary: return Text(vi: "Sơ cấp lý luận chính trị", en: "elementary political theory")
        case .theoryIntermediate: return Text(vi: "Trung cấp lý luận chính trị", en: "intermediate political theory")
        case .theoryAdvanced: return Text(vi: "Cao cấp lý luận chính trị", en: "advanced political theory")
        case .unionCadre: return Text(vi: "Tập huấn cán bộ Đoàn", en: "Union cadre training")
        case .memberProgramme: return Text(vi: "Chương trình rèn luyện đoàn viên", en: "member training programme")
        case .other: return Text(vi: "Khác", en: "other")
        }
    }
}

/// One training a member completed.
public struct TrainingRecord: Hashable, Sendable, Codable {
    public var kind: TrainingKind
    public var startedOn: Day?
    public var completedOn: Day
    public var provider: String?
    public var certificateNo: String?
    public var result: String?

    public init(kind: TrainingKind, startedOn: Day? = nil, completedOn: Day, provider: String? = nil,
                certificateNo: String? = nil, result: String? = nil) {
        self.kind = kind
        self.startedOn = startedOn
        self.completedOn = completedOn
        self.provider = provider
        self.certificateNo = certificateNo
        self.result = result
    }
}
