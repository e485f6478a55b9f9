import Foundation
import UnionRegister

/// A referral step as typed on the member's referral form: which stage, the day, and
/// what the stage needs (the meeting's vote, a resolution or decision number, a reason).
/// Read into the domain's `ReferralAction`, which the referral rules then judge.
struct ReferralStepForm {
    static let stages: [ReferralStage] = [.nominated, .referredToClass, .referred, .admitted, .official, .rejected, .withdrawn]
    var fields: [String: String]

    func day() throws -> Day {
        let text = fields["on"] ?? ""
        guard let day = Day(parsing: text) else { throw RegisterError.badDate(text, field: "on") }
        return day
    }

    func action() throws -> ReferralAction {
        switch ReferralStage(rawValue: fields["stage"] ?? "") {
        case .nominated: return .nominate(try vote())
        case .referredToClass: return .referToClass
        case .referred: return .refer(resolutionNo: try required("resolution_no"), try vote())
        case .admitted: return .admit(decisionNo: optional("decision_no"))
        case .official: return .confirm(decisionNo: optional("decision_no"))
        case .rejected: return .reject(reason: try required("reason"))
        case .withdrawn: return .withdraw(reason: try required("reason"))
        case .lapsed, nil:
            throw RegisterError.badInput(Text(vi: "Chọn một bước giới thiệu.", en: "Choose a referral step."))
        }
    }

    private func vote() throws -> Vote {
        Vote(convened: try number("convened"), present: try number("present"), votesFor: try number("votes_for"))
    }

    private func number(_ name: String) throws -> Int {
        let text = fields[name] ?? ""
        guard let value = Int(text) else {
            throw RegisterError.badInput(Text(vi: "\(name): \"\(text)\" không phải số.", en: "\(name): \"\(text)\" is not a number."))
        }
        return value
    }

    private func required(_ name: String) throws -> String {
        guard let value = optional(name) else {
            throw RegisterError.badInput(Text(vi: "Thiếu \(name).", en: "\(name) is missing."))
        }
        return value
    }

    private func optional(_ name: String) -> String? {
        fields[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }
}
