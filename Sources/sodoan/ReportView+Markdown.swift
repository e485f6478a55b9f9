import RegisterViews
import UnionRegister

extension ReportView {
    /// The conference document as Markdown: a heading, the header as a list, one table per
    /// section. Units are indented with em spaces, which Markdown and HTML keep.
    func markdown() -> String {
        var out = "# \(report.period.title(language))\n\n"
        for line in headerLines { out += "- **\(line.label):** \(escaped(line.value))\n" }
        for section in sections {
            out += "\n## \(section.title(language))\n\n"
            out += "| " + ([unitHeading] + section.columns.map { $0.heading(language) }).map(escaped).joined(separator: " | ") + " |\n"
            out += "|---" + String(repeating: "|--:", count: section.columns.count) + "|\n"
            for row in rows {
                let name = String(repeating: "\u{2003}", count: row.depth) + escaped(documentName(row.figures.unit))
                out += "| " + ([name] + section.columns.map { $0.cell(row.figures).text(language) }).joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    private func escaped(_ text: String) -> String { Escaping.markdown(text) }
}
