import RegisterStore
import UnionRegister

/// One line above a report's tables — which unit, which days, whether it balances, and
/// the fingerprint that ties the figures to the register — on paper and on the page.
public struct ReportHeaderLine: Sendable {
    public var label: String
    public var value: String
    /// Set on the balance line of a report that does not balance.
    public var alarm = false

    /// The lines above the tables: which unit, which days, whether it balances, and the
    /// fingerprint that ties the figures to the register.
    public static func lines(of report: YearEndReport, _ language: Language) -> [ReportHeaderLine] {
        let vi = language == .vi
        let unit = report.root.unit
        let period = report.period
        let balance = report.balance
        let balanceText: String
        if balance.holds {
            balanceText = vi ? "đầu kỳ + biến động = cuối kỳ ở mọi đơn vị" : "start + movements = end in every unit"
        } else {
            let codes = balance.unbalanced.map(\.unit.code).joined(separator: ", ")
            balanceText = vi ? "KHÔNG CÂN ĐỐI ở \(codes): sổ bị hỏng hoặc có lỗi, không dùng số liệu này"
                             : "DOES NOT BALANCE in \(codes): the register is damaged or there is a bug; do not use these figures"
        }
        return [
            ReportHeaderLine(label: unitHeading(language), value: documentName(unit)),
            ReportHeaderLine(label: vi ? "Kỳ báo cáo" : "Period", value:
             vi ? "từ ngày \(period.from.vietnamese) đến ngày \(period.to.vietnamese); đầu kỳ tính đến hết ngày \(period.dayBeforeStart.vietnamese)"
                : "\(period.from) to \(period.to); at start means at the end of \(period.dayBeforeStart)"),
            ReportHeaderLine(label: vi ? "Cân đối" : "Balance", value: balanceText, alarm: !balance.holds),
            ReportHeaderLine(label: vi ? "Mã kiểm tra dữ liệu sổ (SHA-256)" : "Register fingerprint (SHA-256)", value: report.fingerprint),
        ]
    }

    /// The heading of the first column of every table.
    public static func unitHeading(_ language: Language) -> String { language == .vi ? "Đơn vị" : "Unit" }

    /// "Đoàn cơ sở Sở Y tế (YT)": how documents name a unit.
    public static func documentName(_ unit: Unit) -> String { "\(unit.name) (\(unit.code))" }
}
