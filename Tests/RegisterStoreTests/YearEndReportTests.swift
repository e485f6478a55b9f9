import Foundation
import GRDB
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// The hand-computed register of the year-end report (year 2024):
///
/// ```
/// DK bloc
/// ├── KH  grassroots-branch, opened 2025-02-01 (after the period: not counted, not listed)
/// ├── OLD grassroots-branch, closed 2022-01-01 (before the period: not listed)
/// ├── TC  grassroots-branch
/// ├── XD  grassroots-branch, closed 2024-06-30 (mid-year: listed with its movements)
/// └── YT  grassroots-union
///     ├── YT-BV branch
///     └── YT-VP branch
/// ```
///
/// Members at the end of 2023-12-31: YT-VP A1 A2 A9 A14, YT-BV A3 A10, TC A4 A8, XD A6 A7
/// (A13 matured on 2023-12-31, so is not counted). Events of 2024, in date order:
/// A14 matures at YT-VP 01-01; A5 admitted at YT-BV 02-01; A7 removed at XD 03-01; A2
/// YT-VP → YT-BV 04-01 (inside YT); A6 XD → TC 05-01; A3 YT-BV → TC 07-01 (out of YT);
/// A8 deceased at TC 08-08; A4 TC → YT-VP 09-15 (into YT); A9 expelled at YT-VP 10-10;
/// A5 matures at YT-BV 11-20 (joined and matured the same year); A11 admitted at TC
/// 12-31 (the last day counts). Later: A12 admitted 2025-01-01, A10 YT-BV → YT-VP 2025-03-01.
extension ReportFixture {
    static func handComputed(on kind: RegisterEngineKind = .file) throws -> ReportFixture {
        let f = try ReportFixture(on: kind)
        try f.unit("YT", .grassrootsUnion, parent: "DK")
        try f.unit("YT-VP", .branch, parent: "YT")
        try f.unit("YT-BV", .branch, parent: "YT")
        try f.unit("TC", .grassrootsBranch, parent: "DK")
        try f.unit("XD", .grassrootsBranch, parent: "DK")
        try f.unit("OLD", .grassrootsBranch, parent: "DK")
        try f.register.closeUnit("OLD", on: day("2022-01-01"))
        try f.unit("KH", .grassrootsBranch, parent: "DK", opened: "2025-02-01")

        try f.member("A1", .female, unit: "YT-VP", joined: "2020-03-01")
        try f.member("A2", .male, unit: "YT-VP", joined: "2021-05-01")
        try f.member("A3", .female, unit: "YT-BV", joined: "2019-01-01")
        try f.member("A4", .male, unit: "TC", joined: "2018-01-01")
        try f.member("A5", .female, unit: "YT-BV", joined: "2024-02-01", born: "1994-03-01")
        try f.member("A6", .male, unit: "XD", joined: "2016-01-01")
        try f.member("A7", .female, unit: "XD", joined: "2017-01-01")
        try f.member("A8", .male, unit: "TC", joined: "2015-06-01")
        try f.member("A9", .female, unit: "YT-VP", joined: "2015-03-01")
        try f.member("A10", .male, unit: "YT-BV", joined: "2023-03-01")
        try f.member("A11", .female, unit: "TC", joined: "2024-12-31")
        try f.member("A12", .male, unit: "TC", joined: "2025-01-01")
        try f.member("A13", .female, unit: "YT-VP", joined: "2020-01-01", born: "1993-01-01")
        try f.member("A14", .male, unit: "YT-VP", joined: "2020-01-01", born: "1993-01-01")

        try f.end("A13", .matured, on: "2023-12-31")
        try f.end("A14", .matured, on: "2024-01-01")
        try f.end("A7", .removed, on: "2024-03-01")
        try f.transfer("A2", to: "YT-BV", on: "2024-04-01")
        try f.transfer("A6", to: "TC", on: "2024-05-01")
        try f.register.closeUnit("XD", on: day("2024-06-30"))
        try f.transfer("A3", to: "TC", on: "2024-07-01")
        try f.end("A8", .deceased, on: "2024-08-08")
        try f.transfer("A4", to: "YT-VP", on: "2024-09-15")
        try f.discipline("A9", .expulsion, on: "2024-10-10", expelledFrom: "YT-VP")
        try f.end("A5", .matured, on: "2024-11-20")
        try f.transfer("A10", to: "YT-VP", on: "2025-03-01")

        // Grades: A7 (removed) and A14's 2023 grade must not count; A4 and A11 are not graded.
        for (code, grade) in [("A1", Grade.excellent), ("A2", .good), ("A3", .pass), ("A10", .excellent), ("A6", .fail), ("A7", .good)] {
            try f.grade(code, 2024, grade)
        }
        try f.grade("A14", 2023, .excellent)

        // Discipline: A2's reprimand falls while A2 is still in YT-VP; A6's is in 2023.
        try f.discipline("A2", .reprimand, on: "2024-03-15")
        try f.discipline("A3", .warning, on: "2024-08-01")
        try f.discipline("A6", .reprimand, on: "2023-12-01")

        // Referrals: A4 is referred to class from TC and admitted in YT-VP; A3's admission
        // comes after the period; A10's rejection is an exit, not a figure.
        try f.referral("A1", [(.nominated, "2023-11-01"), (.referredToClass, "2024-02-01"), (.referred, "2024-06-01"), (.admitted, "2024-09-01")])
        try f.referral("A3", [(.nominated, "2024-03-01"), (.referredToClass, "2024-04-01"), (.admitted, "2025-03-01")])
        try f.referral("A4", [(.referredToClass, "2024-05-01"), (.admitted, "2024-12-01")])
        try f.referral("A8", [(.admitted, "2023-01-01"), (.official, "2024-01-01")])
        try f.referral("A10", [(.nominated, "2024-12-31"), (.rejected, "2024-12-31")])

        // Trainings: A6's is done in XD before the transfer; A3's and A11's fall outside 2024.
        try f.training("A1", .partyAwareness, completed: "2024-03-10")
        try f.training("A4", .partyAwareness, completed: "2024-06-01")
        try f.training("A5", .newMember, completed: "2024-02-20")
        try f.training("A6", .unionCadre, completed: "2024-01-15")
        try f.training("A3", .theoryElementary, completed: "2023-12-31")
        try f.training("A11", .newMember, completed: "2025-01-10")
        return f
    }
}

