/// A period of validity of M months starting on day D holds on every day before
/// D + M months and has ended on D + M months (docs/DOMAIN.md): a certificate completed
/// 2019-06-01 is valid through 2024-05-31; a discipline dated 2023-06-01 stops counting
/// on 2024-06-01; probation from 2024-10-01 ends on 2025-10-01.
public struct Validity: Hashable, Sendable {
    public let start: Day
    public let months: Int

    public init(from start: Day, months: Int) {
        self.start = start
        self.months = months
    }

    /// The first day on which the period no longer holds.
    public var end: Day { start.adding(months: months) }

    /// The last day on which it still holds.
    public var lastDay: Day { end.previous }

    /// True from `start` through the day before `end`.
    public func holds(on day: Day) -> Bool { start <= day && day < end }
}
