import RegisterStore
import UnionRegister

/// `referral candidates --format json` and `GET /api/referral/candidates`: who passes every
/// criterion of a step, and who is one criterion short and which.
public struct ReferralCandidatesJSON: Encodable, Sendable {
    public struct Missing: Encodable, Sendable {
        public var rule: String
        public var detail: String
    }

    public struct Item: Encodable, Sendable {
        public var member: String
        public var full_name: String
        public var unit: String
        public var missing: Missing?
    }

    public var step: String
    public var on: String
    public var unit: String?
    public var eligible: [Item]
    public var nearly: [Item]
    public var policy: Policy

    public init(_ candidates: [ReferralCandidate], step: EligibilityStep, on: Day, unitCode: String?,
                policy: Policy, language: Language) {
        let items = Self.items(candidates, language: language)
        self.step = step.rawValue
        self.on = on.description
        self.unit = unitCode
        self.eligible = items.filter { $0.missing == nil }
        self.nearly = items.filter { $0.missing != nil }
        self.policy = policy
    }

    /// Every candidate in the store's order, eligible or not.
    public static func items(_ candidates: [ReferralCandidate], language: Language) -> [Item] {
        candidates.map { candidate in
            Item(member: candidate.eligibility.member.code, full_name: candidate.eligibility.member.fullName,
                 unit: candidate.unitCode,
                 missing: candidate.eligibility.failing.first.map { Missing(rule: $0.rule.rawValue, detail: $0.detail(language)) })
        }
    }
}
