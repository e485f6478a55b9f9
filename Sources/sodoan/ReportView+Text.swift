import UnionRegister

extension ReportView {
    /// The widest line of the text report: it fits a terminal of 100 columns.
    static let textWidth = 100

    /// The terminal rendering: the header, then one table per section, units indented by
    /// depth and named by code (the first table gives each code's name and kind). A
    /// section wider than `textWidth` wraps its headings and continues in further tables
    /// that repeat the unit column; Markdown, HTML, CSV and JSON keep every column in one.
    func text() -> String {
        var out = report.period.title(language) + "\n"
        for line in headerLines {
            // A long value continues under itself, after the label.
            let indent = String(repeating: " ", count: line.label.count + 2)
            let value = TextWrap.lines(line.value, width: Self.textWidth - indent.count).joined(separator: "\n" + indent)
            out += "\(line.label): \(value)\n"
        }
        let rows = self.rows
        for (index, section) in sections.enumerated() {
            let names: [String] = index == 0 ? [language == .vi ? "Tên" : "Name", language == .vi ? "Loại" : "Kind"] : []
            var table = TextTable([unitHeading] + names + section.columns.map { $0.heading(language) },
                                  rightAligned: Set((1 + names.count)..<(1 + names.count + section.columns.count)))
            for row in rows {
                let unit = row.figures.unit
                let nameCells = index == 0 ? [unit.name, unit.kind.name(language)] : []
                table.append([String(repeating: "  ", count: row.depth) + unit.code] + nameCells
                             + section.columns.map { $0.cell(row.figures).text(language) })
            }
            out += "\n" + section.title(language) + "\n" + table.render(fitting: Self.textWidth, repeating: 1)
        }
        return out
    }
}
