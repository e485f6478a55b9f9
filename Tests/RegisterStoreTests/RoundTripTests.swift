import Foundation
@testable import RegisterStore
import Testing
import UnionRegister

/// Export → import into a new register → the same register: the same exports and the same
/// report fingerprint.
@Suite("Export and import round trip")
struct RoundTripTests {
    /// Every export of a register, as CSV text, by kind.
    func exports(_ register: Register) throws -> [DataKind: String] {
        var result: [DataKind: String] = [:]
        for kind in DataKind.allCases {
            var text = Register.exportHeader(kind, includePersonal: true).joined(separator: ",") + "\n"
            try register.export(kind, unitCode: nil, includePersonal: true) { cells in
                text += cells.map { $0.contains(",") || $0.contains("\"") || $0.contains("\n") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                    .joined(separator: ",") + "\n"
            }
            result[kind] = text
        }
        return result
    }

    @Test func theSampleRegisterExportedAndLoadedAgainIsTheSameRegister() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (original, _) = try Register.load(from: SampleRegisterTests.samples, into: directory.appending(path: "a.db").path,
                                              command: "test", clock: .fixed(today: today))
        let before = try exports(original)
        let folder = directory.appending(path: "export").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for kind in DataKind.allCases {
            try before[kind]!.write(toFile: folder + "/\(kind.rawValue).csv", atomically: true, encoding: .utf8)
        }
        let (copy, reports) = try Register.load(from: folder, into: directory.appending(path: "b.db").path,
                                                command: "test", clock: .fixed(today: today))
        #expect(reports.allSatisfy { $0.problems.isEmpty })
        #expect(try exports(copy) == before)
        #expect(try copy.fingerprint() == original.fingerprint())
        #expect(try copy.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM membership_event") }
                == original.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM membership_event") })
    }
}
