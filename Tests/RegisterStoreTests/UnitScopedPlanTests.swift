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
    /// The statements `body` runs on the register, with their arguments written in.
    func statements(_ temp: TemporaryRegister, _ body: () throws -> Void) throws -> [String] {
        let log = StatementLog()
        try temp.register.read { db in db.trace(options: .statement) { log.append($0) } }
        defer { try? temp.register.read { db in db.trace(options: [], nil) } }
        try body()
        return log.statements.filter { $0.hasPrefix("SELECT") || $0.hasPrefix("WITH") }
    }

    /// The tables the plan of `sql` reads from end to end, but for those whose size does
    /// not follow the members (the policy's few keys).
    func scans(_ temp: TemporaryRegister, _ sql: String) throws -> [String] {
        try plan(temp, sql).filter { $0.hasPrefix("SCAN ") && !$0.hasPrefix("SCAN CONSTANT") && !$0.hasPrefix("SCAN policy") }
    }

    func plan(_ temp: TemporaryRegister, _ sql: String) throws -> [String] {
        try temp.register.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String } }
    }

    func fixture() throws -> TemporaryRegister {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1998-01-15", joined: "2015-03-26", unit: "YT-VP")
        try temp.addMember("DV2", "Lê Thị Bình", born: "1998-01-15", joined: "2015-03-26", unit: "TC")
        return temp
    }

    @Test func memberListOfAUnit() throws {
        let temp = try fixture()
        var listed: [String] = []
        let sql = try statements(temp) {
            listed = try temp.register.members(MemberQuery(unitCode: "YT", asOf: today)).map(\.member.code)
        }
        #expect(listed == ["DV1"])
        #expect(!sql.isEmpty)
        for statement in sql {
            let plan = try plan(temp, statement)
            #expect(try scans(temp, statement) == [], "\(statement) \(plan)")
        }
    }

    @Test func referralCandidatesOfAUnit() throws {
        let temp = try fixture()
        let sql = try statements(temp) {
            _ = try temp.register.referralCandidates(step: .nominate, unitCode: "YT", on: today)
        }
        #expect(sql.count > 1)
        for statement in sql {
            let plan = try plan(temp, statement)
            #expect(try scans(temp, statement) == [], "\(statement) \(plan)")
        }
    }

    @Test func oneMember() throws {
        let temp = try fixture()
        let sql = try statements(temp) {
            _ = try temp.register.memberFacts("DV1")
            _ = try temp.register.checkReferral("DV1", step: .nominate, on: today)
        }
        #expect(sql.count > 1)
        for statement in sql {
            let plan = try plan(temp, statement)
            #expect(try scans(temp, statement) == [], "\(statement) \(plan)")
        }
    }
}

/// Statements seen by a trace, which SQLite calls on the connection's thread.
private final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []

    func append(_ event: Database.TraceEvent) {
        guard case .statement(let statement) = event, !statement.sql.hasPrefix("--") else { return }
        lock.withLock { seen.append(statement.expandedSQL) }
    }

    var statements: [String] { lock.withLock { seen } }
}
