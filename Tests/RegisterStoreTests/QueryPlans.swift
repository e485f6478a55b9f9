import Foundation
import GRDB
@testable import RegisterStore

/// The statements a store call runs and SQLite's plans for them, for the tests that pin
/// which tables a command reads whole (`SCAN` in a plan). The register has no `ANALYZE`
/// statistics, here as in use, so the plans are those a register of a million members gets.
enum QueryPlans {
    /// The statements `body` runs on the register, with their arguments written in.
    static func statements(_ temp: TemporaryRegister, _ body: () throws -> Void) throws -> [String] {
        let log = StatementLog()
        try temp.register.read { db in db.trace(options: .statement) { log.append($0) } }
        defer { try? temp.register.read { db in db.trace(options: [], nil) } }
        try body()
        return log.statements.filter { $0.hasPrefix("SELECT") || $0.hasPrefix("WITH") }
    }

    /// The tables the plan of `sql` reads from end to end, but for those whose size does
    /// not follow the members (the policy's few keys).
    static func scans(_ temp: TemporaryRegister, _ sql: String) throws -> [String] {
        try plan(temp, sql).filter { $0.hasPrefix("SCAN ") && !$0.hasPrefix("SCAN CONSTANT") && !$0.hasPrefix("SCAN policy") }
    }

    static func plan(_ temp: TemporaryRegister, _ sql: String) throws -> [String] {
        try temp.register.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String } }
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
