import ArgumentParser
import RegisterStore
import RegisterViews
import UnionRegister

/// Renders a year-end report: a text table for the terminal, Markdown or HTML for the
/// conference document, CSV with one row per unit, the JSON shape of docs/CLI.md, or a
/// workbook (`workbook()`, ReportView+Workbook.swift).
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
        case .xlsx: throw ValidationError("--format xlsx writes a workbook: give --output FILE.xlsx.")
        }
    }

    /// Every unit of the report in tree order, with its depth below the report's unit.
    var rows: [(depth: Int, figures: UnitFigures)] { report.root.flattened() }

    var sections: [ReportSection] { ReportSection.all(for: report) }

    var headerLines: [ReportHeaderLine] { ReportHeaderLine.lines(of: report, language) }

    /// The heading of the first column of every table.
    var unitHeading: String { ReportHeaderLine.unitHeading(language) }

    func documentName(_ unit: Unit) -> String { ReportHeaderLine.documentName(unit) }
}
