import RegisterViews
import UnionRegister

/// The year-end report page: the header lines and the tables of the printed report
/// (`ReportSection`), so the page and `report annual --format html` show the same figures
/// under the same headings.
struct ReportPage {
    struct Section {
        var title: String
        var headings: [String]
        var rows: [Row]
    }

    struct Row {
        var unit: String
        var depth: Int
        var root: Bool
        var cells: [Cell]
    }

    struct Cell {
        var text: String
        var alarm: Bool
    }

    var header: [ReportHeaderLine]
    var unitHeading: String
    var sections: [Section]
    var unit: String
    var year: Int
    var t: [String: String]

    init(_ report: YearEndReport, language: Language, unit: String, year: Int) {
        header = ReportHeaderLine.lines(of: report, language)
        unitHeading = ReportHeaderLine.unitHeading(language)
        let rows = report.root.flattened()
        sections = ReportSection.all(for: report).map { section in
            Section(title: section.title(language), headings: section.columns.map { $0.heading(language) }, rows: rows.map { row in
                Row(unit: ReportHeaderLine.documentName(row.figures.unit), depth: row.depth, root: row.depth == 0,
                    cells: section.columns.map { column in
                        let cell = column.cell(row.figures)
                        if case .balanced(false) = cell { return Cell(text: cell.text(language), alarm: true) }
                        return Cell(text: cell.text(language), alarm: false)
                    })
            })
        }
        self.unit = unit
        self.year = year
        t = PageWords.words(PageWords.report, language)
    }
}
