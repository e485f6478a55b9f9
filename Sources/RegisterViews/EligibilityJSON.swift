import UnionRegister

/// `referral check --format json` (docs/CLI.md): every criterion of a step with its
/// evidence, and the policy the check used. The member page lists the same criteria.
public struct EligibilityJSON: Encodable, Sendable {
    public struct Criterion: Encodable, Sendable {
        public var rule: String
        public var passed: Bool
        public var detail: String
    }

    public var member: String
    public var step: String
    public var on: String
    public var eligible: Bool
    public var criteria: [Criterion]
    public var policy: Policy

    public init(_ e: Eligibility, language: Language) {
        member = e.member.code
        step = e.step.rawValue
        on = e.on.description
        eligible = e.isEligible
        criteria = e.criteria.map { Criterion(rule: $0.rule.rawValue, passed: $0.passed, detail: $0.detail(language)) }
        policy = e.policy
    }
}
