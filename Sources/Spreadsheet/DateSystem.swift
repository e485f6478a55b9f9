/// How a workbook counts days (`workbookPr date1904` in workbook.xml). In the 1900 system
/// serial 1 is 1900-01-01 and serial 60 is 29 February 1900, a day that never was (Lotus
/// 1-2-3's leap-year mistake, kept by Excel); in the 1904 system serial 0 is 1904-01-01.
public enum DateSystem: Sendable, Equatable {
    case from1900, from1904

    /// The day of a serial, and the time of day as a fraction; nil for serials that name
    /// no day: below the first, 60 in the 1900 system, or beyond year 9999.
    public func day(ofSerial serial: Double) -> (CalendarDay, fraction: Double)? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        let fraction = serial - Double(whole)
        switch self {
        case .from1904:
            return (CalendarDay(daysSinceEpoch: Self.epoch1904 + whole), fraction)
        case .from1900:
            guard whole >= 1, whole != 60 else { return nil }
            // Serials after the false leap day are one day too high.
            return (CalendarDay(daysSinceEpoch: Self.epoch1900 + (whole < 60 ? whole : whole - 1)), fraction)
        }
    }

    /// The serial of a day, as a workbook in this system stores it.
    public func serial(of day: CalendarDay) -> Int {
        switch self {
        case .from1904: return day.daysSinceEpoch - Self.epoch1904
        case .from1900:
            let days = day.daysSinceEpoch - Self.epoch1900
            return days < 60 ? days : days + 1
        }
    }

    /// 1899-12-31 (serial 0 of the 1900 system) and 1904-01-01, in days since 1970-01-01.
    private static let epoch1900 = CalendarDay(year: 1899, month: 12, day: 31).daysSinceEpoch
    private static let epoch1904 = CalendarDay(year: 1904, month: 1, day: 1).daysSinceEpoch
}
