import RegisterStore
import RegisterViews
import UnionRegister

extension ReportView {
    /// One row per unit, in tree order, with every figure of every section; headers are
    /// English snake_case (like JSON keys) so that spreadsheets and scripts can rely on them.
    func csv() -> String {
        let columns = sections.flatMap(\.columns)
        let header = ["unit", "name", "kind", "parent", "depth", "from", "to"] + columns.map(\.csvName) + ["fingerprint"]
        let lines = rows.map { row in
            let unit = row.figures.unit
            return [unit.code, unit.name, unit.kind.rawValue, unit.parentCode ?? "", String(row.depth),
                    report.period.from.description, report.period.to.description]
                + columns.map { $0.cell(row.figures).csv } + [report.fingerprint]
        }
        return CSVWriter.document(header: header, rows: lines)
    }
}
