/// One non-empty cell of a sheet row, typed as the workbook stores it.
public struct SheetCell: Sendable, Equatable {
    /// 0-based column.
    public var column: Int
    public var value: CellValue

    public init(column: Int, value: CellValue) {
        self.column = column
        self.value = value
    }
}

/// What a cell holds. A formula cell holds its cached value; the reader refuses one without.
public enum CellValue: Sendable, Equatable {
    case text(String)
    /// A number shown in a format of zeros only (`00000000000`) is shown zero-padded to
    /// `minimumDigits`: a phone or card number kept as a number keeps its leading zeros.
    case number(Double, minimumDigits: Int)
    /// A number shown in a date format, read in the workbook's date system. `fraction` is
    /// the time of day as a fraction of a day (0 for a plain date).
    case date(CalendarDay, fraction: Double)
    case bool(Bool)
    /// An error value such as `#N/A` or `#REF!`.
    case error(String)
}

/// A day of the proleptic Gregorian calendar, without a time zone.
public struct CalendarDay: Sendable, Equatable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01 (civil_from_days).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }
}
