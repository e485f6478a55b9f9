import Foundation
import RegisterStore
import RegisterViews
import UnionRegister

/// Renders `unit history`: the unit's reorganisations in date order, as a table, JSON or CSV.
struct UnitHistoryView {
    var entries: [UnitHistoryEntry]
    var language: Language

    func render(_ format: OutputFormat) throws -> String {
        let items = entries.map(UnitHistoryJSON.init)
        switch format {
        case .json:
            return try JSONOutput.encode(items)
        case .csv:
            return CSVWriter.document(
                header: ["on", "kind", "unit", "old_name", "new_name", "old_parent", "new_parent", "into", "members_moved"],
                rows: items.map { [$0.on, $0.kind, $0.unit, $0.old_name ?? "", $0.new_name ?? "", $0.old_parent ?? "",
                                   $0.new_parent ?? "", $0.into ?? "", String($0.members_moved)] })
        default:
            var table = TextTable([Text(vi: "Ngày", en: "Date"), Heading.kind, Heading.unit, Heading.note], language)
            for entry in entries {
                table.append([entry.change.on.description, entry.change.kind.name(language), entry.change.unitCode,
                              detail(entry)(language)])
            }
            return table.render()
        }
    }

    private func detail(_ entry: UnitHistoryEntry) -> Text {
        let c = entry.change
        switch c.kind {
        case .renamed:
            return Text(vi: "«\(c.oldName ?? "")» → «\(c.newName ?? "")»", en: "“\(c.oldName ?? "")” → “\(c.newName ?? "")”")
        case .moved:
            return Text(vi: "\(c.oldParentCode ?? "(gốc)") → \(c.newParentCode ?? "")", en: "\(c.oldParentCode ?? "(root)") → \(c.newParentCode ?? "")")
        case .merged:
            return Text(vi: "vào \(c.intoUnitCode ?? ""), \(entry.membersMoved) đoàn viên chuyển", en: "into \(c.intoUnitCode ?? ""), \(entry.membersMoved) members moved")
        case .split:
            return Text(vi: "\(entry.membersMoved) đoàn viên chuyển", en: "\(entry.membersMoved) members moved")
        }
    }
}
