import RegisterViews
import Spreadsheet
import UnionRegister

extension ReportView {
    /// `--format xlsx`: a first sheet with the lines above the tables (unit, period,
    /// balance, fingerprint), then one sheet per section of the report, one row per unit in
    /// tree order with the unit's name indented by its depth, figures as numbers. The
    /// fingerprint is also the workbook's `fingerprint` document property.
    func workbook() throws -> WorkbookWriter {
        let vi = language == .vi
        let workbook = WorkbookWriter(title: documentName(report.root.unit),
                                      properties: [("fingerprint", report.fingerprint)])
        let cover = try workbook.addSheet(vi ? "Báo cáo" : "Report")
        try cover.append([.text(vi ? "Mục" : "Item"), .text(vi ? "Nội dung" : "Value")])
        for line in headerLines { try cover.append([.text(line.label), .text(line.value)]) }
        for section in sections {
            let sheet = try workbook.addSheet(section.title(language))
            try sheet.append([.text(unitHeading), .text(Heading.code(language))] + section.columns.map { .text($0.heading(language)) })
            for row in rows {
                let unit = row.figures.unit
                try sheet.append([.indented(unit.name, level: row.depth), .text(unit.code)]
                                 + section.columns.map { WorkbookOutput.cell($0.cell(row.figures).csv) })
            }
        }
        return workbook
    }
}
