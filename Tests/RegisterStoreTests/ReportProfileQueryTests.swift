import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

/// The members of a year-end report are counted outside SQL (issue 10): each member's
/// facts read once in a plain pass, classified by the domain and counted per unit.
/// These tests pin that the counts are those of the SQL they replaced (the member-by-member
/// profile query of issue 15, the grouping of the members at end, the members at start
/// of `activeMemberCounts`), on a register whose members leave, return, move, train, are
/// referred and hold offices on both sides of the report's day, and that the statements
/// read without sorting.
@Suite("The year-end report's members counted outside SQL")
struct ReportProfileQueryTests {
    /// Members with a history around 1 June 2023 (the edges of every facet fall on 31 May,
    /// 1 June or 2 June).
    func fixture() throws -> TemporaryRegister {
        let temp = try TemporaryRegister()
        let r = temp.register
        // Theory: one course completed on the day, a higher one the day after, one entered level.
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1998-06-01", joined: "2020-03-26")
        try r.addTraining("DV1", TrainingRecord(kind: .theoryElementary, completedOn: day("2023-06-01")))
        try r.addTraining("DV1", TrainingRecord(kind: .theoryIntermediate, completedOn: day("2023-06-02")))
        try r.addTraining("DV1", TrainingRecord(kind: .unionCadre, completedOn: day("2023-05-01")))
        // Party joined on the day, an office ending on the day.
        try temp.addMember("DV2", "Lê Thị Bình", born: "2004-02-29", joined: "2020-03-26", unit: "YT-BV")
        try r.addOffice(Office(memberCode: "DV2", unitCode: "YT-BV", role: .committee, from: day("2023-05-01")))
        _ = try r.endOffice("DV2", unitCode: "YT-BV", role: .committee, on: day("2023-06-01"))
        // Two referrals, steps on the same day (the later recorded counts) and after it.
        try temp.addMember("DV3", "Trần Minh Khoa", born: "1999-12-31", joined: "2019-01-10", unit: "TC")
        // Left on the day and back the day after; an office from the day after.
        try temp.addMember("DV4", "Phạm Thu Hà", born: "2001-01-01", joined: "2019-01-10")
        try r.leaveMember("DV4", on: day("2023-06-01"), to: "Hà Nội", letterNo: nil)
        try r.arriveMember("DV4", to: "YT-BV", Arrival(on: day("2023-06-02"), from: "Hà Nội"))
        try r.addOffice(Office(memberCode: "DV4", unitCode: "YT-BV", role: .secretary, from: day("2023-06-02")))
        // Moved the day after; removed on the day; admitted the day after.
        try temp.addMember("DV5", "Hoàng Văn Nam", born: "2000-05-31", joined: "2018-05-01")
        try r.transferMember("DV5", to: "YT-BV", on: day("2023-06-02"))
        try temp.addMember("DV6", "Đỗ Thị Lan", born: "1995-03-01", joined: "2016-01-01", unit: "TC")
        try r.endMembership("DV6", .removed, on: day("2023-06-01"), reason: "Bỏ sinh hoạt")
        try temp.addMember("DV7", "Vũ Đức Long", born: "2007-01-01", joined: "2023-06-02", unit: "TC")
        try r.database.write { db in
            try db.execute(sql: """
                UPDATE member SET party_joined_on = '2023-06-01', ethnicity = 'tay', religion = 'Phật giáo' WHERE code = 'DV2';
                UPDATE member SET theory_level = 'intermediate', ethnicity = 'kinh', religion = 'none' WHERE code = 'DV1';
                UPDATE member SET party_joined_on = '2023-06-02' WHERE code = 'DV4';
                INSERT INTO grade (member_id, year, grade) SELECT id, 2023, 'excellent' FROM member WHERE code IN ('DV1', 'DV4');
                INSERT INTO grade (member_id, year, grade) SELECT id, 2023, 'good' FROM member WHERE code = 'DV2';
                INSERT INTO grade (member_id, year, grade) SELECT id, 2024, 'pass' FROM member WHERE code = 'DV3';
                INSERT INTO referral (id, member_id) SELECT 1, id FROM member WHERE code = 'DV3';
                INSERT INTO referral (id, member_id) SELECT 2, id FROM member WHERE code = 'DV3';
                INSERT INTO referral (id, member_id) SELECT 3, id FROM member WHERE code = 'DV5';
                INSERT INTO referral_step (referral_id, stage, on_date) VALUES
                    (1, 'nominated', '2023-05-01'), (1, 'referred-to-class', '2023-06-01'), (2, 'admitted', '2023-06-01'),
                    (1, 'withdrawn', '2023-06-01'), (2, 'official', '2023-06-02'), (3, 'nominated', '2023-06-02');
                """)
        }
        return temp
    }

