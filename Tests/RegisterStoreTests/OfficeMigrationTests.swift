import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("Migration 12: the free-text office becomes dated offices")
struct OfficeMigrationTests {
    @Test func eachTextBecomesAnOfficeInTheMembersUnitFromTheDayTheyCameIntoIt() throws {
        let old = try OlderRegister(upTo: "10 dues", rows: """
            INSERT INTO unit (code, name, kind, parent_id, opened_on) VALUES
                ('DK', 'Đoàn Khối', 'bloc', NULL, '2015-01-01'), ('A', 'Chi đoàn A', 'grassroots-branch', 1, '2015-01-01'),
                ('B', 'Chi đoàn B', 'grassroots-branch', 1, '2015-01-01');
            INSERT INTO unit_closure VALUES (1, 1, 0), (2, 2, 0), (1, 2, 1), (3, 3, 0), (1, 3, 1);
            INSERT INTO member (code, full_name, search_name, sort_key, birth_date, gender, education, joined_on, office) VALUES
                ('DV1', 'Nguyễn Văn An', 'nguyen van an', x'00', '1990-01-01', 'male', 'university', '2015-03-26', 'Bí thư chi đoàn'),
                ('DV2', 'Lê Thị Bình', 'le thi binh', x'00', '1991-01-01', 'female', 'university', '2015-03-26', 'Bí thư'),
                ('DV3', 'Trần Văn Cường', 'tran van cuong', x'00', '1991-01-01', 'male', 'university', '2015-03-26', 'Phó bí thư'),
                ('DV4', 'Phạm Văn Dũng', 'pham van dung', x'00', '1991-01-01', 'male', 'university', '2015-03-26', '  '),
                ('DV5', 'Hồ Văn Em', 'ho van em', x'00', '1991-01-01', 'male', 'university', '2015-03-26', 'UV BCH');
            INSERT INTO membership_event (member_id, kind, on_date, unit_id, from_unit_id) VALUES
                (1, 'admitted', '2015-03-26', 2, NULL), (1, 'transferred', '2020-01-01', 3, 2),
                (2, 'admitted', '2015-03-26', 3, NULL),
                (3, 'admitted', '2015-03-26', 2, NULL),
                (4, 'admitted', '2015-03-26', 2, NULL),
                (5, 'admitted', '2015-03-26', 2, NULL), (5, 'matured', '2022-05-01', 2, NULL);
            """)

        let register = try Register.open(at: old.path, command: "test", clock: .fixed(today: today))
        #expect(try register.appliedMigrations() == SchemaMigrations.identifiers)
        let offices = try register.offices(unitCode: nil, asOf: nil).map(\.office)
        #expect(offices == [
            Office(memberCode: "DV3", unitCode: "A", role: .deputySecretary, from: day("2015-03-26"), title: "Phó bí thư"),
            Office(memberCode: "DV5", unitCode: "A", role: .committee, from: day("2015-03-26"), to: day("2022-05-01"), title: "UV BCH"),
            // DV1 came into B on 2020-01-01 as its secretary; DV2, B's other "Bí thư" since 2015, becomes a committee member.
            Office(memberCode: "DV1", unitCode: "B", role: .secretary, from: day("2020-01-01"), title: "Bí thư chi đoàn"),
            Office(memberCode: "DV2", unitCode: "B", role: .committee, from: day("2015-03-26"), title: "Bí thư"),
        ])
        let columns = try register.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(member)").map { $0["name"] as String } }
        #expect(!columns.contains("office"))
        // DV1 over 30 holds the office: not due for maturity; DV4 (empty text) is.
        let due = try register.members(MemberQuery(dueMaturity: true, asOf: day("2024-01-01"))).map(\.member.code)
        #expect(due == ["DV4"])
        let errors = try register.check(asOf: day("2024-01-01")).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }
}
