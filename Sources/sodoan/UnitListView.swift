import RegisterStore
import UnionRegister

/// Renders `unit list` as a table (optionally indented as a tree), JSON or CSV.
struct UnitListView {
    var units: [UnitSummary]
    var language: Language
    var tree: Bool

    struct Item: Encodable {
        var code: String
        var name: String
        var kind: String
        var parent: String?
        var opened_on: String
        var closed_on: String?
        var depth: Int
        var members: Int
        var warnings: [String]
    }

    func render(_ format: OutputFormat) throws -> String {
        let items = units.map { summary in
            Item(code: summary.unit.code, name: summary.unit.name, kind: summary.unit.kind.rawValue,
                 parent: summary.unit.parentCode, opened_on: summary.unit.openedOn.description,
                 closed_on: summary.unit.closedOn?.description, depth: summary.depth, members: summary.members,
                 warnings: summary.warnings.map { $0.message(language) })
        }
        switch format {
        case .json:
            return try JSONOutput.encode(items)
        case .csv:
            return CSVWriter.document(
                header: ["code", "name", "kind", "parent", "opened_on", "closed_on", "members", "warnings"],
                rows: items.map { [$0.code, $0.name, $0.kind, $0.parent ?? "", $0.opened_on, $0.closed_on ?? "",
                                   String($0.members), $0.warnings.joined(separator: " | ")] })
        default:
            var table = TextTable([Heading.code, Text(vi: "Tên đơn vị", en: "Unit"), Heading.kind, Heading.members, Heading.note],
                                  language, rightAligned: [3])
            for summary in units {
                let indent = tree ? String(repeating: "  ", count: summary.depth) : ""
                let closed = summary.unit.closedOn.map { Text(vi: " (giải thể \($0))", en: " (closed \($0))")(language) } ?? ""
                table.append([indent + summary.unit.code, summary.unit.name + closed, summary.unit.kind.name(language),
                              String(summary.members), summary.warnings.isEmpty ? "" : "⚠ " + summary.warnings.map { $0.message(language) }.joined(separator: "; ")])
            }
            return table.render()
        }
    }
}
