import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

/// The profile query counts each member's facts once, set-based (issue 10): these tests
/// pin that its counts are those of the query it replaced, which looked every fact up
/// member by member, on a register whose members leave, return, move, train, are referred
/// and hold offices on both sides of the report's day, and that its plan reads the
/// trainings, referral steps and offices once, not once per member.
@Suite("The year-end profile's set-based query")
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

    func tallies(_ temp: TemporaryRegister, to: String, root: String) throws -> (new: ReportQueries.Tally, old: ReportQueries.Tally) {
        try temp.register.read { db in
            let period = try ReportPeriod(from: day("2019-01-01"), to: day(to))
            let queries = ReportQueries(db: db, rootID: try UnitTable.find(root, in: db).id, period: period)
            var old: ReportQueries.Tally = [:]
            let rows = try Row.fetchAll(db, sql: Self.memberByMemberSQL,
                                        arguments: StatementArguments(ReportQueries.arguments(rootID: queries.rootID, period: period)))
            for row in rows { old[row[0], default: [:]][row[1], default: 0] += row[2] as Int }
            return (try queries.profile(), old)
        }
    }

    @Test(arguments: days) func countsAreThoseOfTheMemberByMemberQuery(to: String) throws {
        let temp = try fixture()
        for root in ["DK", "YT"] {
            let (new, old) = try tallies(temp, to: to, root: root)
            #expect(new == old, "\(root) on \(to)")
        }
    }

    @Test func theFixtureReachesEveryFacetOnTheDay() throws {
        let (new, _) = try tallies(try fixture(), to: "2023-06-01", root: "DK")
        let codes = Set(new.values.flatMap(\.keys))
        #expect(codes.isSuperset(of: ["theory/1/theory-elementary/intermediate", "party/joined", "party/withdrawn",
                                      "ethnicity/tay", "religion/Phật giáo", "age/19"]))
        // The office ended on the day and the other starts the day after: none is held.
        #expect(!codes.contains("office"))
        let after = try tallies(try fixture(), to: "2023-06-02", root: "DK").new
        let afterCodes = Set(after.values.flatMap(\.keys))
        #expect(afterCodes.isSuperset(of: ["office", "party/official", "theory/1/theory-intermediate/intermediate"]))
    }

    /// The trainings, referral steps and offices are each read in one pass, not looked up
    /// for every member: the plan has one line for each (the old query had one per branch).
    @Test func thePlanReadsEachRecordTableOnce() throws {
        let temp = try fixture()
        let arguments = StatementArguments(ReportQueries.arguments(rootID: 1, period: try .year(2023)))
        let plan = try temp.register.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + ReportQueries.profileSQL, arguments: arguments).map { $0["detail"] as String }
        }
        #expect(plan.contains("MATERIALIZE facts"), "\(plan)")
        for index in ["training_member", "referral_step", "office_member"] {
            #expect(plan.filter { $0.contains(index) }.count == 1, "\(index): \(plan)")
        }
        #expect(!plan.contains { $0.hasPrefix("CORRELATED") && $0.contains("training") }, "\(plan)")
    }

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
}
