import Foundation
import UnionRegister

/// Where a write takes its time from: the moment its audit row records, and the day the
/// rules take as today (they refuse any date after it).
///
/// The command line and the server read the system clock at every write, so a server that
/// runs for weeks never judges a write by the day it started. Tests and reproducible runs
/// fix the day, so that a rule's edge ("not after today") is tried on a known day.
public struct RegisterClock: Sendable {
    private let reading: @Sendable () -> (now: Date, today: Day)

    public init(_ reading: @escaping @Sendable () -> (now: Date, today: Day)) {
        self.reading = reading
    }

    /// The system clock, in the machine's time zone (a branch's "today" is its local day).
    public static let system = RegisterClock {
        let now = Date()
        return (now, Day.today(now: now))
    }

    /// Today fixed to `today`; audit rows still record the real moment.
    public static func fixed(today: Day) -> RegisterClock {
        RegisterClock { (Date(), today) }
    }

    /// The moment and the day, read together so they agree.
    func read() -> (now: Date, today: Day) { reading() }
}