    static let days = ["2019-12-31", "2023-05-31", "2023-06-01", "2023-06-02", "2024-02-29", "2024-03-01"]

    /// The counts of the report of `root` for the period ending on `to`, as the report
    /// counts them and as the old SQL did, for every unit the report lists.
    struct Counts: Equatable {
        var start: [Int64: Int] = [:]
        var end: [Int64: [String: Int]] = [:]
        var profile: [Int64: ProfileFigures] = [:]
    }

    func counts(_ temp: TemporaryRegister, to: String, root: String) throws -> (new: Counts, old: Counts) {
        try temp.register.read { db in
            let period = try ReportPeriod(from: day("2019-01-01"), to: day(to))
            let rootID = try UnitTable.find(root, in: db).id
            let queries = ReportQueries(connection: db, rootID: rootID, period: period)
            let listed = Set(try queries.listedUnits().map(\.id))
            let arguments = SQLArguments.named(ReportQueries.arguments(rootID: rootID, period: period)).statementArguments
            var old = Counts()
            for (unit, n) in try temp.register.activeMemberCounts(on: period.dayBeforeStart, in: db) where listed.contains(unit) {
                old.start[unit] = n
            }
            for row in try Row.fetchAll(db, sql: Self.membersAtEndSQL, arguments: arguments) {
                old.end[row[0], default: [:]][row[1], default: 0] += row[2] as Int
            }
            for row in try Row.fetchAll(db, sql: Self.memberByMemberSQL, arguments: arguments) {
                try Self.add(row[2], profile: row[1], to: &old.profile[row[0], default: ProfileFigures()])
            }
            let members = try ReportMemberCounts(connection: db, rootID: rootID, period: period)
            var new = Counts()
            new.start = members.start.filter { listed.contains($0.key) }
            for (unit, counted) in members.end {
                for gender in Gender.allCases {
                    for grade in Grade.allCases.map(Optional.some) + [nil] where counted.count(gender, grade) > 0 {
                        new.end[unit, default: [:]][gender.rawValue + "/" + (grade?.rawValue ?? "not_graded")] = counted.count(gender, grade)
                    }
                }
                new.profile[unit] = counted.profile
            }
            return (new, old)
        }
    }

    @Test(arguments: days) func countsAreThoseOfTheOldQueries(to: String) throws {
        let temp = try fixture()
        for root in ["DK", "YT"] {
            let (new, old) = try counts(temp, to: to, root: root)
            #expect(new.start == old.start, "\(root) on \(to)")
            #expect(new.end == old.end, "\(root) on \(to)")
            #expect(new.profile == old.profile, "\(root) on \(to)")
            #expect(!new.end.isEmpty || to == "2019-12-31")
        }
    }

    /// The edges of every facet fall on the day: the course completed on it counts, the
    /// one completed the day after does not yet; the office ending on it is no longer held
    /// and the one starting the day after not yet; the Party joined on it counts.
    @Test func theFixtureReachesEveryFacetOnTheDay() throws {
        let temp = try fixture()
        let dk = try temp.register.read { db in try UnitTable.find("DK", in: db).id }
        func profile(_ to: String) throws -> ProfileFigures { try counts(temp, to: to, root: "DK").new.profile[dk] ?? ProfileFigures() }
        let before = try profile("2023-05-31"), on = try profile("2023-06-01"), after = try profile("2023-06-02")
        #expect(before.officeHolders == 1 && on.officeHolders == 0 && after.officeHolders == 1)
        #expect(before.partyMembers[.official] == nil && on.partyMembers[.official] == 1 && after.partyMembers[.official] == 3)
        #expect(on.partyMembers[.probationary] == nil, "the admission recorded before the withdrawal on the same day gives way")
        #expect(before.theory[.elementary] == nil && on.theory[.elementary] == 1 && after.theory[.intermediate] == 1)
        #expect(on.ethnicMinority == 1 && on.religious == 1)
        #expect(on.ageBands[.from19To22, default: 0] >= 1)
    }

