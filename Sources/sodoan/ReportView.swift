import RegisterStore
import UnionRegister

/// Renders a year-end report: a text table for the terminal, Markdown or HTML for the
/// conference document, CSV with one row per unit, or the JSON shape of docs/CLI.md.
///
/// Every rendering is a function of the report alone (no clock, no locale of the
/// machine), so the same register prints the same bytes.
struct ReportView {
    var report: YearEndReport
    var language: Language
    /// The years up to the report's, for the trend charts the HTML document ends with
    /// (empty: no charts).
    var trend: YearlyFigures? = nil

    func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .text: return text()
        case .md: return markdown()
        case .html: return html()
        case .csv: return csv()
        case .json: return try JSONOutput.encode(ReportJSON(report.root, report: report))
        }
    }

    /// Every unit of the report in tree order, with its depth below the report's unit.
    var rows: [(depth: Int, figures: UnitFigures)] { report.root.flattened() }

    var sections: [ReportSection] { ReportSection.all(for: report) }

    /// The lines above the tables: which unit, which days, whether it balances, and the
    /// fingerprint that ties the figures to the register.
    var headerLines: [HeaderLine] {
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
            HeaderLine(label: vi ? "Đơn vị" : "Unit", value: documentName(unit)),
            HeaderLine(label: vi ? "Kỳ báo cáo" : "Period", value:
             vi ? "từ ngày \(period.from.vietnamese) đến ngày \(period.to.vietnamese); đầu kỳ tính đến hết ngày \(period.dayBeforeStart.vietnamese)"
                : "\(period.from) to \(period.to); at start means at the end of \(period.dayBeforeStart)"),
            HeaderLine(label: vi ? "Cân đối" : "Balance", value: balanceText, alarm: !balance.holds),
            HeaderLine(label: vi ? "Mã kiểm tra dữ liệu sổ (SHA-256)" : "Register fingerprint (SHA-256)", value: report.fingerprint),
        ]
    }

    struct HeaderLine {
        var label: String
        var value: String
        /// Set on the balance line of a report that does not balance.
        var alarm = false
    }

    /// The heading of the first column of every table.
    var unitHeading: String { language == .vi ? "Đơn vị" : "Unit" }

    /// "Đoàn cơ sở Sở Y tế (YT)": how documents name a unit.
    func documentName(_ unit: Unit) -> String { "\(unit.name) (\(unit.code))" }
}
