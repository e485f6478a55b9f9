/// Referral steps of a unit's subtree in a report period, each attributed to the unit the
/// member was in on the step's date.
public struct ReferralFigures: Hashable, Sendable {
    public var nominated = 0
    /// "Giới thiệu N đoàn viên ưu tú học lớp đối tượng kết nạp Đảng".
    public var referredToClass = 0
    public var referred = 0
    public var admitted = 0
    public var official = 0
    /// The cohort figure: of the `referredToClass` steps of the period, how many belong to
    /// a referral with an `admitted` step dated on or before the period's end ("of them,
    /// 243 were admitted"). Never more than `referredToClass`.
    public var referredToClassSinceAdmitted = 0

    public init() {}

    /// The stages a report counts, in the order of the process.
    public static let countedStages: [ReferralStage] = [.nominated, .referredToClass, .referred, .admitted, .official]

    /// Records `count` steps of `stage`; the exits (rejected, withdrawn, lapsed) are not
    /// year-end figures and are ignored.
    public mutating func add(_ count: Int, of stage: ReferralStage) {
        switch stage {
        case .nominated: nominated += count
        case .referredToClass: referredToClass += count
        case .referred: referred += count
        case .admitted: admitted += count
        case .official: official += count
        case .rejected, .withdrawn, .lapsed: break
        }
    }

    public func count(_ stage: ReferralStage) -> Int {
        switch stage {
        case .nominated: return nominated
        case .referredToClass: return referredToClass
        case .referred: return referred
        case .admitted: return admitted
        case .official: return official
        case .rejected, .withdrawn, .lapsed: return 0
        }
    }
}
