import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("Migration 13: policy values gain their first day")
struct PolicyMigrationTests {
    /// A value set before values had dates holds on every day a register keeps, as it did,
    /// and a value set afterwards from a day changes only the days from it.
    @Test func aValueSetBeforeDatesHoldsFromTheUnionsFounding() throws {
        let old = try OlderRegister(upTo: "12 union book", rows: """
            INSERT INTO unit (code, name, kind, parent_id, opened_on) VALUES ('DK', 'Đoàn Khối', 'bloc', NULL, '2015-01-01');
            INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES (1, 1, 0);
            INSERT INTO policy (key, value) VALUES ('min_grade', 'good'), ('min_age', '20');
            """)
        let register = try Register.open(at: old.path, command: "test", clock: .fixed(today: today))
        #expect(try register.appliedMigrations() == SchemaMigrations.identifiers)
        let early = try register.policyInForce(on: day("1931-03-26"))
        #expect(early.policy.minGrade == .good && early.policy.minAge == 20)
        #expect(early.since == [.minGrade: day("1931-03-26"), .minAge: day("1931-03-26")])
        #expect(try register.policy(on: day("1931-03-25")) == Policy.defaults)
        try register.setPolicy(.minAge, to: "18", from: day("2025-01-01"))
        #expect(try register.policy(on: day("2024-12-31")).minAge == 20)
        #expect(try register.policy(on: day("2025-01-01")).minAge == 18 && register.policy(on: day("2025-01-01")).minGrade == .good)
        #expect(try register.check().filter { $0.severity == .error }.isEmpty)
    }
}
