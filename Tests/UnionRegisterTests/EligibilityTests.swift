import Testing
@testable import UnionRegister

@Suite("Referral eligibility: each criterion at its edge")
struct EligibilityTests {
    typealias F = ReferralFixtures

    @Test func aMemberWhoMeetsEveryRuleIsEligibleAndEveryCriterionIsListed() {
        let nominate = Eligibility(F.facts(), step: .nominate, on: d("2024-06-01"), policy: .defaults)
        #expect(nominate.isEligible)
        #expect(nominate.criteria.map(\.rule) == [.activeMember, .age, .education, .latestGrade, .discipline, .noOpenReferral, .notPartyMember])
        let refer = Eligibility(F.facts(referrals: [Referral(steps: [
            ReferralStep(stage: .nominated, on: d("2024-01-10"), vote: F.goodVote),
            ReferralStep(stage: .referredToClass, on: d("2024-02-01"))])]), step: .refer, on: d("2024-06-01"), policy: .defaults)
        #expect(refer.criteria.map(\.rule).contains(.partyAwarenessCertificate))
        #expect(refer.isEligible)
    }

    @Test func ageCountsFromTheEighteenthBirthday() {
        let young = F.facts(member: Member(code: "Y", fullName: "Trần Văn Minh", birthDate: d("2006-05-10"), gender: .male,
                                           education: .upperSecondary, joinedOn: d("2021-05-11")))
        let before = F.criterion(.age, young, on: "2024-05-09")!
        #expect(!before.passed)
        #expect(before.detail.en == "Born 2006-05-10, 17 years 11 months (at least 18 needed, that is from 2024-05-10)")
        let on = F.criterion(.age, young, on: "2024-05-10")!
        #expect(on.passed)
        #expect(on.detail.en == "Born 2006-05-10, 18 years 0 months (at least 18 needed)")
        #expect(on.detail.vi == "Sinh 2006-05-10, 18 tuổi 0 tháng (cần từ 18 tuổi)")
    }

    @Test func educationNeedsLowerSecondary() {
        var member = F.member
        member.education = .primary
        #expect(F.criterion(.education, F.facts(member: member), on: "2024-06-01")?.passed == false)
        member.education = .lowerSecondary
        #expect(F.criterion(.education, F.facts(member: member), on: "2024-06-01")?.passed == true)
    }

    @Test func latestGradeIsTheMostRecentYearBeforeTheStepsYear() {
        let grades = [GradeRecord(year: 2022, grade: .excellent), GradeRecord(year: 2023, grade: .good),
                      GradeRecord(year: 2024, grade: .excellent)]
        let c = F.criterion(.latestGrade, F.facts(grades: grades), on: "2024-12-31")!
        #expect(!c.passed)
        #expect(c.detail.en == "good for 2023 (excellent or better needed)")
        var lenient = Policy()
        lenient.minGrade = .good
        #expect(F.criterion(.latestGrade, F.facts(grades: grades), on: "2024-12-31", policy: lenient)?.passed == true)
        let next = F.criterion(.latestGrade, F.facts(grades: grades), on: "2025-01-01")!
        #expect(next.passed)
        #expect(next.detail.en == "excellent for 2024 (excellent or better needed)")
    }

    @Test func aMemberNeverGradedFailsWithThatSaid() {
        let c = F.criterion(.latestGrade, F.facts(grades: []), on: "2024-06-01")!
        #expect(!c.passed)
        #expect(c.detail.en == "No grade recorded for a year before 2024 (excellent or better needed)")
    }

    @Test func aDisciplineStopsCountingTwelveMonthsAfterItsDate() {
        let facts = F.facts(disciplines: [DisciplineRecord(level: .reprimand, on: d("2023-06-01"), reason: "vắng họp")])
        let last = F.criterion(.discipline, facts, on: "2024-05-31")!
        #expect(!last.passed)
        #expect(last.detail.en.contains("stops counting on 2024-06-01"))
        let over = F.criterion(.discipline, facts, on: "2024-06-01")!
        #expect(over.passed)
        #expect(over.detail.en.contains("reprimand on 2023-06-01, stopped counting on 2024-06-01"))
        #expect(F.criterion(.discipline, facts, on: "2023-05-31")?.passed == true)
    }

