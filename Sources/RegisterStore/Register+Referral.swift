import UnionRegister

/// A member put forward, or nearly, in `referral candidates`.
public struct ReferralCandidate: Sendable, Equatable {
    public var eligibility: Eligibility
    /// The member's branch on the day.
    public var unitCode: String
}

/// One referral in `referral list`, with the branch that nominated the member.
public struct ReferralEntry: Sendable, Equatable {
    public var member: Member
    /// The member's branch on the day of the nomination.
    public var unitCode: String
    public var referral: Referral
}

extension Register {
    /// Every eligibility criterion for `step` on `day`, judged with the register's policy.
    public func checkReferral(_ code: String, step: EligibilityStep, on day: Day) throws -> Eligibility {
        try readSQL { db in
            Eligibility(try MemberFactsTable.facts(of: code, in: db).facts, step: step, on: day,
                        policy: try PolicyTable.load(in: db, on: day))
        }
    }

    /// A member's facts and, for the step `next` picks from them (nil: none), their
    /// eligibility on `day`, in one read: what a member's page shows, without reading the
    /// member twice.
    public func memberBook(_ code: String, eligibilityFor next: (MemberFacts) -> EligibilityStep?,
                           on day: Day) throws -> (facts: MemberFacts, eligibility: Eligibility?) {
        try readSQL { db in
            let facts = try MemberFactsTable.facts(of: code, in: db).facts
            let eligibility = try next(facts).map { Eligibility(facts, step: $0, on: day, policy: try PolicyTable.load(in: db, on: day)) }
            return (facts, eligibility)
        }
    }

    /// Records one referral stage after the domain decides it may follow (eligibility
    /// re-checked on its date, votes, stage order, probation), in one audited transaction.
    @discardableResult
    public func recordReferral(_ code: String, _ action: ReferralAction, on day: Day) throws -> ReferralStep {
        try write { tx in try tx.recordReferral(code, action, on: day) }
    }

    /// The active members of `unitCode`'s subtree (the whole register when nil) on `day`
    /// who pass every criterion for `step`, or all but one, in Vietnamese name order.
    /// Facts are loaded for the whole subtree in a few set-based queries.
    public func referralCandidates(step: EligibilityStep, unitCode: String?, on day: Day) throws -> [ReferralCandidate] {
        try readSQL { db in
            let policy = try PolicyTable.load(in: db, on: day)
            let (members, arguments) = try MembershipSQL.activeMembers(of: unitCode, on: day, in: db)
            return try MemberFactsTable.facts(ofMembers: members, arguments: arguments, in: db).compactMap { facts in
                let eligibility = Eligibility(facts, step: step, on: day, policy: policy)
                guard eligibility.isEligible || eligibility.isNearlyEligible,
                      let unit = facts.history.status(on: day).activeUnitCode else { return nil }
                return ReferralCandidate(eligibility: eligibility, unitCode: unit)
            }
        }
    }

    /// Referrals in Vietnamese name order, filtered by the nominating branch's place in the
    /// tree of the nomination day (`unitCode`'s subtree that day: a branch moved since
    /// stays on the list of the unit it was under when it nominated), by a year in which
    /// any stage is dated (lapsing included), and by the stage on `day`.
    public func referralList(unitCode: String?, year: Int?, stage: ReferralStage?, on day: Day) throws -> [ReferralEntry] {
        try Day.validateYear(year)
        return try readSQL { db in
            var arguments: [String: SQLValue] = [:]
            var members = "SELECT member_id FROM referral"
            var inSubtree: ((String, Day) throws -> Bool)?
            if let unitCode {
                let ancestor = try UnitTable.find(unitCode, in: db).id
                arguments["unit"] = .integer(ancestor)
                inSubtree = { code, day in
                    try db.value("""
                        SELECT EXISTS (SELECT 1 FROM unit_closure c JOIN unit u ON u.id = c.descendant_id
                                       WHERE c.ancestor_id = :unit AND u.code = :code AND \(UnitTreeSQL.inForce("c", on: ":day")))
                        """, ["unit": ancestor, "code": code, "day": day.description]) == .integer(1)
                }
                members = """
                    SELECT r.member_id FROM referral r JOIN membership_event e ON e.member_id = r.member_id
                    JOIN unit_closure c ON c.descendant_id = e.unit_id AND c.ancestor_id = :unit
                    """
            }
            return try MemberFactsTable.facts(ofMembers: members, arguments: .named(arguments), in: db).flatMap { facts in
                try facts.referrals.compactMap { referral -> ReferralEntry? in
                    guard let nominated = referral.nominatedOn, let unit = facts.history.status(on: nominated).activeUnitCode,
                          try inSubtree?(unit, nominated) ?? true,
                          year.map({ year in referral.steps.contains { $0.on.year == year } || referral.lapsesOn?.year == year }) ?? true,
                          stage.map({ referral.stage(on: day) == $0 }) ?? true else { return nil }
                    return ReferralEntry(member: facts.member, unitCode: unit, referral: referral)
                }
            }
        }
    }

    /// The content of the member's latest referral resolution (form 4-KNĐ), with the
    /// committee above the branch the member was in on the resolution's day.
    public func referralResolution(_ code: String) throws -> ReferralResolution {
        try readSQL { db in
            let facts = try MemberFactsTable.facts(of: code, in: db).facts
            let resolution = facts.referrals.last { $0.step(.referred) != nil }?.step(.referred)
            let ancestors = try resolution.flatMap { step in facts.history.status(on: step.on).activeUnitCode.map { (step.on, $0) } }
                .map { try UnitTable.ancestors(of: $0.1, on: $0.0, in: db) } ?? []
            return try ReferralResolution(member: facts.member, referrals: facts.referrals, ancestors: ancestors)
        }
    }
}
