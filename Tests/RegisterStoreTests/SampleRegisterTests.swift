import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

/// The sample register of `samples/`: it loads through the real imports, every row
/// passing the domain's rules, and loading it again changes nothing.
@Suite("The sample register")
struct SampleRegisterTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "samples").path

    @Test func loadsThroughTheImportsAndReimportsUnchanged() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-samples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (register, reports) = try Register.load(from: Self.samples, into: directory.appending(path: "r.db").path,
                                                    command: "test", clock: .fixed(today: today))
        #expect(reports.map { URL(fileURLWithPath: $0.file).lastPathComponent } == DataKind.allCases.map { "\($0.rawValue).csv" })
        #expect(reports.allSatisfy { $0.problems.isEmpty })
        #expect(try register.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM member") } == 204)

        for kind in DataKind.allCases {
            let again = try register.importFile(kind, from: Self.samples + "/\(kind.rawValue).csv", dryRun: false)
            #expect(again.added == 0 && again.updated == 0, "\(kind)")
            #expect(again.unchanged == again.rows, "\(kind)")
        }
        #expect(try register.check(asOf: Self.samplesDay).isEmpty)
    }

    /// The day samples/ describe (the demo's `DemoCommand.samplesDay`, which tours as of it).
    static let samplesDay = day("2026-11-22")

    /// The samples record the maturity a branch would have recorded by their day, so a
    /// check as of that day finds nothing, whenever the samples are loaded: today, or
    /// years from now.
    @Test(arguments: [0, 1, 5])
    func checkAsOfTheSamplesDayIsCleanWhateverDayTheyAreLoaded(yearsFromNow: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-samples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let loadedOn = Day.today().adding(months: 12 * yearsFromNow)
        let (register, reports) = try Register.load(from: Self.samples, into: directory.appending(path: "r.db").path,
                                                    command: "test", clock: .fixed(today: loadedOn))
        #expect(reports.allSatisfy { $0.problems.isEmpty })
        let findings = try register.check(asOf: Self.samplesDay)
        #expect(findings.isEmpty, "\(findings.map { "\($0.code) \($0.subject)" })")
        // The members age all the same: a year on, some are due, which is why the demo
        // looks at the samples as of their own day.
        #expect(try register.check(asOf: Self.samplesDay.adding(months: 12)).contains { $0.code == "due-maturity" })
    }
}
