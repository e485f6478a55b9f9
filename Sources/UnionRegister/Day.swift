import Foundation

/// A calendar day with no time of day and no time zone: the unit every rule counts in.
///
/// The register's rules speak of days ("older than 15 means the day after the 15th
/// birthday"), so modelling them as instants would invite off-by-one errors around
/// midnight and time zones. Days order and compare by (year, month, day).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Builds a day, or returns nil when it does not exist (2023-02-29, month 13, …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (what the database stores) or `DD/MM/YYYY` (what Vietnamese
    /// secretaries write). Returns nil for anything else, including days that do not exist.
    public init?(parsing text: String) {
        // Fast path for the stored form: every date read from the database is exactly
        // `YYYY-MM-DD`, and loading a subtree's facts parses hundreds of thousands of them.
        if let (y, m, d) = text.utf8.withContiguousStorageIfAvailable(Day.isoFields) ?? nil {
            self.init(year: y, month: m, day: d)
            return
        }
        let text = text.trimmingCharacters(in: .whitespaces)
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let vn = text.split(separator: "/", omittingEmptySubsequences: false)
        let parts: (y: Substring, m: Substring, d: Substring)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2 {
            parts = (iso[0], iso[1], iso[2])
        } else if vn.count == 3, vn[2].count == 4, (1...2).contains(vn[0].count), (1...2).contains(vn[1].count) {
            parts = (vn[2], vn[1], vn[0])
        } else {
            return nil
        }
        guard [parts.y, parts.m, parts.d].allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts.y), let m = Int(parts.m), let d = Int(parts.d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Reads an exact `YYYY-MM-DD` from the UTF-8 bytes of a stored value, with no String
    /// made: a whole-register count reads a million birth dates (the year-end report).
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let (y, m, d) = Day.isoFields(bytes) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The numbers of an exact `YYYY-MM-DD` in ASCII bytes; nil for anything else.
    private static func isoFields(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    /// ISO 8601 `YYYY-MM-DD`, the stored and JSON form.
    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count == 1 ? "0" + m : m) + "-" + (d.count == 1 ? "0" + d : d)
    }

    /// `DD/MM/YYYY`, the form printed in Vietnamese documents; the year has four digits
    /// like the one `init(parsing:)` reads, so every printed day parses back.
    public var vietnamese: String {
        let d = String(day), m = String(month), y = String(year)
        return (d.count == 1 ? "0" + d : d) + "/" + (m.count == 1 ? "0" + m : m) + "/"
            + String(repeating: "0", count: max(0, 4 - y.count)) + y
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The years a `Day` can hold.
    public static let years = 1...9999

    /// Refuses a year filter no day can be in (bad input), before any arithmetic on it.
    public static func validateYear(_ year: Int?) throws {
        guard let year, !years.contains(year) else { return }
        throw RegisterError.badInput(Text(vi: "Năm \(year) không hợp lệ.", en: "\(year) is not a valid year."),
                                     fix: Text(vi: "Chọn năm từ 1 đến 9999.", en: "Choose a year from 1 to 9999."))
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }
}

// MARK: - Arithmetic

extension Day {
    /// Adds calendar months keeping the day of the month, clamped to the month's last day:
    /// 2020-02-29 + 12 months = 2021-02-28 (docs/DOMAIN.md, "Dates and edges").
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let y = index / 12, m = index % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
    }

    /// Adds (or with a negative count, subtracts) days.
    public func adding(days: Int) -> Day {
        Day(ordinal: ordinal + days)
    }

    /// The day before this one.
    public var previous: Day { adding(days: -1) }

    /// The day after this one.
    public var next: Day { adding(days: 1) }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar; differences of ordinals
    /// count days between dates.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }

    /// The inverse of `ordinal` (Howard Hinnant's civil-from-days algorithm).
    public init(ordinal: Int) {
        self.init(checkedOrdinal: ordinal)!
    }

    /// The day of `ordinal`, nil outside the years a `Day` holds (1 to 9999): for numbers
    /// read from the register, where a damaged one must be refused, not trapped on.
    public init?(checkedOrdinal ordinal: Int) {
        let era = (ordinal >= 0 ? ordinal : ordinal - 146_096) / 146_097
        let doe = ordinal - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The first and last days of a calendar year.
    public static func firstOf(year: Int) -> Day { Day(year: year, month: 1, day: 1)! }
    public static func lastOf(year: Int) -> Day { Day(year: year, month: 12, day: 31)! }

    /// Today on this machine's calendar, in its local time zone (a secretary's "today").
    public static func today(calendar: Calendar = .current, now: Date = Date()) -> Day {
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
