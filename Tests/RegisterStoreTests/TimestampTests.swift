import Foundation
@testable import RegisterStore
import Testing

/// Session expiries are compared as text with those already in the file, so the shared
/// format style must write exactly what `ISO8601DateFormatter` wrote.
@Suite("Timestamps")
struct TimestampTests {
    @Test func theFormatStyleWritesWhatISO8601DateFormatterWrote() {
        let formatter = ISO8601DateFormatter()
        for seconds in [0.0, 1_700_000_000, 1_796_141_386.75, 1_798_761_599.999, 4_102_444_800, 951_782_400] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.text(date) == formatter.string(from: date), "\(seconds)")
        }
    }
}