/// Expected member figures, in the order of the report's columns.
private func members(start: Int, admitted: Int = 0, in transferredIn: Int = 0, out transferredOut: Int = 0,
                     matured: Int = 0, removed: Int = 0, expelled: Int = 0, deceased: Int = 0,
                     end: Int, female: Int, male: Int) -> MemberFigures {
    var m = MemberFigures()
    (m.start, m.admitted, m.transferredIn, m.transferredOut) = (start, admitted, transferredIn, transferredOut)
    (m.matured, m.removed, m.expelled, m.deceased) = (matured, removed, expelled, deceased)
    (m.end, m.endFemale, m.endMale) = (end, female, male)
    return m
}

private func grades(_ counts: [Grade: Int], notGraded: Int) -> GradeFigures {
    var g = GradeFigures()
    g.counts = counts
    g.notGraded = notGraded
    return g
}

private func referral(nominated: Int = 0, toClass: Int = 0, referred: Int = 0, admitted: Int = 0, official: Int = 0,
                      cohort: Int = 0) -> ReferralFigures {
    var r = ReferralFigures()
    (r.nominated, r.referredToClass, r.referred, r.admitted, r.official) = (nominated, toClass, referred, admitted, official)
    r.referredToClassSinceAdmitted = cohort
    return r
}

