import Foundation
import Testing
import UnionRegister

/// Random text through `Day(parsing:)` for a bounded time, from a fixed seed: it never
/// crashes, and whatever it accepts is a real day that prints and parses back to itself.
@Suite("Day parsing fuzz")
struct DayParsingFuzzTests {
    static let alphabet = Array("0123456789012345678901234567890123456789--//  ２٣x\u{0}\u{1B}")

    @Test func randomTextParsesToARealDayOrNil() {
        var state: UInt64 = 0xDA7E
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let deadline = Date().addingTimeInterval(1.5)
        var cases = 0, accepted = 0
        while Date() < deadline {
            // Half the cases are a real day in either form with up to two characters
            // changed, so the edges of the accepted forms are reached, not only noise.
            var characters: [Character]
            if next() % 2 == 0 {
                let first = Day.firstOf(year: 1).ordinal, last = Day.lastOf(year: 9999).ordinal
                let seed = Day(ordinal: first + Int(next() % UInt64(last - first + 1)))
                characters = Array(next() % 2 == 0 ? seed.description : seed.vietnamese)
                for _ in 0..<(next() % 3) where !characters.isEmpty {
                    characters[Int(next() % UInt64(characters.count))] = Self.alphabet[Int(next() % UInt64(Self.alphabet.count))]
                }
            } else {
                characters = (0..<(next() % 14)).map { _ in Self.alphabet[Int(next() % UInt64(Self.alphabet.count))] }
            }
            let text = String(characters)
            if let day = Day(parsing: text) {
                accepted += 1
                #expect(Day(year: day.year, month: day.month, day: day.day) == day, "\(text)")
                #expect(Day(parsing: day.description) == day, "\(text)")
                #expect(Day(parsing: day.vietnamese) == day, "\(text)")
            }
            cases += 1
        }
        #expect(cases > 1000)
        #expect(accepted > 0)
    }
}