    /// Every statement of the count reads without sorting: no grouping, ordering or
    /// DISTINCT makes SQLite build a temporary B-tree, and the members are one scan of
    /// `report_member` in key order.
    @Test func theStatementsReadWithoutSorting() throws {
        let temp = try fixture()
        let arguments = SQLArguments.named(ReportQueries.arguments(rootID: 1, period: try .year(2023))).statementArguments
        for sql in ReportMemberCounts.statements {
            let plan = try temp.register.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
            }
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
            if sql == ReportMemberTable.scanSQL { #expect(plan == ["SCAN r"], "\(plan)") }
        }
    }

    /// How the old SQL's codes (`FACET/VALUE`) were read into the profile, as the report's
    /// builder did before the counting moved out of SQL.
    static func add(_ count: Int, profile code: String, to profile: inout ProfileFigures) throws {
        let parts = code.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let value = parts.count > 1 ? parts[1] : ""
        switch parts[0] {
        case "age": profile.ageBands[AgeBand(years: Int(value)!), default: 0] += count
        case "education": profile.education[EducationLevel(rawValue: value)!, default: 0] += count
        case "ethnicity": if Ethnicity(code: value)!.isMinority { profile.ethnicMinority += count }
        case "religion": if let religion = Religion(parsing: value), religion != .none { profile.religious += count }
        case "theory":
            let fields = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let highest = fields[1].isEmpty ? nil : TheoryLevel(course: TrainingKind(rawValue: fields[1])!)
            let entered = fields[2].isEmpty ? nil : TheoryLevel(rawValue: fields[2])!
            profile.theory[TheoryLevel.level(entered: entered, anyCourse: fields[0] == "1", highestBy: highest) ?? .none, default: 0] += count
        case "party":
            if let standing = PartyStanding(stage: ReferralStage(rawValue: value), joinedBefore: value == "joined") {
                profile.partyMembers[standing, default: 0] += count
            }
        default: profile.officeHolders += count
        }
    }

    /// The members at end as the report's SQL grouped them, by gender and grade.
    static let membersAtEndSQL = """
        WITH groups(unit_id, code, n) AS (\(MembershipSQL.counted(overStatesOn: ":to") { state in
            """
            SELECT state.unit_id, m.gender || '/' || COALESCE(g.grade, 'not_graded'), COUNT(*)
            FROM \(state)
            JOIN member m ON m.id = state.member_id
            LEFT JOIN grade g ON g.member_id = state.member_id AND g.year = :year
            WHERE state.kind IN \(MembershipSQL.activeKinds)
            GROUP BY state.unit_id, m.gender, g.grade
            """
        }))
        SELECT c.ancestor_id, groups.code, SUM(groups.n)
        FROM groups
        JOIN unit_closure c ON c.descendant_id = groups.unit_id AND (c.from_on IS NULL OR c.from_on <= :to)
                            AND (c.until_on IS NULL OR c.until_on > :to)
        WHERE EXISTS (SELECT 1 FROM unit_closure inreport WHERE inreport.ancestor_id = :root AND inreport.descendant_id = c.ancestor_id
                      AND (inreport.from_on IS NULL OR inreport.from_on <= :to) AND (inreport.until_on IS NULL OR inreport.until_on > :before))
        GROUP BY 1, 2
        """

