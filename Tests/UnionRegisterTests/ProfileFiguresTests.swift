import Testing
import UnionRegister

@Suite("The year-end profile's rules: age bands, Party standing, theory level")
struct ProfileFiguresTests {
    @Test func eachAgeBandStartsOnItsFirstYearAndEndsOnItsLast() {
        #expect(AgeBand(years: 15) == .upTo18 && AgeBand(years: 18) == .upTo18)
        #expect(AgeBand(years: 19) == .from19To22 && AgeBand(years: 22) == .from19To22)
        #expect(AgeBand(years: 23) == .from23To27 && AgeBand(years: 27) == .from23To27)
        #expect(AgeBand(years: 28) == .from28To30 && AgeBand(years: 30) == .from28To30)
        #expect(AgeBand(years: 31) == .over30)
        #expect(AgeBand.allCases.map(\.rawValue) == ["16-18", "19-22", "23-27", "28-30", "over-30"])
    }

    @Test func aPartyMemberIsProbationaryWhenAdmittedAndOfficialWhenConfirmedOrToldOf() {
        #expect(PartyStanding(stage: .admitted, joinedBefore: false) == .probationary)
        #expect(PartyStanding(stage: .official, joinedBefore: false) == .official)
        #expect(PartyStanding(stage: nil, joinedBefore: true) == .official)
        for stage in [ReferralStage.nominated, .referredToClass, .referred, .rejected, .withdrawn] {
            #expect(PartyStanding(stage: stage, joinedBefore: false) == nil)
        }
        #expect(PartyStanding(stage: nil, joinedBefore: false) == nil)
    }

    @Test func theTheoryLevelFromCoursesWinsOverTheEnteredOne() {
        #expect(TheoryLevel.level(entered: .advanced, anyCourse: false, highestBy: nil) == .advanced)
        #expect(TheoryLevel.level(entered: nil, anyCourse: false, highestBy: nil) == nil)
        // A course recorded but completed after the day: none on the day, whatever was entered.
        #expect(TheoryLevel.level(entered: .advanced, anyCourse: true, highestBy: nil) == TheoryLevel.none)
        #expect(TheoryLevel.level(entered: .advanced, anyCourse: true, highestBy: .elementary) == .elementary)
        let course = TrainingRecord(kind: .theoryIntermediate, completedOn: d("2025-05-01"))
        #expect(TheoryLevel.level(entered: .none, trainings: [course], on: d("2025-04-30")) == TheoryLevel.none)
        #expect(TheoryLevel.level(entered: .none, trainings: [course], on: d("2025-05-01")) == .intermediate)
    }
}