    @Test func theCertificateIsValidForSixtyMonths() {
        let facts = F.facts(trainings: [TrainingRecord(kind: .partyAwareness, completedOn: d("2019-06-01"), certificateNo: "45/GCN")])
        let valid = F.criterion(.partyAwarenessCertificate, facts, step: .refer, on: "2024-05-31")!
        #expect(valid.passed)
        #expect(valid.detail.en == "Certificate no. 45/GCN, completed 2019-06-01, valid through 2024-05-31 (valid 60 months)")
        let expired = F.criterion(.partyAwarenessCertificate, facts, step: .refer, on: "2024-06-01")!
        #expect(!expired.passed)
        #expect(expired.detail.en.contains("expired on 2024-06-01"))
    }

    @Test func otherTrainingsAndFutureClassesAreNoCertificate() {
        let facts = F.facts(trainings: [TrainingRecord(kind: .unionCadre, completedOn: d("2023-01-01")),
                                        TrainingRecord(kind: .partyAwareness, completedOn: d("2024-07-01"))])
        #expect(F.criterion(.partyAwarenessCertificate, facts, step: .refer, on: "2024-06-01")?.passed == false)
        #expect(F.criterion(.partyAwarenessCertificate, facts, step: .nominate, on: "2024-06-01") == nil)
    }

    @Test func onlyActiveMembersMayBePutForward() {
        var facts = F.facts()
        facts.history = MembershipHistory(events: [
            MembershipEvent(kind: .admitted, on: d("2016-03-26"), unitCode: "YT-VP"),
            MembershipEvent(kind: .removed, on: d("2024-03-01"), unitCode: "YT-VP")])
        #expect(F.criterion(.activeMember, facts, on: "2024-02-29")?.passed == true)
        let gone = F.criterion(.activeMember, facts, on: "2024-03-01")!
        #expect(!gone.passed)
        #expect(gone.detail.en == "Left the Union (removed) from YT-VP on 2024-03-01")
        #expect(F.criterion(.activeMember, facts, on: "2016-03-25")?.passed == false)
    }

    @Test func aPartyMemberIsNotPutForwardAgain() {
        var member = F.member
        member.partyJoinedOn = d("2024-03-01")
        #expect(F.criterion(.notPartyMember, F.facts(member: member), on: "2024-02-29")?.passed == true)
        #expect(F.criterion(.notPartyMember, F.facts(member: member), on: "2024-03-01")?.passed == false)
    }

    @Test func laterStepsNeedTheOpenReferralAtThePreviousStage() {
        let nominated = Referral(steps: [ReferralStep(stage: .nominated, on: d("2024-01-10"), vote: F.goodVote)])
        let facts = F.facts(referrals: [nominated])
        #expect(F.criterion(.noOpenReferral, facts, step: .nominate, on: "2024-06-01")?.passed == false)
        #expect(F.criterion(.noOpenReferral, facts, step: .nominate, on: "2024-01-09")?.passed == true)
        #expect(F.criterion(.noOpenReferral, facts, step: .referToClass, on: "2024-06-01")?.passed == true)
        let skip = F.criterion(.noOpenReferral, facts, step: .refer, on: "2024-06-01")!
        #expect(!skip.passed)
        #expect(skip.detail.en == "Referral nominated on 2024-01-10 is at nominated since 2024-01-10 (referred to class needed)")
        #expect(F.criterion(.noOpenReferral, F.facts(), step: .referToClass, on: "2024-06-01")?.passed == false)
    }

    @Test func nearlyEligibleMeansExactlyOneCriterionShort() {
        let oneShort = Eligibility(F.facts(grades: [GradeRecord(year: 2023, grade: .good)]), step: .nominate, on: d("2024-06-01"), policy: .defaults)
        #expect(oneShort.isNearlyEligible)
        #expect(oneShort.failing.map(\.rule) == [.latestGrade])
        #expect(oneShort.refusal?.rule?.code == "latest-grade")
        let twoShort = Eligibility(F.facts(grades: []), step: .refer, on: d("2024-06-01"), policy: .defaults)
        #expect(!twoShort.isNearlyEligible)
        #expect(twoShort.refusal?.rule?.code == "latest-grade,no-open-referral")
    }
}
