import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// Export → import into a new register → the same register: the same exports and the same
/// report fingerprint.
@Suite("Export and import round trip", .serialized)
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

    /// Exports every kind of `original` into `directory` and loads the files into a new
    /// register there; expects every import to pass and the exports to be the same.
    func reloaded(_ original: Register, in directory: URL) throws -> Register {
        let before = try exports(original)
        let folder = directory.appending(path: "export").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for kind in DataKind.allCases {
            try before[kind]!.write(toFile: folder + "/\(kind.rawValue).csv", atomically: true, encoding: .utf8)
        }
        let (copy, reports) = try Register.load(from: folder, into: directory.appending(path: "copy.db").path,
                                                command: "test", clock: .fixed(today: today))
        #expect(reports.allSatisfy { $0.problems.isEmpty })
        #expect(try exports(copy) == before)
        func events(_ register: Register) throws -> SQLValue? {
            try register.readSQL { db in try db.value("SELECT COUNT(*) FROM membership_event") }
        }
        #expect(try events(copy) == events(original))
        return copy
    }

    @Test func theSampleRegisterExportedAndLoadedAgainIsTheSameRegister() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (original, _) = try Register.load(from: SampleRegisterTests.samples, into: directory.appending(path: "a.db").path,
                                              command: "test", clock: .fixed(today: today))
        #expect(try reloaded(original, in: directory).fingerprint() == original.fingerprint())
    }

    /// A register with a rename, a merger (with the move of the merged bloc's grassroots
    /// union it brings), a move and a split comes back with the same changes, the same
    /// tree on every day and the same fingerprint; the changes file imported again changes nothing.
    @Test(arguments: RegisterEngineKind.allCases) func aReorganisedRegisterExportedAndLoadedAgainIsTheSameRegister(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister.reorganisedScenario(on: kind)
        let copy = try reloaded(temp.register, in: temp.directory)
        #expect(try copy.fingerprint() == temp.register.fingerprint())
        for year in 2019...2021 {
            let period = try ReportPeriod.year(year)
            #expect(try copy.yearEndReport(unitCode: "DK", period: period) == temp.register.yearEndReport(unitCode: "DK", period: period))
        }
        #expect(try copy.unitHistory("DK") == temp.register.unitHistory("DK"))
        #expect(try copy.check().filter { $0.severity == .error }.isEmpty)
        let again = try copy.importFile(.unitChanges, from: temp.directory.appending(path: "export/unit-changes.csv").path, dryRun: false)
        #expect(again.added == 0 && again.unchanged == 5)
    }
}
