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
        var name: String
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
            Item(member: candidate.eligibility.member.code, name: candidate.eligibility.member.fullName, unit: candidate.unitCode,
                 missing: candidate.eligibility.failing.first.map { Missing(rule: $0.rule.rawValue, detail: $0.detail(language)) })
        }
        let eligible = items.filter { $0.missing == nil }, nearly = items.filter { $0.missing != nil }
        switch format {
        case .json:
            return try JSONOutput.encode(Document(step: step.rawValue, on: on.description, unit: unitCode,
                                                  eligible: eligible, nearly: nearly, policy: policy))
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
