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
    /// The positions among their type's cases of the age band, education, theory level
    /// and Party standing (-1: none), what `count(in:at:)` adds to.
    private let positions: (ageBand: Int, education: Int, theory: Int, party: Int)

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
        positions = (Self.ordinal(ageBand), Self.ordinal(education), Self.ordinal(theory), party.map(Self.ordinal) ?? -1)
        var key = positions.ageBand
        key = key * EducationLevel.allCases.count + positions.education
        key = key * 4 + (ethnicMinority ? 2 : 0) + (religious ? 1 : 0)
        key = key * TheoryLevel.allCases.count + positions.theory
        key = key * (PartyStanding.allCases.count + 1) + positions.party + 1
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

extension MemberProfile {
    /// How many counters `count(in:at:)` uses: one per age band, education level, theory
    /// level and Party standing, then one each for minority, religious and office holder.
    public static let counterCount = Counter.office + 1

    /// Where each facet's counters start, in the order `counterCount` gives.
    private enum Counter {
        static let education = AgeBand.allCases.count
        static let theory = education + EducationLevel.allCases.count
        static let party = theory + TheoryLevel.allCases.count
        static let minority = party + PartyStanding.allCases.count
        static let religious = minority + 1, office = minority + 2
    }

    /// Adds one to the counter of each facet this profile is counted under, the profile's
    /// `counterCount` counters starting at `base`: what `ProfileFigures.add` counts, as
    /// positions in a flat array, so that a count over a million members makes no
    /// dictionary and hashes nothing per member (BENCHMARKS.md, issue 10, fifth round).
    public func count(in counters: inout [Int], at base: Int) {
        counters[base + positions.ageBand] += 1
        counters[base + Counter.education + positions.education] += 1
        counters[base + Counter.theory + positions.theory] += 1
        if positions.party >= 0 { counters[base + Counter.party + positions.party] += 1 }
        if ethnicMinority { counters[base + Counter.minority] += 1 }
        if religious { counters[base + Counter.religious] += 1 }
        if officeHolder { counters[base + Counter.office] += 1 }
    }

    /// The figures of the members counted by `count(in:at:)` into `counters` from `base`,
    /// with only the facets' values that some member has, as `ProfileFigures.add` leaves them.
    public static func figures(counted counters: [Int], at base: Int) -> ProfileFigures {
        func tally<T: Hashable>(_ cases: [T], from start: Int) -> [T: Int] {
            var tally: [T: Int] = [:]
            for (index, value) in cases.enumerated() where counters[base + start + index] > 0 {
                tally[value] = counters[base + start + index]
            }
            return tally
        }
        var figures = ProfileFigures()
        figures.ageBands = tally(AgeBand.allCases, from: 0)
        figures.education = tally(EducationLevel.allCases, from: Counter.education)
        figures.theory = tally(TheoryLevel.allCases, from: Counter.theory)
        figures.partyMembers = tally(PartyStanding.allCases, from: Counter.party)
        figures.ethnicMinority = counters[base + Counter.minority]
        figures.religious = counters[base + Counter.religious]
        figures.officeHolders = counters[base + Counter.office]
        return figures
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