@Suite("Year-end report figures", .serialized)
struct YearEndReportTests {
    @Test(arguments: RegisterEngineKind.allCases) func everyFigureOfTheHandComputedRegister(_ kind: RegisterEngineKind) throws {
        let f = try ReportFixture.handComputed(on: kind)
        let report = try f.register.yearEndReport(unitCode: nil, period: try .year(2024))
        let dk = report.root

        #expect(dk.unit.code == "DK")
        #expect(dk.children.map(\.unit.code) == ["TC", "XD", "YT"])
        #expect(dk.find("YT")!.children.map(\.unit.code) == ["YT-BV", "YT-VP"])
        #expect(report.balance.holds)

        #expect(dk.units == [.grassrootsUnion: 1, .grassrootsBranch: 1, .branch: 2])
        #expect(dk.members == members(start: 10, admitted: 2, matured: 2, removed: 1, expelled: 1, deceased: 1,
                                      end: 7, female: 3, male: 4))
        #expect(dk.grades == grades([.excellent: 2, .good: 1, .pass: 1, .fail: 1], notGraded: 2))
        #expect(dk.discipline == [.reprimand: 1, .warning: 1, .expulsion: 1])
        #expect(dk.referral == referral(nominated: 2, toClass: 3, referred: 1, admitted: 2, official: 1, cohort: 2))
        #expect(dk.training == [.partyAwareness: 2, .newMember: 1, .unionCadre: 1])

        let yt = dk.find("YT")!
        #expect(yt.units == [.branch: 2])
        #expect(yt.members == members(start: 6, admitted: 1, in: 1, out: 1, matured: 2, expelled: 1,
                                      end: 4, female: 1, male: 3))
        #expect(yt.grades == grades([.excellent: 2, .good: 1], notGraded: 1))
        #expect(yt.discipline == [.reprimand: 1, .expulsion: 1])
        #expect(yt.referral == referral(nominated: 2, toClass: 2, referred: 1, admitted: 2, cohort: 1))
        #expect(yt.training == [.partyAwareness: 1, .newMember: 1])

        let vp = dk.find("YT-VP")!
        #expect(vp.units == [:])
        #expect(vp.members == members(start: 4, in: 1, out: 1, matured: 1, expelled: 1, end: 2, female: 1, male: 1))
        #expect(vp.grades == grades([.excellent: 1], notGraded: 1))
        #expect(vp.discipline == [.reprimand: 1, .expulsion: 1])
        #expect(vp.referral == referral(toClass: 1, referred: 1, admitted: 2, cohort: 1))
        #expect(vp.training == [.partyAwareness: 1])

        let bv = dk.find("YT-BV")!
        #expect(bv.members == members(start: 2, admitted: 1, in: 1, out: 1, matured: 1, end: 2, female: 0, male: 2))
        #expect(bv.grades == grades([.excellent: 1, .good: 1], notGraded: 0))
        #expect(bv.discipline == [:])
        #expect(bv.referral == referral(nominated: 2, toClass: 1))
        #expect(bv.training == [.newMember: 1])

        let tc = dk.find("TC")!
        #expect(tc.units == [:])
        #expect(tc.members == members(start: 2, admitted: 1, in: 2, out: 1, deceased: 1, end: 3, female: 2, male: 1))
        #expect(tc.grades == grades([.pass: 1, .fail: 1], notGraded: 1))
        #expect(tc.discipline == [.warning: 1])
        #expect(tc.referral == referral(toClass: 1, official: 1, cohort: 1))
        #expect(tc.training == [.partyAwareness: 1])

        let xd = dk.find("XD")!
        #expect(xd.unit.closedOn == day("2024-06-30"))
        #expect(xd.members == members(start: 2, out: 1, removed: 1, end: 0, female: 0, male: 0))
        #expect(xd.grades == grades([:], notGraded: 0))
        #expect(xd.discipline == [:])
        #expect(xd.referral == referral())
        #expect(xd.training == [.unionCadre: 1])
    }

    @Test(arguments: RegisterEngineKind.allCases) func aSubtreeReportMatchesThatUnitInTheWholeReport(_ kind: RegisterEngineKind) throws {
        let f = try ReportFixture.handComputed(on: kind)
        let register = f.register
        let whole = try register.yearEndReport(unitCode: nil, period: try .year(2024))
        let yt = try register.yearEndReport(unitCode: "YT", period: try .year(2024))
        #expect(yt.root == whole.root.find("YT")!)
        #expect(yt.fingerprint == whole.fingerprint)
        #expect(whole.fingerprint == (try f.register.fingerprint()))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aPeriodCountsFromTheDayAfterItsStartState(_ kind: RegisterEngineKind) throws {
        let f = try ReportFixture.handComputed(on: kind)
        let report = try f.register.yearEndReport(unitCode: nil, period: try ReportPeriod(from: day("2024-07-01"), to: day("2024-09-30")))
        let dk = report.root
        // XD closed on 2024-06-30, before the period: not listed; its members left before.
        #expect(dk.children.map(\.unit.code) == ["TC", "YT"])
        #expect(dk.members == members(start: 9, deceased: 1, end: 8, female: 4, male: 4))
        #expect(dk.find("TC")!.members == members(start: 3, in: 1, out: 1, deceased: 1, end: 2, female: 1, male: 1))
        #expect(dk.find("YT")!.members == members(start: 6, in: 1, out: 1, end: 6, female: 3, male: 3))
        #expect(dk.find("YT-VP")!.members == members(start: 2, in: 1, end: 3, female: 2, male: 1))
        #expect(dk.find("YT-BV")!.members == members(start: 4, out: 1, end: 3, female: 1, male: 2))
        // Grades are those of the year of the period's end.
        #expect(dk.grades == grades([.excellent: 2, .good: 1, .pass: 1, .fail: 1], notGraded: 3))
        #expect(report.balance.holds)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aLaterEventDoesNotChangeAPastReportButChangesTheFingerprint(_ kind: RegisterEngineKind) throws {
        let f = try ReportFixture.handComputed(on: kind)
        let before = try f.register.yearEndReport(unitCode: nil, period: try .year(2024))
        try f.transfer("A1", to: "TC", on: "2025-03-01")
        let after = try f.register.yearEndReport(unitCode: nil, period: try .year(2024))
        #expect(after.root == before.root)
        #expect(after.fingerprint != before.fingerprint)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aDamagedHistoryFailsTheBalanceAndNamesTheUnits(_ kind: RegisterEngineKind) throws {
        let f = try ReportFixture.handComputed(on: kind)
        // A5's admission disappears: the maturity remains, with no one to mature.
        try f.sql("""
            DELETE FROM membership_event
            WHERE kind = 'admitted' AND member_id = (SELECT id FROM member WHERE code = 'A5')
            """)
        let report = try f.register.yearEndReport(unitCode: nil, period: try .year(2024))
        #expect(!report.balance.holds)
        #expect(report.balance.unbalanced.map(\.unit.code) == ["DK", "YT", "YT-BV"])
        let bv = report.root.find("YT-BV")!.members
        #expect(bv.expectedEnd == 1 && bv.end == 2)
        let failure = try #require(report.balance.failure)
        #expect(failure.rule?.code == "report-balance")
        #expect(failure.kind == .ruleRefused)
        #expect(failure.message(.en).contains("YT-BV: 2 + 0 + 1 − 1 + 0 − 0 − 1 − 0 − 0 − 0 = 1, but 2 at end"))
    }

    /// The script sodoan-bench gives the sqlite3 shell: the report's statements and the
    /// fingerprint's, every argument written in, counting what the report counts.
    @Test func theReportScriptRunsTheReportsOwnQueriesWithTheirArgumentsWrittenIn() throws {
        let f = try ReportFixture.handComputed()
        let script = try f.register.yearEndReportScript(unitCode: "YT", period: try .year(2024))
        let statements = script.components(separatedBy: ";\n").dropLast()
        let counting = ReportQueries.statements(.sqlite).count
        #expect(statements.count == counting + ReportMemberCounts.statements.count + Fingerprint.sections(.sqlite).count)
        #expect(!script.contains(":root") && !script.contains(":from") && !script.contains(":to") && !script.contains(":day"))
        #expect(script.contains("'2024-01-01'") && script.contains("'2023-12-31'"))
        let ytID = try f.register.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE code = 'YT'") }
        let rows = try f.register.read { db in try statements.map { try Row.fetchAll(db, sql: String($0)) } }
        // The members at the end: the member scan's rows whose state on the last day is
        // active in a unit of YT's tree that day (the first of the counting's statements),
        // the state read from the packed row, or from the history's statement for a member
        // whose latest event is later than the day.
        let units = Set(rows[counting].filter { $0[1] as Int64 == ytID }.map { $0[0] as Int64 })
        let scan = rows[counting + ReportMemberCounts.statements.count - 2]
        let history = Dictionary(uniqueKeysWithValues: rows[counting + ReportMemberCounts.statements.count - 1].map {
            ($0[0] as Int64, ($0[1] as String?)?.split(separator: " ").map(String.init))
        })
        let lastDay = ReportMemberTable.DayNumber.of(day("2024-12-31"))
        let endOfYT = scan.filter { row in
            let state = ReportMemberTable.State(row[2])
            let (kind, unit): (String?, Int64?) = state.latestDay <= lastDay
                ? (ReportMemberTable.kinds[state.kind].rawValue, row[1])
                : (history[row[0]]??.first, (history[row[0]]??.last).flatMap { Int64($0) })
            return unit.map(units.contains) == true && kind.flatMap(MembershipEventKind.init(rawValue:))?.leavesActive == true
        }.count
        let report = try f.register.yearEndReport(unitCode: "YT", period: try .year(2024))
        #expect(endOfYT == report.root.members.end)
    }
}

