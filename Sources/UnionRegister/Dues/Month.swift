import Foundation

/// A calendar month: what dues are owed, paid and exempted by.
///
/// Written `YYYY-MM` (what the database stores) or `MM/YYYY` (what a Union book writes:
/// "đã đóng đoàn phí đến tháng 09/2025").
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible, Strideable {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month a day falls in.
    public init(_ day: Day) {
        year = day.year
        month = day.month
    }

    /// Parses `YYYY-MM` or `MM/YYYY` (a one-digit month too: `9/2025`); nil for anything else.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let vn = text.split(separator: "/", omittingEmptySubsequences: false)
        let fields: (Substring, Substring)
        if iso.count == 2, iso[0].count == 4, iso[1].count == 2 {
            fields = (iso[0], iso[1])
        } else if vn.count == 2, vn[1].count == 4, (1...2).contains(vn[0].count) {
            fields = (vn[1], vn[0])
        } else {
            return nil
        }
        guard fields.0.allSatisfy({ $0.isASCII && $0.isNumber }), fields.1.allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(fields.0), let month = Int(fields.1) else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String {
        String(year).leftPadded(4) + "-" + String(month).leftPadded(2)
    }

    /// `09/2025`, as a Vietnamese document writes it.
    public var vietnamese: String { String(month).leftPadded(2) + "/" + String(year) }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }

    /// Months since January of year 0: what `Strideable` counts in.
    private var index: Int { year * 12 + month - 1 }

    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.index < rhs.index }

    public func distance(to other: Month) -> Int { other.index - index }

    public func advanced(by n: Int) -> Month {
        let target = index + n
        // Out of 1...9999 only for absurd offsets; clamped rather than trapping.
        let clamped = min(max(target, 12), 9999 * 12 + 11)
        return Month(year: clamped / 12, month: clamped % 12 + 1)!
    }
}

extension String {
    /// The string with zeros before it up to `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension Month: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let month = Month(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not a YYYY-MM month")
        }
        self = month
    }

    /// `YYYY-MM`, as every JSON and the audit log write a month.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
