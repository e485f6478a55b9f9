import Testing
import UnionRegister

/// A member's place in each facet of the year-end profile on the period's last day, at the
/// edge of each fact: the day before it and the day of it.
@Suite("A member's year-end profile on a day")
struct MemberProfileTests {
    func day(_ text: String) -> Day { Day(parsing: text)! }

    func profile(on text: String, born: String = "2000-06-01", ethnicity: Ethnicity? = nil, religion: Religion? = nil,
                 entered: TheoryLevel? = nil, courses: TheoryCourses = TheoryCourses(), partyJoinedOn: String? = nil,
                 stage: ReferralStage? = nil, office: Bool = false) -> MemberProfile {
        MemberProfile(on: day(text), born: day(born), education: .university, ethnicity: ethnicity, religion: religion,
                      enteredTheory: entered, theoryCourses: courses, partyJoinedOn: partyJoinedOn.map(day),
                      latestStage: stage, holdsOffice: office)
    }

    @Test func theAgeBandChangesOnTheBirthdayNotTheDayBefore() {
        #expect(profile(on: "2019-05-31").ageBand == .upTo18)
        #expect(profile(on: "2019-06-01").ageBand == .from19To22)
        #expect(profile(on: "2030-05-31").ageBand == .from28To30)
        #expect(profile(on: "2030-06-01").ageBand == .from28To30)
        #expect(profile(on: "2031-05-31").ageBand == .from28To30)
        #expect(profile(on: "2031-06-01").ageBand == .over30)
        #expect(profile(on: "1999-01-01").ageBand == .upTo18, "a day before the birth counts in the first band")
    }

    /// Born on 29 February: the birthday falls on 1 March in a common year (`Age`).
    @Test func aLeapDayBirthdayFallsOnTheFirstOfMarchInACommonYear() {
        #expect(profile(on: "2023-02-28", born: "2004-02-29").ageBand == .upTo18)
        #expect(profile(on: "2023-03-01", born: "2004-02-29").ageBand == .from19To22)
        #expect(profile(on: "2022-02-28", born: "2004-02-29").ageBand == .upTo18)
        #expect(profile(on: "2018-02-28", born: "2000-02-29").ageBand == .upTo18)
        #expect(profile(on: "2019-03-01", born: "2000-02-29").ageBand == .from19To22)
    }

    @Test func aPartyMemberWhoJoinedBeforeTheRegisterCountsFromTheDayTheyJoined() {
        #expect(profile(on: "2023-05-31", partyJoinedOn: "2023-06-01").party == nil)
        #expect(profile(on: "2023-06-01", partyJoinedOn: "2023-06-01").party == .official)
        #expect(profile(on: "2023-06-01", stage: .admitted).party == .probationary)
        #expect(profile(on: "2023-06-01", stage: .withdrawn).party == nil)
    }

    @Test func aTheoryCourseCountsFromTheDayItIsCompletedAndMakesTheEnteredLevelGiveWay() {
        var courses = TheoryCourses()
        courses.add(.theoryIntermediate, completedOn: day("2023-06-01"), countedOn: day("2023-05-31"))
        #expect(courses.any && courses.highest == nil)
        #expect(profile(on: "2023-05-31", entered: .advanced, courses: courses).theory == TheoryLevel.none)
        courses.add(.theoryElementary, completedOn: day("2023-05-31"), countedOn: day("2023-05-31"))
        #expect(profile(on: "2023-05-31", entered: .advanced, courses: courses).theory == .elementary)
        var onTheDay = TheoryCourses()
        onTheDay.add(.theoryIntermediate, completedOn: day("2023-06-01"), countedOn: day("2023-06-01"))
        onTheDay.add(.theoryElementary, completedOn: day("2023-05-01"), countedOn: day("2023-06-01"))
        onTheDay.add(.unionCadre, completedOn: day("2023-05-01"), countedOn: day("2023-06-01"))
        #expect(profile(on: "2023-06-01", courses: onTheDay).theory == .intermediate)
        var none = TheoryCourses()
        none.add(.unionCadre, completedOn: day("2023-05-01"), countedOn: day("2023-06-01"))
        #expect(!none.any)
        #expect(profile(on: "2023-06-01", entered: .advanced, courses: none).theory == .advanced)
        #expect(profile(on: "2023-06-01").theory == TheoryLevel.none)
    }

    @Test func aMinorityAndAReligionCountOnlyWhenRecordedAndNotTheMajorityOrNone() {
        #expect(profile(on: "2023-06-01", ethnicity: Ethnicity(code: "tay")).ethnicMinority)
        #expect(!profile(on: "2023-06-01", ethnicity: Ethnicity(code: "kinh")).ethnicMinority)
        #expect(!profile(on: "2023-06-01", ethnicity: Ethnicity(code: "foreign")).ethnicMinority)
        #expect(!profile(on: "2023-06-01").ethnicMinority)
        #expect(profile(on: "2023-06-01", religion: Religion(parsing: "Phật giáo")).religious)
        #expect(!profile(on: "2023-06-01", religion: Religion(parsing: "Không")).religious)
        #expect(!profile(on: "2023-06-01").religious)
    }

    @Test func theFiguresAddEachFacetOfTheProfile() {
        var figures = ProfileFigures()
        figures.add(profile(on: "2023-06-01", ethnicity: Ethnicity(code: "tay"), partyJoinedOn: "2020-01-01", office: true), count: 3)
        figures.add(profile(on: "2023-06-01"), count: 2)
        #expect(figures.ageBands == [.from23To27: 5] && figures.education == [.university: 5])
        #expect(figures.ethnicMinority == 3 && figures.religious == 0 && figures.officeHolders == 3)
        #expect(figures.partyMembers == [.official: 3] && figures.theory == [TheoryLevel.none: 5])
    }

    /// Counting into a flat array of counters, as the report counts a whole register,
    /// gives the figures `ProfileFigures.add` gives, facet by facet, at an offset in the
    /// array, and with no facet value that no member has.
    @Test func theCountersGiveTheFiguresThatAddingTheProfilesGives() {
        let profiles = [
            profile(on: "2023-06-01", ethnicity: Ethnicity(code: "tay"), partyJoinedOn: "2020-01-01", office: true),
            profile(on: "2023-06-01", born: "2005-06-02", religion: Religion(parsing: "Phật giáo"), stage: .admitted),
            profile(on: "2023-06-01", born: "1990-01-01", entered: .intermediate, stage: .official),
            profile(on: "2023-06-01"),
        ]
        var added = ProfileFigures()
        var counters = [Int](repeating: 0, count: 3 + MemberProfile.counterCount + 2)
        for profile in profiles {
            added.add(profile, count: 1)
            profile.count(in: &counters, at: 3)
        }
        #expect(counters.prefix(3).allSatisfy { $0 == 0 } && counters.suffix(2).allSatisfy { $0 == 0 })
        #expect(MemberProfile.figures(counted: counters, at: 3) == added)
        #expect(added.partyMembers == [.official: 2, .probationary: 1] && added.religious == 1 && added.ageBands.count == 3)
        #expect(MemberProfile.figures(counted: [Int](repeating: 0, count: MemberProfile.counterCount), at: 0) == ProfileFigures())
    }
}