    /// The profile query as issue 15 wrote it, member by member, kept here as the
    /// reference the set-based query must agree with.
    static let memberByMemberSQL = """
        WITH groups(unit_id, code, n, day) AS (
        SELECT p.unit_id, p.code, COUNT(*), :to FROM (
        \(MembershipSQL.counted(overStatesOn: ":to") { state in
            """
            SELECT state.unit_id, CASE facet.name
                WHEN 'age' THEN 'age/' || (CAST(substr(:to, 1, 4) AS INTEGER) - CAST(substr(m.birth_date, 1, 4) AS INTEGER)
                                           - (substr(:to, 6, 5) < substr(m.birth_date, 6, 5)))
                WHEN 'education' THEN 'education/' || m.education
                WHEN 'ethnicity' THEN 'ethnicity/' || m.ethnicity
                WHEN 'religion' THEN 'religion/' || m.religion
                WHEN 'theory' THEN 'theory/'
                    || EXISTS (SELECT 1 FROM training t WHERE t.member_id = m.id AND t.kind LIKE 'theory-%')
                    || '/' || COALESCE((SELECT t.kind FROM training t WHERE t.member_id = m.id AND t.kind LIKE 'theory-%'
                                        AND t.completed_on <= :to
                                        ORDER BY CASE t.kind WHEN 'theory-elementary' THEN 1 WHEN 'theory-intermediate' THEN 2
                                                 WHEN 'theory-advanced' THEN 3 END DESC LIMIT 1), '')
                    || '/' || COALESCE(m.theory_level, '')
                WHEN 'party' THEN 'party/' || CASE WHEN m.party_joined_on <= :to THEN 'joined' ELSE
                    (SELECT s.stage FROM referral r JOIN referral_step s ON s.referral_id = r.id
                     WHERE r.member_id = m.id AND s.on_date <= :to ORDER BY s.on_date DESC, s.id DESC LIMIT 1) END
                WHEN 'office' THEN CASE WHEN EXISTS (SELECT 1 FROM office h WHERE h.member_id = m.id AND h.from_on <= :to
                                                     AND (h.to_on IS NULL OR h.to_on > :to)) THEN 'office' END
                END AS code
            FROM \(state)
            JOIN member m ON m.id = state.member_id
            CROSS JOIN (SELECT 'age' AS name UNION ALL SELECT 'education' UNION ALL SELECT 'ethnicity' UNION ALL SELECT 'religion'
                        UNION ALL SELECT 'theory' UNION ALL SELECT 'party' UNION ALL SELECT 'office') AS facet
            WHERE state.kind IN \(MembershipSQL.activeKinds)
            """
        })
        ) AS p
        WHERE p.code IS NOT NULL
        GROUP BY 1, 2)
        SELECT c.ancestor_id, groups.code, SUM(groups.n)
        FROM groups
        JOIN unit_closure c ON c.descendant_id = groups.unit_id AND (c.from_on IS NULL OR c.from_on <= groups.day)
                            AND (c.until_on IS NULL OR c.until_on > groups.day)
        WHERE EXISTS (SELECT 1 FROM unit_closure inreport WHERE inreport.ancestor_id = :root AND inreport.descendant_id = c.ancestor_id
                      AND (inreport.from_on IS NULL OR inreport.from_on <= :to) AND (inreport.until_on IS NULL OR inreport.until_on > :before))
        GROUP BY 1, 2
        """

    /// The member walk asks for each member's records in increasing order; records come
    /// in one sorted run, or in the runs an index gives (one per grade of the year).
    @Test func recordsInRunsAreFoundByAWalkInMemberOrder() {
        var runs = MemberOrdered<String>(runs: [(2, "a"), (5, "a"), (9, "a"), (1, "b"), (5, "x"), (6, "b"), (3, "c")])
        #expect((1...10).map { runs.take(Int64($0)) } == ["b", "a", "c", nil, "a", "b", nil, nil, "a", nil])
        var sorted = MemberOrdered([7: true, 3: false])
        #expect(sorted.take(1) == nil && sorted.take(3) == false && sorted.take(7) == true && sorted.take(8) == nil)
        var empty = MemberOrdered<Int>(runs: [])
        #expect(empty.take(1) == nil)
    }

    /// A member's state row whose member is gone (damage made behind sodoan's back, which
    /// `check` reports) is counted nowhere, at start or at end, as when the two tables
    /// were joined; the members around it are counted as before.
    @Test func aStateWithoutItsMemberIsCountedNowhere() throws {
        let temp = try fixture()
        let (before, _) = try counts(temp, to: "2023-06-01", root: "DK")
        try temp.register.database.write { db in
            try db.execute(sql: """
                INSERT INTO member_state (member_id, event_id, kind, on_date, unit_id)
                SELECT (SELECT MAX(id) FROM member) + 1, event_id, kind, on_date, unit_id FROM member_state LIMIT 1;
                INSERT INTO member_state (member_id, event_id, kind, on_date, unit_id)
                SELECT 0, event_id, kind, on_date, unit_id FROM member_state LIMIT 1;
                """)
        }
        let (after, _) = try counts(temp, to: "2023-06-01", root: "DK")
        #expect(after == before)
        #expect(!after.end.isEmpty)
    }
}
