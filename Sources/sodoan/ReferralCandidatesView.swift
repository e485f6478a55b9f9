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
            return CSVWriter.document(header: ["member", "name", "unit", "eligible", "missing_rule", "detail"],
                                      rows: items.map { [$0.member, $0.name, $0.unit, String($0.missing == nil),
                                                         $0.missing?.rule ?? "", $0.missing?.detail ?? ""] })
        default:
            let vi = language == .vi
            var out = (vi ? "Xét bước «\(step.name.vi)», ngày \(on.vietnamese)" : "Candidates for step \(step.rawValue), on \(on)")
                + (unitCode.map { vi ? ", thuộc \($0)" : ", in \($0)" } ?? "") + "\n\n"
            var passing = TextTable(vi ? ["Mã", "Họ và tên", "Chi đoàn"] : ["Code", "Name", "Branch"])
            eligible.forEach { passing.append([$0.member, $0.name, $0.unit]) }
            out += (vi ? "Đủ điều kiện (\(eligible.count))" : "Eligible (\(eligible.count))") + "\n" + passing.render() + "\n"
            var short = TextTable(vi ? ["Mã", "Họ và tên", "Chi đoàn", "Còn thiếu", "Căn cứ"] : ["Code", "Name", "Branch", "Missing", "Evidence"])
            nearly.forEach { short.append([$0.member, $0.name, $0.unit, $0.missing!.rule, $0.missing!.detail]) }
            out += (vi ? "Thiếu một tiêu chí (\(nearly.count))" : "One criterion short (\(nearly.count))") + "\n" + short.render()
            return out + "\n" + PolicyView.line(policy, language) + "\n"
        }
    }
}
