/// One referral of a member to the Party: the stages recorded so far, in order, and
/// what they mean on any day.
///
/// `lapsed` is never recorded (the schema has no such row): a referral whose last stage
/// is `referred` shows as lapsed from 12 months after the resolution (docs/DOMAIN.md), counted
/// with `Validity`, so the same register answers the same on every date asked.
public struct Referral: Hashable, Sendable {
    /// A referral resolution holds this many months; without admission it lapses.
    public static let validityMonths = 12
    /// Probation after admission before a member may be confirmed as a full Party member.
    public static let probationMonths = 12

    /// Steps in the order they were recorded (dates never go backwards).
    public var steps: [ReferralStep]

    public init(steps: [ReferralStep]) {
        self.steps = steps
    }

    /// The nomination that opened the referral.
    public var nominatedOn: Day? { steps.first?.on }

    /// The latest recorded step of `stage`, if any.
    public func step(_ stage: ReferralStage) -> ReferralStep? {
        steps.last { $0.stage == stage }
    }

    /// The day the referral lapses: 12 months after `referred` when nothing followed it.
    public var lapsesOn: Day? {
        guard let last = steps.last, last.stage == .referred else { return nil }
        return Validity(from: last.on, months: Referral.validityMonths).end
    }

    /// The stage at the end of `day`: nil before the nomination, `lapsed` from the lapse day.
    public func stage(on day: Day) -> ReferralStage? {
        guard let last = steps.last(where: { $0.on <= day }) else { return nil }
        if last.stage == .referred, let lapse = lapsesOn, lapse <= day { return .lapsed }
        return last.stage
    }

    /// The day the referral closed (official, rejected, withdrawn, lapsed), when it is
    /// closed at the end of `day`.
    public func closedOn(asOf day: Day) -> Day? {
        guard let stage = stage(on: day), stage.isFinal else { return nil }
        return stage == .lapsed ? lapsesOn : steps.last { $0.on <= day }?.on
    }

    /// True when, at the end of `day`, the referral is under way (nominated, not closed).
    public func isOpen(on day: Day) -> Bool {
        stage(on: day).map { !$0.isFinal } ?? false
    }

    /// The day the member became a probationary Party member through this referral, when
    /// on `day` they are one (admitted) or a full member (official).
    public func partyMemberSince(on day: Day) -> Day? {
        guard let stage = stage(on: day), stage == .admitted || stage == .official else { return nil }
        return step(.admitted)?.on
    }

    /// The day probation ends and `official` becomes possible, once admitted.
    public var probationEnds: Day? {
        step(.admitted).map { Validity(from: $0.on, months: Referral.probationMonths).end }
    }
}
