/// The days a year-end report counts (docs/DOMAIN.md, "Dates and edges").
///
/// A period from F to T counts events dated F through T inclusive. "Members at start" are
/// those active at the end of the day before F, "at end" those active at the end of T, so
/// that consecutive periods chain: one period's end is the next one's start.
public struct ReportPeriod: Hashable, Sendable {
    public let from: Day
    public let to: Day

    /// The earliest year a report may start in: the Union was founded in 1931 (the
    /// schema's grade years start there too), and it keeps "the day before F" a valid day.
    public static let earliestYear = 1931

    /// A period from `from` to `to`, both included. Refuses a period that ends before it
    /// starts, or starts before the Union existed.
    public init(from: Day, to: Day) throws {
        guard from <= to else {
            throw RegisterError.badInput(
                Text(vi: "Kỳ báo cáo kết thúc (\(to)) trước khi bắt đầu (\(from)).",
                     en: "The report period ends (\(to)) before it starts (\(from))."),
                fix: Text(vi: "Đặt --from không muộn hơn --to.", en: "Make --from no later than --to."))
        }
        guard from.year >= ReportPeriod.earliestYear else {
            throw RegisterError.badInput(
                Text(vi: "Kỳ báo cáo bắt đầu năm \(from.year), trước khi có Đoàn (\(ReportPeriod.earliestYear)).",
                     en: "The report period starts in \(from.year), before the Union existed (\(ReportPeriod.earliestYear))."))
        }
        self.from = from
        self.to = to
    }

    /// The calendar year: 1 January through 31 December.
    public static func year(_ year: Int) throws -> ReportPeriod {
        guard year >= earliestYear, year <= 9999 else {
            throw RegisterError.badInput(
                Text(vi: "Năm \(year) không hợp lệ cho báo cáo.", en: "\(year) is not a valid report year."),
                fix: Text(vi: "Chọn năm từ \(earliestYear) đến 9999.", en: "Choose a year from \(earliestYear) to 9999."))
        }
        return try ReportPeriod(from: Day.firstOf(year: year), to: Day.lastOf(year: year))
    }

    /// The day whose end gives "members at start".
    public var dayBeforeStart: Day { from.previous }

    /// The year whose grades the report reads: the year of the period's last day (for an
    /// annual report, the year itself).
    public var gradeYear: Int { to.year }

    /// True when the period is exactly one calendar year.
    public var isCalendarYear: Bool {
        from == Day.firstOf(year: from.year) && to == Day.lastOf(year: from.year)
    }

    /// The report's heading: "Báo cáo số liệu tổng kết năm 2024", or the dates of a period.
    public var title: Text {
        if isCalendarYear {
            return Text(vi: "Báo cáo số liệu tổng kết năm \(from.year)", en: "Year-end figures for \(from.year)")
        }
        return Text(vi: "Báo cáo số liệu từ ngày \(from.vietnamese) đến ngày \(to.vietnamese)",
                    en: "Figures from \(from) to \(to)")
    }
}
