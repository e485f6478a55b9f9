import RegisterStore
import RegisterViews
import UnionRegister

/// Renders `referral check`: every criterion with its evidence, then the policy used.
/// The JSON shape is fixed by docs/CLI.md.
struct EligibilityView {
    var eligibility: Eligibility
    var language: Language

    func render(_ format: OutputFormat) throws -> String {
        let e = eligibility
        let document = EligibilityJSON(e, language: language)
        let items = document.criteria
        switch format {
        case .json:
            return try JSONOutput.encode(document)
        case .csv:
            let policyHeader = Policy.Key.allCases.map(\.rawValue)
            let policyValues = Policy.Key.allCases.map { e.policy.value(of: $0) }
            return CSVWriter.document(header: ["member", "step", "on", "rule", "passed", "detail"] + policyHeader,
                                      rows: items.map { [e.member.code, e.step.rawValue, e.on.description, $0.rule,
                                                         String($0.passed), $0.detail] + policyValues })
        default:
            let verdict = e.isEligible ? Text(vi: "ĐỦ ĐIỀU KIỆN", en: "ELIGIBLE") : Text(vi: "CHƯA ĐỦ ĐIỀU KIỆN", en: "NOT ELIGIBLE")
            var table = TextTable([Text(vi: "", en: ""), Heading.criterion, Heading.evidence], language)
            for criterion in e.criteria {
                table.append([criterion.passed ? "✓" : "✗", criterion.rule.name(language), criterion.detail(language)])
            }
            let heading = "\(e.member.fullName) (\(e.member.code)) — \(e.step.name(language)), "
                + Text(vi: "ngày \(e.on.vietnamese)", en: "on \(e.on)")(language)
            return heading + ": " + verdict(language) + "\n\n" + table.render() + "\n" + PolicyView.line(e.policy, language) + "\n"
        }
    }
}
