import Foundation
import Testing
import PostgresTestSupport
@testable import RegisterStore
import UnionRegister

@Suite("Referral and policy in the store: writes, audit, candidates, list", .serialized)
struct ReferralStoreTests {
    let vote = Vote(convened: 15, present: 12, votesFor: 11)

    /// The small tree with four members: Bình, An and Ân in YT-VP, Cúc in YT-BV.
    final class Fixture {
        let temporary: TemporaryRegister
        var register: Register { temporary.register }

        init(on kind: RegisterEngineKind) throws {
            temporary = try TemporaryRegister(on: kind)
            for (code, name, unit) in [("DV1", "Nguyễn Văn Bình", "YT-VP"), ("DV2", "Trần Thị An", "YT-VP"),
                                       ("DV3", "Lê Văn Ân", "YT-VP"), ("DV4", "Phạm Thị Cúc", "YT-BV")] {
                try temporary.addMember(code, name, born: "1998-01-15", joined: "2015-03-26", unit: unit)
            }
        }

        func grade(_ code: String, _ year: Int, _ grade: Grade) throws {
            _ = try register.setGrade(code, year: year, grade: grade)
        }

        func certificate(_ code: String, _ completed: String) throws {
            try register.addTraining(code, TrainingRecord(kind: .partyAwareness, completedOn: day(completed), certificateNo: "7/GCN"))
        }

