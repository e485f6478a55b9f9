import RegisterStore
import RegisterViews
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

    func render(_ format: OutputFormat) throws -> String {
        let document = ReferralCandidatesJSON(candidates, step: step, on: on, unitCode: unitCode, policy: policy,
                                              language: language)
        let items = ReferralCandidatesJSON.items(candidates, language: language)
        let eligible = document.eligible, nearly = document.nearly
        switch format {
        case .json:
            return try JSONOutput.encode(document)
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