@Suite("Register fingerprint", .serialized)
struct FingerprintTests {
    @Test(arguments: RegisterEngineKind.allCases) func sameContentSameFingerprintWhateverTheRowIDs(_ kind: RegisterEngineKind) throws {
        // Two registers with the same content written in a different order get different
        // row ids but the same fingerprint; the audit log differs too and does not count.
        let a = try ReportFixture(on: kind), b = try ReportFixture(on: kind)
        try a.unit("TC", .grassrootsBranch, parent: "DK")
        try a.unit("XD", .grassrootsBranch, parent: "DK")
        try a.member("M1", .female, unit: "TC", joined: "2020-01-01")
        try a.member("M2", .male, unit: "XD", joined: "2021-01-01")
        try a.grade("M1", 2021, .good)

        try b.unit("XD", .grassrootsBranch, parent: "DK")
        try b.unit("TC", .grassrootsBranch, parent: "DK")
        try b.member("M2", .male, unit: "XD", joined: "2021-01-01")
        try b.member("M1", .female, unit: "TC", joined: "2020-01-01")
        try b.grade("M1", 2021, .good)

        let fingerprint = try a.register.fingerprint()
        #expect(fingerprint.count == 64)
        #expect(try b.register.fingerprint() == fingerprint)
        #expect(try a.register.fingerprint() == fingerprint)
    }

