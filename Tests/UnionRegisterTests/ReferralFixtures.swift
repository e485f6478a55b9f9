@testable import UnionRegister

/// A member who passes every criterion on 2024-06-01, to be bent one fact at a time.
enum ReferralFixtures {
    static let member = Member(code: "DV001", fullName: "Nguyễn Thị Lan", birthDate: d("2000-05-10"), gender: .female,
                               education: .university, joinedOn: d("2016-03-26"))

    static func facts(member: Member = member, grades: [GradeRecord] = [GradeRecord(year: 2023, grade: .excellent)],
                      trainings: [TrainingRecord] = [TrainingRecord(kind: .partyAwareness, completedOn: d("2023-09-15"), certificateNo: "123/GCN")],
                      disciplines: [DisciplineRecord] = [], referrals: [Referral] = []) -> MemberFacts {
        MemberFacts(member: member,
                    history: MembershipHistory(events: [MembershipEvent(kind: .admitted, on: member.joinedOn, unitCode: "YT-VP")]),
                    grades: grades, trainings: trainings, disciplines: disciplines, referrals: referrals)
    }

    static let goodVote = Vote(convened: 15, present: 12, votesFor: 11)

    static func criterion(_ rule: Criterion.Rule, _ facts: MemberFacts, step: EligibilityStep = .nominate,
                          on: String, policy: Policy = .defaults) -> Criterion? {
        Eligibility(facts, step: step, on: d(on), policy: policy).criteria.first { $0.rule == rule }
    }
}
