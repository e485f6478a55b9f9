/// The rule a refusal names: a stable code that scripts, the server's JSON and tests rely
/// on, printed in brackets before the message (`Lỗi [admission-age]: …`). docs/DOMAIN.md
/// describes each rule under its code.
public enum RuleCode: Hashable, Sendable {
    case admissionAge
    case admissionEducation
    case arrivalActive
    case arrivalBeforeAdmission
    case departureNotActive
    case disciplineMembership
    case disciplineOffice
    case duesAmount
    case duesExemption
    case duesMonths
    case duesRate
    case eventOrder
    case gradeMonths
    case gradeNotHere
    case letterNoDeparture
    case memberUnitKind
    case memberUnitOpen
    case officeMember
    case officeOverlap
    case officeSecretary
    case officeTerm
    case officeUnit
    case passwordStrength
    case probation
    case referralCommittee
    case referralStage
    case reportBalance
    case stepOrder
    case temporaryMember
    case temporaryPeriod
    case transferSameUnit
    case unitClose
    case unitGradeKind
    case unitGradeMonths
    case unitMerge
    case unitMoveCycle
    case unitReorganisationDate
    case unitSplitPlan
    case unitParent
    case unitParentOpen
    case voteMajority
    case voteQuorum
    /// A referral step refused because the member fails these eligibility criteria.
    case eligibility([Criterion.Rule])

    /// The code as printed and as JSON carries it; the failed criteria's codes joined by
    /// commas for an eligibility refusal (`age,latest-grade`).
    public var code: String {
        switch self {
        case .admissionAge: return "admission-age"
        case .admissionEducation: return "admission-education"
        case .arrivalActive: return "arrival-active"
        case .arrivalBeforeAdmission: return "arrival-before-admission"
        case .departureNotActive: return "departure-not-active"
        case .disciplineMembership: return "discipline-membership"
        case .disciplineOffice: return "discipline-office"
        case .duesAmount: return "dues-amount"
        case .duesExemption: return "dues-exemption"
        case .duesMonths: return "dues-months"
        case .duesRate: return "dues-rate"
        case .eventOrder: return "event-order"
        case .gradeMonths: return "grade-months"
        case .gradeNotHere: return "grade-not-here"
        case .letterNoDeparture: return "letter-no-departure"
        case .memberUnitKind: return "member-unit-kind"
        case .memberUnitOpen: return "member-unit-open"
        case .officeMember: return "office-member"
        case .officeOverlap: return "office-overlap"
        case .officeSecretary: return "office-secretary"
        case .officeTerm: return "office-term"
        case .officeUnit: return "office-unit"
        case .passwordStrength: return "password-strength"
        case .probation: return "probation"
        case .referralCommittee: return "referral-committee"
        case .referralStage: return "referral-stage"
        case .reportBalance: return "report-balance"
        case .stepOrder: return "step-order"
        case .temporaryMember: return "temporary-member"
        case .temporaryPeriod: return "temporary-period"
        case .transferSameUnit: return "transfer-same-unit"
        case .unitClose: return "unit-close"
        case .unitGradeKind: return "unit-grade-kind"
        case .unitGradeMonths: return "unit-grade-months"
        case .unitMerge: return "unit-merge"
        case .unitMoveCycle: return "unit-move-cycle"
        case .unitReorganisationDate: return "unit-reorganisation-date"
        case .unitSplitPlan: return "unit-split-plan"
        case .unitParent: return "unit-parent"
        case .unitParentOpen: return "unit-parent-open"
        case .voteMajority: return "vote-majority"
        case .voteQuorum: return "vote-quorum"
        case .eligibility(let criteria): return criteria.map(\.rawValue).joined(separator: ",")
        }
    }
}

extension RuleCode: CustomStringConvertible {
    public var description: String { code }
}