    @Test(arguments: RegisterEngineKind.allCases) func everyStoredFieldOfAMemberIsPartOfTheFingerprint(_ kind: RegisterEngineKind) throws {
        let f = try ReportFixture(on: kind)
        try f.unit("TC", .grassrootsBranch, parent: "DK")
        try f.member("M1", .female, unit: "TC", joined: "2020-01-01")
        var seen = [try f.register.fingerprint()]
        let changes: [(inout Member) -> Void] = [
            { $0.phone = "0912345678" }, { $0.idNumber = "001099012345" }, { $0.email = "m1@example.vn" },
            { $0.workplace = "Sở Tài chính" }, { $0.ethnicity = .kinh }, { $0.religion = Religion.none },
            { $0.qualification = "Kỹ sư" }, { $0.enteredTheory = .elementary }, { $0.centralID = "TW-1" },
        ]
        for change in changes {
            _ = try f.register.updateMember("M1", change)
            let fingerprint = try f.register.fingerprint()
            #expect(!seen.contains(fingerprint))
            seen.append(fingerprint)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func everyKindOfContentChangesTheFingerprint(_ kind: RegisterEngineKind) throws {
        let f = try ReportFixture(on: kind)
        try f.unit("TC", .grassrootsBranch, parent: "DK")
        try f.unit("XD", .grassrootsBranch, parent: "DK")
        try f.member("M1", .female, unit: "TC", joined: "2020-01-01")
        var seen: Set<String> = [try f.register.fingerprint()]
        let changes: [() throws -> Void] = [
            { try f.transfer("M1", to: "XD", on: "2021-01-01") },
            { try f.grade("M1", 2021, .good) },
            { try f.training("M1", .newMember, completed: "2020-02-01") },
            { try f.discipline("M1", .reprimand, on: "2021-02-01") },
            { try f.referral("M1", [(.nominated, "2021-03-01")]) },
            { try f.sql("UPDATE referral_step SET resolution_no = '12-NQ/ĐTN'") },
            { _ = try f.register.updateMember("M1") { $0.fullName = "Nguyễn Thị Mai" } },
            { try f.register.closeUnit("TC", on: day("2022-01-01")) },
        ]
        for change in changes {
            try change()
            #expect(seen.insert(try f.register.fingerprint()).inserted)
        }
    }
}
