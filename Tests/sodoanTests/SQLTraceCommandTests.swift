import Foundation
import GRDB
import Testing

/// `SODOAN_SQL_TRACE` (what sodoan-bench uses for its sqlite3 baselines) records every
/// statement a command runs, with its arguments written in, as a script that replays on
/// the same register.
@Suite("The SQL trace of a command")
struct SQLTraceCommandTests {
    @Test func aReportsStatementsAreRecordedAndReplay() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Nguyễn Thị An", "--born", "1998-01-01",
                    "--gender", "female", "--code", "DV001", "--joined", "2020-01-01", "--education", "university"])
        try cli.ok(["member", "transfer", "DV001", "--to", "YT-BV", "--on", "2025-03-01"])
        let trace = cli.directory.appending(path: "trace.sql").path
        #expect(FileManager.default.createFile(atPath: trace, contents: nil))
        let report = try cli.run(["report", "annual", "--year", "2024", "--format", "json"], environment: ["SODOAN_SQL_TRACE": trace])
        #expect(report.status == 0)
        let script = try String(contentsOfFile: trace, encoding: .utf8)
        // The members' rows, and the state at the end of the year of a member whose latest
        // event is later, looked up in the history with the day written in.
        #expect(script.contains("FROM report_member r"))
        #expect(script.contains("e.on_date <= '2024-12-31'"))
        #expect(!script.contains("--"))
        // Replayed as the sqlite3 shell would, the script runs on the register as it is.
        try DatabaseQueue(path: cli.db).writeWithoutTransaction { db in try db.execute(sql: script) }
        let quiet = try cli.run(["member", "show", "DV001"])
        #expect(quiet.status == 0)
        #expect(try String(contentsOfFile: trace, encoding: .utf8) == script)
    }
}
