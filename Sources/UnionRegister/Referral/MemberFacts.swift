/// Everything the register knows about a member that the referral rules read: identity,
/// membership history, grades, trainings, discipline and earlier referrals. The store
/// loads it; `Eligibility` and `ReferralProcess` judge it without touching the database.
public struct MemberFacts: Hashable, Sendable {
    public var member: Member
    public var history: MembershipHistory
    public var grades: [GradeRecord]
    public var trainings: [TrainingRecord]
    public var disciplines: [DisciplineRecord]
    /// The member's referrals, oldest nomination first.
    public var referrals: [Referral]

    public init(member: Member, history: MembershipHistory, grades: [GradeRecord] = [],
                trainings: [TrainingRecord] = [], disciplines: [DisciplineRecord] = [], referrals: [Referral] = []) {
        self.member = member
        self.history = history
        self.grades = grades
        self.trainings = trainings
        self.disciplines = disciplines
        self.referrals = referrals
    }

    /// The member's political theory level on `day` (docs/DOMAIN.md#the-union-book).
    public func theoryLevel(on day: Day) -> TheoryLevel? {
        TheoryLevel.level(entered: member.enteredTheory, trainings: trainings, on: day)
    }

    /// True when the theory level comes from recorded theory courses, not the entered value.
    public var theoryFromTrainings: Bool { trainings.contains { TheoryLevel(course: $0.kind) != nil } }

    /// The latest referral: the only one that can be open, since a nomination needs none open.
    public var latestReferral: Referral? { referrals.last }

    /// The day the member became a Party member, when they are one on `day`: the date the
    /// register was told (`partyJoinedOn`), or an admission through a referral.
    public func partyMemberSince(on day: Day) -> Day? {
        if let joined = member.partyJoinedOn, joined <= day { return joined }
        return referrals.lazy.compactMap { $0.partyMemberSince(on: day) }.first
    }
}