        func count(_ table: String) throws -> Int {
            try temporary.count("SELECT COUNT(*) FROM \(table)")
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func eachStageIsOneTransactionWithOneAuditRow(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        try f.grade("DV1", 2023, .excellent)
        try f.certificate("DV1", "2024-04-01")
        let audits = try f.count("audit_log")
        try f.register.recordReferral("DV1", .nominate(vote), on: day("2024-01-10"))
        try f.register.recordReferral("DV1", .referToClass, on: day("2024-02-01"))
        try f.register.recordReferral("DV1", .refer(resolutionNo: "12-NQ/ĐTN", vote), on: day("2024-06-01"))
        #expect(try f.count("audit_log") == audits + 3)
        #expect(try f.count("referral") == 1)
        let actions = try f.temporary.rows("SELECT action FROM audit_log WHERE member_code = 'DV1' AND action LIKE 'referral.%' ORDER BY id").map(\.[0])
        #expect(actions == ["referral.nominated", "referral.referred-to-class", "referral.referred"])
        let facts = try f.register.readSQL { db in try MemberFactsTable.facts(of: "DV1", in: db).facts }
        #expect(facts.latestReferral?.step(.referred)?.vote == vote)
        #expect(facts.latestReferral?.step(.referred)?.resolutionNo == "12-NQ/ĐTN")
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRefusedStepWritesNothing(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        let audits = try f.count("audit_log")
        #expect(throws: RegisterError.self) {
            try f.register.recordReferral("DV1", .nominate(vote), on: day("2024-01-10"))
        }
        #expect(throws: RegisterError.self) {
            try f.register.recordReferral("DV1", .admit(decisionNo: nil), on: day("2024-01-10"))
        }
        #expect(try f.count("audit_log") == audits)
        #expect(try f.count("referral") == 0)
        #expect(try f.count("referral_step") == 0)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aStepInTheFutureIsBadInput(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        try f.grade("DV1", 2023, .excellent)
        do {
            try f.register.recordReferral("DV1", .nominate(vote), on: day("2026-11-23"))
            Issue.record("a future nomination was accepted")
        } catch let error as RegisterError {
            #expect(error.kind == .badInput)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func candidatesAreTheSubtreesActiveMembersWhoPassOrAreOneShort(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        try f.grade("DV1", 2023, .excellent)   // passes
        try f.grade("DV2", 2023, .good)        // one short: grade
        try f.grade("DV4", 2023, .excellent)   // passes, but in YT-BV
        // DV3 has no grade: one short too.
        try f.register.endMembership("DV3", .removed, on: day("2024-01-01"), reason: "no dues")
        let vp = try f.register.referralCandidates(step: .nominate, unitCode: "YT-VP", on: day("2024-06-01"))
        #expect(vp.map(\.eligibility.member.code) == ["DV2", "DV1"])   // An before Bình
        #expect(vp.first?.eligibility.failing.map(\.rule) == [.latestGrade])
        #expect(vp.last?.eligibility.isEligible == true)
        let all = try f.register.referralCandidates(step: .nominate, unitCode: nil, on: day("2024-06-01"))
        #expect(Set(all.map(\.eligibility.member.code)) == ["DV1", "DV2", "DV4"])
        #expect(all.first { $0.eligibility.member.code == "DV4" }?.unitCode == "YT-BV")
        let before = try f.register.referralCandidates(step: .nominate, unitCode: "YT", on: day("2023-12-31"))
        #expect(before.contains { $0.eligibility.member.code == "DV3" })
    }

    @Test(arguments: RegisterEngineKind.allCases) func candidatesFollowTransfersByTheDay(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        try f.grade("DV2", 2023, .excellent)
        try f.register.transferMember("DV2", to: "YT-BV", on: day("2024-03-01"))
        let codes = { (unit: String, on: String) in
            try f.register.referralCandidates(step: .nominate, unitCode: unit, on: day(on)).map(\.eligibility.member.code)
        }
        #expect(try codes("YT-VP", "2024-02-29").contains("DV2"))
        #expect(try !codes("YT-VP", "2024-03-01").contains("DV2"))
        #expect(try codes("YT-BV", "2024-03-01").contains("DV2"))
        #expect(try codes("YT", "2024-03-01").filter { $0 == "DV2" }.count == 1)
    }

    @Test(arguments: RegisterEngineKind.allCases) func policyIsStoredPerRegisterAudited_AndUsedByChecks(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        try f.grade("DV2", 2023, .good)
        #expect(try f.register.checkReferral("DV2", step: .nominate, on: day("2024-06-01")).isEligible == false)
        try f.register.setPolicy(.minGrade, to: "good", from: day("2024-06-01"))
        let check = try f.register.checkReferral("DV2", step: .nominate, on: day("2024-06-01"))
        #expect(check.isEligible)
        #expect(check.policy.minGrade == .good)
        #expect(try f.register.policy(on: day("2024-06-01")).minGrade == .good)
        #expect(throws: RegisterError.self) { try f.register.setPolicy(.minAge, to: "16", from: day("2024-06-01")) }
        #expect(try f.register.policy(on: day("2024-06-01")).minAge == 18)
        let audit = try f.temporary.rows("SELECT new_value FROM audit_log WHERE action = 'policy.set'").first?.first
        #expect(audit?.contains("\"min_grade\":\"good\"") == true && audit?.contains("\"from\":\"2024-06-01\"") == true)
    }

    /// A value holds from its first day: a check of a step dated the day before reads the
    /// value in force then, and a later value ends it.
    @Test(arguments: RegisterEngineKind.allCases) func aCheckReadsThePolicyValueInForceOnItsDay(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        try f.grade("DV2", 2023, .good)
        try f.register.setPolicy(.minGrade, to: "good", from: day("2024-06-01"))
        try f.register.setPolicy(.minGrade, to: "excellent", from: day("2024-09-01"))
        let eligible = { (on: String) in try f.register.checkReferral("DV2", step: .nominate, on: day(on)) }
        #expect(try eligible("2024-05-31").isEligible == false && eligible("2024-05-31").policy.minGrade == .excellent)
        #expect(try eligible("2024-06-01").isEligible && eligible("2024-08-31").isEligible)
        #expect(try eligible("2024-09-01").isEligible == false)
        let shown = try f.register.policyInForce(on: day("2024-08-31"))
        #expect(shown.policy.minGrade == .good && shown.since == [.minGrade: day("2024-06-01")])
        #expect(try f.register.policyInForce(on: day("2024-05-31")).since.isEmpty)
        #expect(try f.register.referralCandidates(step: .nominate, unitCode: "YT-VP", on: day("2024-05-31"))
            .first { $0.eligibility.member.code == "DV2" }?.eligibility.policy.minGrade == .excellent)
        // The same value again from the same day changes nothing; a day after today is refused.
        let rows = try f.count("audit_log")
        try f.register.setPolicy(.minGrade, to: "good", from: day("2024-06-01"))
        #expect(try f.count("audit_log") == rows)
        #expect(throws: RegisterError.self) { try f.register.setPolicy(.minAge, to: "20", from: f.register.today.adding(days: 1)) }
        #expect(try f.count("policy_value") == 2)
    }

