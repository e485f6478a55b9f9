import Foundation
import SeededRandom
import Testing
@testable import RegisterStore

/// Random bytes through the CSV reader for a bounded time, from a fixed seed: every input
/// either reads as records or throws `CSVReader.SyntaxError` naming a place inside the
/// file. Never a crash, a hang or another error.
@Suite("CSVReader fuzz")
struct CSVReaderFuzzTests {
    /// The bytes CSV parsing turns on, weighted towards them, plus UTF-8 and arbitrary bytes.
    static let alphabet: [UInt8] = Array("\",;\n\r\"\"ab ".utf8) + [0x00, 0xC3, 0xA1, 0xE1, 0xBB, 0x85, 0xFF, 0x09]

    @Test func randomInputsReadOrFailAtAPlaceInTheFile() throws {
        var random = SeededGenerator(seed: 0x50D0_A11)
        let directory = FileManager.default.temporaryDirectory.appending(path: "csv-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let deadline = Date().addingTimeInterval(2)
        var cases = 0, refused = 0
        while Date() < deadline {
            let length = Int(random.next() % 200)
            let bytes = (0..<length).map { _ in
                random.next() % 4 == 0 ? UInt8(truncatingIfNeeded: random.next()) : Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
            }
            let url = directory.appending(path: "\(cases).csv")
            try Data(bytes).write(to: url)
            var reader = try CSVReader(path: url.path)
            let lines = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
            do {
                var records = 0
                while let record = try reader.next() {
                    #expect((1...lines).contains(record.line))
                    records += 1
                    #expect(records <= length + 1)
                }
            } catch let error as CSVReader.SyntaxError {
                refused += 1
                #expect((1...lines).contains(error.line), "\(bytes)")
                #expect((1...max(1, length)).contains(error.column), "\(bytes)")
                if error.kind == .nulByte { #expect(bytes.contains(0)) }
            }
            try FileManager.default.removeItem(at: url)
            cases += 1
        }
        #expect(cases > 100)
        #expect(refused > 0 && refused < cases)
    }
}
