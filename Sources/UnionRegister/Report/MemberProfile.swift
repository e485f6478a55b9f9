/// One member's place in each facet of the year-end profile on the period's last day
/// (docs/DOMAIN.md#year-end-counts): what `ProfileFigures` counts, worked out from the facts
/// the register keeps about the member as of that day.
///
/// The store gathers the facts and counts members by this value; every rule that turns a
/// fact into a facet (the age band on the day, who is a minority, a Party member, the theory
/// level in force) is here, so the counting outside SQL and any engine give the same report.
public struct MemberProfile: Hashable, Sendable {
    public let ageBand: AgeBand
    public let education: EducationLevel
    /// Of a recorded ethnic group that `Ethnicity.isMinority` counts.
    public let ethnicMinority: Bool
    /// With a religion recorded that is not "none".
    public let religious: Bool
    public let theory: TheoryLevel
    public let party: PartyStanding?
    public let officeHolder: Bool
    /// Every facet as one number, what equality and hashing compare: a raw-valued enum
    /// hashes its text, and hashing seven texts per member was most of the cost of counting
    /// a million of them by profile.
    private let key: Int

    /// The profile on `day` of a member born on `born`, with the facts recorded as of that
    /// day: `theoryCourses` says whether any theory course is recorded and the highest
    /// completed by the day; `latestStage` is the stage of their latest referral step by
    /// the day; `partyJoinedOn` the day they joined the Party before the register knew them.
    public init(on day: Day, born: Day, education: EducationLevel, ethnicity: Ethnicity?, religion: Religion?,
                enteredTheory: TheoryLevel?, theoryCourses: TheoryCourses, partyJoinedOn: Day?,
                latestStage: ReferralStage?, holdsOffice: Bool) {
        ageBand = AgeBand(born: born, on: day)
        self.education = education
        ethnicMinority = ethnicity?.isMinority ?? false
        religious = religion.map { $0 != .none } ?? false
        theory = TheoryLevel.level(entered: enteredTheory, anyCourse: theoryCourses.any, highestBy: theoryCourses.highest) ?? .none
        party = PartyStanding(stage: latestStage, joinedBefore: partyJoinedOn.map { $0 <= day } ?? false)
        officeHolder = holdsOffice
        var key = Self.ordinal(ageBand)
        key = key * EducationLevel.allCases.count + Self.ordinal(education)
        key = key * 4 + (ethnicMinority ? 2 : 0) + (religious ? 1 : 0)
        key = key * TheoryLevel.allCases.count + Self.ordinal(theory)
        key = key * (PartyStanding.allCases.count + 1) + (party.map(Self.ordinal) ?? -1) + 1
        self.key = key * 2 + (officeHolder ? 1 : 0)
    }

    public static func == (lhs: MemberProfile, rhs: MemberProfile) -> Bool { lhs.key == rhs.key }

    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// The position of `value` among its type's cases.
    private static func ordinal<T: CaseIterable & Equatable>(_ value: T) -> Int where T.AllCases == [T] {
        T.allCases.firstIndex(of: value)!
    }
}

/// A member's theory courses as the profile reads them on a day: whether any is recorded,
/// and the highest level completed on or before the day (nil when none is yet).
public struct TheoryCourses: Hashable, Sendable {
    public private(set) var any = false
    public private(set) var highest: TheoryLevel?

    public init() {}

    /// Adds one training record; a course that is not a theory course changes nothing.
    public mutating func add(_ kind: TrainingKind, completedOn: Day, countedOn day: Day) {
        guard let level = TheoryLevel(course: kind) else { return }
        any = true
        if completedOn <= day, highest.map({ level > $0 }) ?? true { highest = level }
    }
}

extension AgeBand {
    /// The band of someone born on `born`, by their age in whole years on `day` (`Age`: a
    /// birthday of 29 February falls on 1 March); a day before the birth is the first band.
    public init(born: Day, on day: Day) {
        self.init(years: Age(born: born, on: day)?.years ?? 0)
    }
}

extension ProfileFigures {
    /// Counts `count` members whose profile is `profile` in every facet.
    public mutating func add(_ profile: MemberProfile, count: Int) {
        ageBands[profile.ageBand, default: 0] += count
        education[profile.education, default: 0] += count
        if profile.ethnicMinority { ethnicMinority += count }
        if profile.religious { religious += count }
        theory[profile.theory, default: 0] += count
        if let party = profile.party { partyMembers[party, default: 0] += count }
        if profile.officeHolder { officeHolders += count }
    }
}
