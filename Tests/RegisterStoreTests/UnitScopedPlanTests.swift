import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

/// A question about one unit reads that unit's members, not the register's: no statement
/// it runs scans the member table or the membership history (SQLite's plan says `SCAN`
/// for a read of a whole table). The register has no `ANALYZE` statistics, here as in
/// use, so the plans are those a register of a million members gets.
@Suite("Unit-scoped commands do not read the whole register")
struct UnitScopedPlanTests {
    func fixture() throws -> TemporaryRegister {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1998-01-15", joined: "2015-03-26", unit: "YT-VP")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1998-01-15", joined: "2015-03-26", unit: "TC")
        return temp
    }

    @Test func memberListOfAUnit() throws {
        let temp = try fixture()
        var listed: [String] = []
        let sql = try QueryPlans.statements(temp) {
            listed = try temp.register.members(MemberQuery(unitCode: "YT", asOf: today)).map(\.member.code)
        }
        #expect(listed == ["DV1"])
        #expect(!sql.isEmpty)
        for statement in sql {
            let plan = try QueryPlans.plan(temp, statement)
            #expect(try QueryPlans.scans(temp, statement) == [], "\(statement) \(plan)")
        }
    }

    @Test func referralCandidatesOfAUnit() throws {
        let temp = try fixture()
        let sql = try QueryPlans.statements(temp) {
            _ = try temp.register.referralCandidates(step: .nominate, unitCode: "YT", on: today)
        }
        #expect(sql.count > 1)
        for statement in sql {
            let plan = try QueryPlans.plan(temp, statement)
            #expect(try QueryPlans.scans(temp, statement) == [], "\(statement) \(plan)")
        }
    }

    @Test func oneMember() throws {
        let temp = try fixture()
        let sql = try QueryPlans.statements(temp) {
            _ = try temp.register.memberFacts("DV1")
            _ = try temp.register.checkReferral("DV1", step: .nominate, on: today)
        }
        #expect(sql.count > 1)
        for statement in sql {
            let plan = try QueryPlans.plan(temp, statement)
            #expect(try QueryPlans.scans(temp, statement) == [], "\(statement) \(plan)")
        }
    }
}
