/// The profile of the members at the end of a report period (docs/DOMAIN.md#year-end-counts):
/// ethnic minority, religion, age bands, education, political theory, Party membership and
/// offices, over exactly the members counted at end, at their unit then (gender is
/// `MemberFigures.endFemale`/`endMale`).
public struct ProfileFigures: Hashable, Sendable {
    /// Of a recorded ethnic group other than the Kinh majority, foreigners left out
    /// (`Ethnicity.isMinority`).
    public var ethnicMinority = 0
    /// With a religion recorded that is not "none".
    public var religious = 0
    public var ageBands: [AgeBand: Int] = [:]
    public var education: [EducationLevel: Int] = [:]
    /// The level in force at the end (`TheoryLevel.level`); a member with none recorded counts as `none`.
    public var theory: [TheoryLevel: Int] = [:]
    public var partyMembers: [PartyStanding: Int] = [:]
    /// Holding a Union office on the end day.
    public var officeHolders = 0

    public init() {}
}

/// The age bands of the year-end profile, by age in whole years on the period's last day.
public enum AgeBand: String, CaseIterable, Hashable, Sendable {
    case upTo18 = "16-18"
    case from19To22 = "19-22"
    case from23To27 = "23-27"
    case from28To30 = "28-30"
    case over30 = "over-30"

    /// A member is admitted older than 15, so the first band starts at 16; an age below it
    /// (a register imported with an earlier admission) still counts in the first band, so
    /// the bands add up to the members at end.
    public init(years: Int) {
        switch years {
        case ...18: self = .upTo18
        case 19...22: self = .from19To22
        case 23...27: self = .from23To27
        case 28...30: self = .from28To30
        default: self = .over30
        }
    }

    public var name: Text {
        switch self {
        case .over30: return Text(vi: "Trên 30 tuổi", en: "Over 30")
        default: return Text(vi: "Từ \(rawValue.replacingOccurrences(of: "-", with: " đến ")) tuổi", en: "Aged \(rawValue.replacingOccurrences(of: "-", with: "–"))")
        }
    }
}

/// A Party member among the Union's members on a day: probationary (admitted, 12 months'
/// probation) or official.
public enum PartyStanding: String, CaseIterable, Hashable, Sendable {
    case probationary
    case official

    /// The standing of a member whose referral stood at `stage` on the day, or who joined
    /// the Party before the register knew them (`joinedBefore`: their `party_joined_on` is on
    /// or before the day). The register keeps no probation for those, so they count as
    /// official; nil for a member who is not a Party member on the day.
    public init?(stage: ReferralStage?, joinedBefore: Bool) {
        if joinedBefore { self = .official; return }
        switch stage {
        case .admitted: self = .probationary
        case .official: self = .official
        default: return nil
        }
    }

    public var name: Text {
        switch self {
        case .probationary: return Text(vi: "Đảng viên dự bị", en: "Probationary Party members")
        case .official: return Text(vi: "Đảng viên chính thức", en: "Official Party members")
        }
    }
}
