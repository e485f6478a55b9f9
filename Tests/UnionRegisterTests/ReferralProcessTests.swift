import Testing
@testable import UnionRegister

@Suite("Referral stages, votes, probation and lapsing")
struct ReferralProcessTests {
    typealias F = ReferralFixtures

    /// Records each action on its day the way the store does: a nomination opens a referral.
    func run(_ actions: [(ReferralAction, String)], facts start: MemberFacts = F.facts()) throws -> MemberFacts {
        var facts = start
        for (action, day) in actions {
            let step = try ReferralProcess.step(for: action, on: d(day), facts: facts, policy: .defaults)
            if case .nominate = action { facts.referrals.append(Referral(steps: [step])) }
            else { facts.referrals[facts.referrals.count - 1].steps.append(step) }
        }
        return facts
    }

    func refusing(_ actions: [(ReferralAction, String)], then action: ReferralAction, on day: String) throws -> RegisterError? {
        let facts = try run(actions)
        return refusal { _ = try ReferralProcess.step(for: action, on: d(day), facts: facts, policy: .defaults) }
    }

    let throughReferred: [(ReferralAction, String)] = [
        (.nominate(F.goodVote), "2024-01-10"), (.referToClass, "2024-02-01"),
        (.refer(resolutionNo: "12", F.goodVote), "2024-06-01")]

    @Test func theWholePathFromNominationToOfficialPartyMember() throws {
        let facts = try run(throughReferred + [(.admit(decisionNo: "345-QĐ/ĐU"), "2024-10-01"), (.confirm(decisionNo: nil), "2025-10-01")])
        let referral = try #require(facts.latestReferral)
        #expect(referral.steps.map(\.stage) == [.nominated, .referredToClass, .referred, .admitted, .official])
        #expect(referral.step(.referred)?.resolutionNo == "12-NQ/ĐTN")
        #expect(referral.stage(on: d("2025-09-30")) == .admitted)
        #expect(referral.stage(on: d("2025-10-01")) == .official)
        #expect(facts.partyMemberSince(on: d("2025-10-01")) == d("2024-10-01"))
        #expect(facts.partyMemberSince(on: d("2024-09-30")) == nil)
        #expect(referral.closedOn(asOf: d("2025-10-01")) == d("2025-10-01"))
        #expect(referral.closedOn(asOf: d("2025-09-30")) == nil)
    }

    @Test func confirmIsRefusedBeforeTwelveMonthsOfProbation() throws {
        let admitted = throughReferred + [(.admit(decisionNo: nil), "2024-10-01")]
        let early = try refusing(admitted, then: .confirm(decisionNo: nil), on: "2025-09-30")
        #expect(early?.rule?.code == "probation")
        #expect(early?.fix?.en == "Confirmation is possible from 2025-10-01.")
        #expect(try refusing(admitted, then: .confirm(decisionNo: nil), on: "2025-10-01") == nil)
    }

    @Test func eachStageOutOfOrderIsRefused() throws {
        #expect(try refusing([], then: .referToClass, on: "2024-02-01")?.rule?.code == "no-open-referral")
        #expect(try refusing([], then: .refer(resolutionNo: "1", F.goodVote), on: "2024-02-01")?.rule?.code == "no-open-referral")
        #expect(try refusing([], then: .admit(decisionNo: nil), on: "2024-02-01")?.rule?.code == "referral-stage")
        #expect(try refusing([], then: .confirm(decisionNo: nil), on: "2024-02-01")?.rule?.code == "referral-stage")
        #expect(try refusing([], then: .reject(reason: "x"), on: "2024-02-01")?.rule?.code == "referral-stage")
        let nominated = Array(throughReferred.prefix(1))
        #expect(try refusing(nominated, then: .nominate(F.goodVote), on: "2024-03-01")?.rule?.code == "no-open-referral")
        #expect(try refusing(nominated, then: .refer(resolutionNo: "1", F.goodVote), on: "2024-03-01")?.rule?.code == "no-open-referral")
        #expect(try refusing(nominated, then: .admit(decisionNo: nil), on: "2024-03-01")?.rule?.code == "referral-stage")
        #expect(try refusing(throughReferred, then: .confirm(decisionNo: nil), on: "2024-07-01")?.rule?.code == "referral-stage")
        #expect(try refusing(throughReferred, then: .referToClass, on: "2024-07-01")?.rule?.code == "no-open-referral")
    }

    @Test func aStepCannotBeDatedBeforeTheLatestOne() throws {
        #expect(try refusing(throughReferred, then: .admit(decisionNo: nil), on: "2024-05-31")?.rule?.code == "step-order")
    }

