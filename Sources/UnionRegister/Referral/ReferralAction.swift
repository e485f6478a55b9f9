/// What a secretary asks to record for a member's referral on a day: one of the stage
/// commands, with what that stage needs (a vote, a resolution number, a reason).
public enum ReferralAction: Hashable, Sendable {
    /// The branch meeting proposes the member: opens a referral.
    case nominate(Vote)
    /// The Union introduces the member to the Party-awareness class.
    case referToClass
    /// The grassroots committee passes the referral resolution (form 4-KNĐ).
    case refer(resolutionNo: String, Vote)
    /// The Party admits the member (probationary).
    case admit(decisionNo: String?)
    /// The member becomes a full Party member after probation.
    case confirm(decisionNo: String?)
    case reject(reason: String)
    case withdraw(reason: String)

    /// The stage the action records.
    public var stage: ReferralStage {
        switch self {
        case .nominate: return .nominated
        case .referToClass: return .referredToClass
        case .refer: return .referred
        case .admit: return .admitted
        case .confirm: return .official
        case .reject: return .rejected
        case .withdraw: return .withdrawn
        }
    }

    /// The eligibility step the action must pass, for the Union's own steps.
    public var eligibilityStep: EligibilityStep? {
        switch self {
        case .nominate: return .nominate
        case .referToClass: return .referToClass
        case .refer: return .refer
        case .admit, .confirm, .reject, .withdraw: return nil
        }
    }
}
