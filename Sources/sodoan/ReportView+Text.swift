import UnionRegister

extension ReportView {
    /// The terminal rendering: the header, then one table per section, units indented by
    /// depth and named by code (the first table gives each code's name and kind).
    func text() -> String {
        var out = report.period.title(language) + "\n"
        for line in headerLines { out += "\(line.label): \(line.value)\n" }
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
            out += "\n" + section.title(language) + "\n" + table.render()
        }
        return out
    }
}
