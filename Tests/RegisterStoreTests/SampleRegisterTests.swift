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
        #expect(try register.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM member") } == 200)

        for kind in DataKind.allCases {
            let again = try register.importFile(kind, from: Self.samples + "/\(kind.rawValue).csv", dryRun: false)
            #expect(again.added == 0 && again.updated == 0, "\(kind)")
            #expect(again.unchanged == again.rows, "\(kind)")
        }
        // The samples keep one member over 35 on purpose, for `check` to show the flag.
        let errors = try register.check().filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["over-35"])
    }
}

