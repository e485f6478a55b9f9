import RegisterStore
import UnionRegister

/// Renders `referral candidates`: who passes every criterion, then who is one short and
/// which one — the list a secretary brings to the branch meeting.
struct ReferralCandidatesView {
    var candidates: [ReferralCandidate]
    var step: EligibilityStep
    var on: Day
    var unitCode: String?
    var policy: Policy
    var language: Language

    struct Missing: Encodable {
        var rule: String
        var detail: String
    }

    struct Item: Encodable {
        var member: String
        var full_name: String
        var unit: String
        var missing: Missing?
    }

    struct Document: Encodable {
        var step: String
        var on: String
        var unit: String?
        var eligible: [Item]
        var nearly: [Item]
        var policy: Policy
    }

    func render(_ format: OutputFormat) throws -> String {
        let items = candidates.map { candidate in
            Item(member: candidate.eligibility.member.code, full_name: candidate.eligibility.member.fullName, unit: candidate.unitCode,
                 missing: candidate.eligibility.failing.first.map { Missing(rule: $0.rule.rawValue, detail: $0.detail(language)) })
        }
        let eligible = items.filter { $0.missing == nil }, nearly = items.filter { $0.missing != nil }
        switch format {
        case .json:
            return try JSONOutput.encode(Document(step: step.rawValue, on: on.description, unit: unitCode,
                                                  eligible: eligible, nearly: nearly, policy: policy))
        case .csv:
            return CSVWriter.document(header: ["member", "full_name", "unit", "eligible", "missing_rule", "detail"],
                                      rows: items.map { [$0.member, $0.full_name, $0.unit, String($0.missing == nil),
                                                         $0.missing?.rule ?? "", $0.missing?.detail ?? ""] })
        default:
            let heading = Text(vi: "Xét bước «\(step.name.vi)», ngày \(on.vietnamese)" + (unitCode.map { ", thuộc \($0)" } ?? ""),
                               en: "Candidates for step \(step.rawValue), on \(on)" + (unitCode.map { ", in \($0)" } ?? ""))
            var out = heading(language) + "\n\n"
            var passing = TextTable([Heading.code, Heading.fullName, Heading.branch], language)
            eligible.forEach { passing.append([$0.member, $0.full_name, $0.unit]) }
            out += Text(vi: "Đủ điều kiện (\(eligible.count))", en: "Eligible (\(eligible.count))")(language) + "\n" + passing.render() + "\n"
            var short = TextTable([Heading.code, Heading.fullName, Heading.branch, Heading.missing, Heading.evidence], language)
            nearly.forEach { short.append([$0.member, $0.full_name, $0.unit, $0.missing!.rule, $0.missing!.detail]) }
            out += Text(vi: "Thiếu một tiêu chí (\(nearly.count))", en: "One criterion short (\(nearly.count))")(language) + "\n" + short.render()
            return out + "\n" + PolicyView.line(policy, language) + "\n"
        }
    }
}