    @Test func rejectAndWithdrawCloseAnOpenReferralAndAllowANewNomination() throws {
        let rejected = try run(Array(throughReferred.prefix(2)) + [(.reject(reason: "Chi bộ chưa đồng ý"), "2024-03-01")])
        #expect(rejected.latestReferral?.stage(on: d("2024-03-01")) == .rejected)
        #expect(try refusing(Array(throughReferred.prefix(2)) + [(.withdraw(reason: "chuyển công tác"), "2024-03-01")],
                            then: .withdraw(reason: "again"), on: "2024-03-02")?.rule?.code == "referral-stage")
        let again = try run([(.nominate(F.goodVote), "2024-03-01")], facts: rejected)
        #expect(again.referrals.count == 2)
        #expect(try refusing([(.nominate(F.goodVote), "2024-01-10")], then: .reject(reason: "  "), on: "2024-03-01")?.kind == .badInput)
    }

    @Test func aReferredReferralLapsesTwelveMonthsOnAndMayBeNominatedAgain() throws {
        let facts = try run(throughReferred)
        let referral = try #require(facts.latestReferral)
        #expect(referral.lapsesOn == d("2025-06-01"))
        #expect(referral.stage(on: d("2025-05-31")) == .referred)
        #expect(referral.stage(on: d("2025-06-01")) == .lapsed)
        #expect(referral.closedOn(asOf: d("2025-05-31")) == nil)
        #expect(referral.closedOn(asOf: d("2026-01-01")) == d("2025-06-01"))
        let late = try refusing(throughReferred, then: .admit(decisionNo: nil), on: "2025-06-01")
        #expect(late?.rule?.code == "referral-stage")
        #expect(late?.message.en.contains("since 2025-06-01") == true)
        #expect(try refusing(throughReferred, then: .admit(decisionNo: nil), on: "2025-05-31") == nil)
        var graded = facts
        graded.grades.append(GradeRecord(year: 2024, grade: .excellent))
        #expect(try refusing(throughReferred, then: .nominate(F.goodVote), on: "2025-05-31")?.rule?.code == "no-open-referral")
        #expect(try run([(.nominate(F.goodVote), "2025-06-01")], facts: graded).referrals.count == 2)
    }

    @Test func votesOfExactlyHalfDoNotPass() throws {
        let half = try refusing([], then: .nominate(Vote(convened: 12, present: 12, votesFor: 6)), on: "2024-01-10")
        #expect(half?.rule?.code == "vote-majority")
        #expect(try refusing([], then: .nominate(Vote(convened: 12, present: 12, votesFor: 7)), on: "2024-01-10") == nil)
    }

    @Test func aQuorumOneShortIsRefused() throws {
        let short = try refusing([], then: .nominate(Vote(convened: 15, present: 9, votesFor: 9)), on: "2024-01-10")
        #expect(short?.rule?.code == "vote-quorum")
        #expect(short?.message.en.contains("at least two thirds (10) needed") == true)
        #expect(try refusing([], then: .nominate(Vote(convened: 15, present: 10, votesFor: 9)), on: "2024-01-10") == nil)
    }

    @Test func impossibleVoteNumbersAreBadInput() throws {
        #expect(try refusing([], then: .nominate(Vote(convened: 10, present: 11, votesFor: 8)), on: "2024-01-10")?.kind == .badInput)
        #expect(try refusing([], then: .nominate(Vote(convened: 10, present: 9, votesFor: 10)), on: "2024-01-10")?.kind == .badInput)
        // Bad input is reported before any rule, even for a member who is not eligible.
        let ungraded = F.facts(grades: [])
        #expect(refusal { _ = try ReferralProcess.step(for: .nominate(Vote(convened: 10, present: 11, votesFor: 8)), on: d("2024-01-10"),
                                                       facts: ungraded, policy: .defaults) }?.kind == .badInput)
        #expect(try refusing([], then: .refer(resolutionNo: " ", F.goodVote), on: "2024-01-10")?.kind == .badInput)
    }

    @Test func aStepThatFailsACriterionNamesIt() throws {
        let facts = F.facts(grades: [GradeRecord(year: 2023, grade: .pass)])
        let error = refusal { _ = try ReferralProcess.step(for: .nominate(F.goodVote), on: d("2024-01-10"), facts: facts, policy: .defaults) }
        #expect(error?.rule?.code == "latest-grade")
        #expect(error?.message.en.contains("latest-grade: pass for 2023") == true)
    }

    @Test func theResolutionNamesTheGrassrootsCommitteeAboveTheBranch() throws {
        let facts = try run(throughReferred)
        let dk = Unit(code: "DK", name: "Đoàn Khối các cơ quan tỉnh", kind: .bloc, parentCode: nil, openedOn: d("2015-01-01"))
        let yt = Unit(code: "YT", name: "Đoàn cơ sở Sở Y tế", kind: .grassrootsUnion, parentCode: "DK", openedOn: d("2015-01-01"))
        let vp = Unit(code: "YT-VP", name: "Chi đoàn Văn phòng", kind: .branch, parentCode: "YT", openedOn: d("2015-01-01"))
        let resolution = try ReferralResolution(member: facts.member, referrals: facts.referrals, ancestors: [vp, yt, dk])
        #expect(resolution.committee == yt)
        #expect(resolution.upperUnion == dk)
        #expect(resolution.number == "12-NQ/ĐTN")
        #expect(!resolution.decidedByBranchMeeting)
        #expect(throws: RegisterError.self) {
            try ReferralResolution(member: facts.member, referrals: [], ancestors: [vp, yt, dk])
        }
    }
}
