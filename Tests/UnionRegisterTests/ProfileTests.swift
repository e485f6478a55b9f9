import Testing
import UnionRegister

@Suite("The Union book's profile: ethnicity, religion, theory level")
struct ProfileTests {
    @Test func theFiftyFourGroupsAndForeignHaveDistinctCodes() {
        #expect(Ethnicity.all.count == 55)
        #expect(Set(Ethnicity.all.map(\.code)).count == 55)
        #expect(Ethnicity.all.filter(\.isMinority).count == 53)
        for group in Ethnicity.all {
            #expect((try? Ethnicity(parsing: group.vietnamese)) == group, "\(group.vietnamese)")
            #expect((try? Ethnicity(parsing: group.code)) == group, "\(group.code)")
        }
    }

    @Test func anEthnicGroupIsMatchedIgnoringDiacriticsCaseAndHyphens() throws {
        #expect(try Ethnicity(parsing: "ê đê").code == "e-de")
        #expect(try Ethnicity(parsing: "EDE").code == "e-de")
        #expect(try Ethnicity(parsing: "Ê-đê").code == "e-de")
        #expect(try Ethnicity(parsing: "H'Mông").code == "mong")
        #expect(try Ethnicity(parsing: "Khơ-me").code == "khmer")
        #expect(try Ethnicity(parsing: "Việt") == .kinh)
        #expect(try Ethnicity(parsing: "nước ngoài") == .foreign)
        #expect(!(try Ethnicity(parsing: "Kinh")).isMinority)
        #expect(try Ethnicity(parsing: "Tày").isMinority)
    }

    @Test func anUnknownEthnicGroupIsRefusedWithTheNearestNames() {
        let error = refusal { _ = try Ethnicity(parsing: "Taỳ x") }
        #expect(error?.kind == .badInput)
        #expect(error?.message.vi.contains("Tày") == true)
        let close = refusal { _ = try Ethnicity(parsing: "Mươngg") }
        #expect(close?.message.en.contains("Nearest: Mường") == true)
    }

    @Test func religionNoneAndNamed() {
        #expect(Religion(parsing: "Không") == Religion.none)
        #expect(Religion(parsing: "none") == Religion.none)
        #expect(Religion(parsing: "  Phật   giáo ") == .named("Phật giáo"))
        #expect(Religion(parsing: " ") == nil)
    }

    @Test func theTheoryLevelComesFromTheCoursesWhenAnyIsRecorded() {
        let courses = [TrainingRecord(kind: .theoryElementary, completedOn: d("2022-06-30")),
                       TrainingRecord(kind: .theoryIntermediate, completedOn: d("2024-06-30")),
                       TrainingRecord(kind: .partyAwareness, completedOn: d("2023-01-01"))]
        // The day before and the day of each completion.
        #expect(TheoryLevel.level(entered: .advanced, trainings: courses, on: d("2022-06-29")) == TheoryLevel.none)
        #expect(TheoryLevel.level(entered: .advanced, trainings: courses, on: d("2022-06-30")) == .elementary)
        #expect(TheoryLevel.level(entered: .advanced, trainings: courses, on: d("2024-06-29")) == .elementary)
        #expect(TheoryLevel.level(entered: .advanced, trainings: courses, on: d("2024-06-30")) == .intermediate)
        // No theory course: the entered value.
        #expect(TheoryLevel.level(entered: .advanced, trainings: [courses[2]], on: d("2024-06-30")) == .advanced)
        #expect(TheoryLevel.level(entered: nil, trainings: [], on: d("2024-06-30")) == nil)
        #expect(TheoryLevel(parsing: "Sơ cấp lý luận chính trị") == .elementary)
        #expect(TheoryLevel(parsing: "cao cap") == .advanced)
        #expect(TheoryLevel(parsing: "maybe") == nil)
    }

    @Test func aCentralIdentifierMustBeACode() {
        var m = member(born: "2000-01-01")
        m.centralID = "TW 001"
        #expect(refusal { try MemberRules.validate(m, today: d("2026-01-01")) }?.kind == .badInput)
        m.centralID = "TW-2024-000123"
        #expect(refusal { try MemberRules.validate(m, today: d("2026-01-01")) } == nil)
    }
}
