import RegisterViews
import UnionRegister

extension ReportView {
    /// The conference document as one self-contained HTML page, laid out for printing on
    /// A4 landscape (the member table is wide), table headings repeated on every page.
    func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escaped(report.period.title(language))) — \(escaped(documentName(report.root.unit)))</title>
            <style>
            @page { size: A4 landscape; margin: 15mm 12mm; }
            body { font-family: "Times New Roman", Times, serif; font-size: 12pt; color: #000; margin: 0 auto; max-width: 277mm; }
            h1 { font-size: 16pt; text-align: center; text-transform: uppercase; margin: 0 0 6mm; }
            h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 1mm 4mm; margin: 0 0 4mm; }
            dt { font-weight: bold; }
            dd { margin: 0; overflow-wrap: anywhere; }
            table { border-collapse: collapse; width: 100%; font-size: 10.5pt; }
            thead { display: table-header-group; }
            tr { break-inside: avoid; }
            th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; }
            th { background: #eee; font-weight: bold; text-align: center; }
            td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            tr.root td { font-weight: bold; }
            .unbalanced { color: #b00; font-weight: bold; }
            @media print { th { background: none; } }
            </style>
            </head>
            <body>
            <h1>\(escaped(report.period.title(language)))</h1>
            <dl>

            """
        for line in headerLines {
            let cls = line.alarm ? " class=\"unbalanced\"" : ""
            out += "<dt>\(escaped(line.label))</dt><dd\(cls)>\(escaped(line.value))</dd>\n"
        }
        out += "</dl>\n"
        for section in sections {
            out += "<h2>\(escaped(section.title(language)))</h2>\n<table>\n<thead><tr><th>\(escaped(unitHeading))</th>"
            out += section.columns.map { "<th>\(escaped($0.heading(language)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows {
                let cls = row.depth == 0 ? " class=\"root\"" : ""
                out += "<tr\(cls)><td style=\"padding-left: \(1 + row.depth * 5)mm\">\(escaped(documentName(row.figures.unit)))</td>"
                out += section.columns.map { column in
                    let cell = column.cell(row.figures)
                    let alarm = if case .balanced(false) = cell { " unbalanced" } else { "" }
                    return "<td class=\"n\(alarm)\">\(escaped(cell.text(language)))</td>"
                }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if let trend {
            out += "<h2>\(escaped(Text(vi: "Qua các năm", en: "Over the years")(language)))</h2>\n" + TrendView(trend: trend, language: language).charts
        }
        return out + "</body>\n</html>\n"
    }

    private func escaped(_ text: String) -> String { Escaping.html(text) }
}