    @Test(arguments: RegisterEngineKind.allCases) func theListFiltersByUnitYearAndStageInNameOrder(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        for code in ["DV1", "DV2", "DV4"] { try f.grade(code, 2023, .excellent) }
        for code in ["DV1", "DV2", "DV4"] {
            try f.register.recordReferral(code, .nominate(vote), on: day("2024-01-10"))
        }
        try f.register.recordReferral("DV1", .referToClass, on: day("2024-02-01"))
        try f.register.recordReferral("DV2", .withdraw(reason: "chuyển công tác"), on: day("2024-03-01"))
        let onDay = day("2024-06-01")
        #expect(try f.register.referralList(unitCode: nil, year: nil, stage: nil, on: onDay).map(\.member.code) == ["DV2", "DV1", "DV4"])
        #expect(try f.register.referralList(unitCode: "YT-VP", year: nil, stage: nil, on: onDay).map(\.member.code) == ["DV2", "DV1"])
        #expect(try f.register.referralList(unitCode: nil, year: 2025, stage: nil, on: onDay).isEmpty)
        #expect(try f.register.referralList(unitCode: nil, year: nil, stage: .referredToClass, on: onDay).map(\.member.code) == ["DV1"])
        #expect(try f.register.referralList(unitCode: nil, year: nil, stage: .nominated, on: day("2024-01-31")).map(\.member.code) == ["DV2", "DV1", "DV4"])
    }

    /// YT moves under a new bloc NB on 2024-05-01: a nomination the day before stays on the
    /// list of DK alone, one on the day of the move is on NB's too.
    @Test(arguments: RegisterEngineKind.allCases) func theListOfAUnitTakesTheTreeOfEachNominationDay(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        for code in ["DV1", "DV2"] { try f.grade(code, 2023, .excellent) }
        try f.register.addUnit(Unit(code: "NB", name: "Đoàn Khối cơ quan Đảng", kind: .bloc, parentCode: "DK", openedOn: day("2015-01-01")))
        try f.register.recordReferral("DV1", .nominate(vote), on: day("2024-04-30"))
        try f.register.moveUnit("YT", under: "NB", on: day("2024-05-01"))
        try f.register.recordReferral("DV2", .nominate(vote), on: day("2024-05-01"))
        let onDay = day("2024-06-01")
        #expect(try f.register.referralList(unitCode: "NB", year: nil, stage: nil, on: onDay).map(\.member.code) == ["DV2"])
        #expect(try f.register.referralList(unitCode: "DK", year: nil, stage: nil, on: onDay).map(\.member.code) == ["DV2", "DV1"])
        #expect(try f.register.referralList(unitCode: "YT", year: nil, stage: nil, on: onDay).map(\.member.code) == ["DV2", "DV1"])
    }

    @Test(arguments: RegisterEngineKind.allCases) func theResolutionNamesTheCommitteeOfTheBranchOnItsDay(_ kind: RegisterEngineKind) throws {
        let f = try Fixture(on: kind)
        try f.grade("DV1", 2023, .excellent)
        try f.certificate("DV1", "2024-04-01")
        try f.register.recordReferral("DV1", .nominate(vote), on: day("2024-01-10"))
        try f.register.recordReferral("DV1", .referToClass, on: day("2024-02-01"))
        #expect(throws: RegisterError.self) { try f.register.referralResolution("DV1") }
        try f.register.recordReferral("DV1", .refer(resolutionNo: "7", vote), on: day("2024-06-01"))
        let resolution = try f.register.referralResolution("DV1")
        #expect(resolution.branch.code == "YT-VP")
        #expect(resolution.committee.code == "YT")
        #expect(resolution.upperUnion?.code == "DK")
        #expect(resolution.number == "7-NQ/ĐTN")
    }
}
