import Foundation
import UnionRegister

/// A referral step as typed on the member's referral form: which stage, the day, and
/// what the stage needs (the meeting's vote, a resolution or decision number, a reason).
/// Read into the domain's `ReferralAction`, which the referral rules then judge.
struct ReferralStepForm {
    static let stages: [ReferralStage] = [.nominated, .referredToClass, .referred, .admitted, .official, .rejected, .withdrawn]
    var input: FormInput

    func day() throws -> Day { try input.day("on") }

    func action() throws -> ReferralAction {
        switch ReferralStage(rawValue: input.fields["stage"] ?? "") {
        case .nominated: return .nominate(try vote())
        case .referredToClass: return .referToClass
        case .referred: return .refer(resolutionNo: try input.required("resolution_no"), try vote())
        case .admitted: return .admit(decisionNo: input.optional("decision_no"))
        case .official: return .confirm(decisionNo: input.optional("decision_no"))
        case .rejected: return .reject(reason: try input.required("reason"))
        case .withdrawn: return .withdraw(reason: try input.required("reason"))
        case .lapsed, nil:
            throw RegisterError.badInput(Text(vi: "Chọn một bước giới thiệu.", en: "Choose a referral step."))
        }
    }

    private func vote() throws -> Vote {
        Vote(convened: try input.number("convened"), present: try input.number("present"), votesFor: try input.number("votes_for"))
    }
}
