/// A person's age in whole years and months on a given day.
///
/// A person is N years old from their N-th birthday on. Someone born on 29 February has
/// their birthday on 1 March in common years (docs/DOMAIN.md), which is *not* what adding
/// 12·N months would give (that clamps to 28 February), so birthdays have their own rule.
public struct Age: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let years: Int
    /// Whole months since the last birthday (0...11).
    public let months: Int

    /// The age on `day` of someone born on `birth`; nil when `day` is before the birth.
    public init?(born birth: Day, on day: Day) {
        guard day >= birth else { return nil }
        var years = day.year - birth.year
        if Age.birthday(of: birth, turning: years) > day { years -= 1 }
        let last = Age.birthday(of: birth, turning: years)
        var months = (day.year - last.year) * 12 + (day.month - last.month)
        if day.day < last.day { months -= 1 }
        self.years = years
        self.months = max(0, min(11, months))
    }

    /// The day someone born on `birth` turns `years` old: same month and day, with
    /// 29 February falling on 1 March in common years.
    public static func birthday(of birth: Day, turning years: Int) -> Day {
        let year = birth.year + years
        if let day = Day(year: year, month: birth.month, day: birth.day) { return day }
        return Day(year: year, month: 3, day: 1)!
    }

    /// True when on `day` the person is older than `years`: on the day after that
    /// birthday or later. "Older than 15" is the admission rule's lower bound.
    public static func isOlder(born birth: Day, than years: Int, on day: Day) -> Bool {
        day > birthday(of: birth, turning: years)
    }

    public static func < (lhs: Age, rhs: Age) -> Bool {
        (lhs.years, lhs.months) < (rhs.years, rhs.months)
    }

    public var description: String { "\(years)y\(months)m" }

    /// "19 tuổi 3 tháng" / "19 years 3 months".
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: return "\(years) tuổi \(months) tháng"
        case .en: return "\(years) years \(months) months"
        }
    }
}
