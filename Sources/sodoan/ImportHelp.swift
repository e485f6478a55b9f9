import RegisterStore

/// The help of `sodoan import`, made from the columns each kind's import reads
/// (`DataKind.columns`, the same list `export` writes its header from), so it cannot drift
/// from them.
enum ImportHelp {
    static let width = 78
    private static let indent = 16

    static var text: String {
        var lines = ["Kinds and their columns (English headers; the Vietnamese ones in docs/CLI.md",
                     "are accepted too). * required, † personal data (exported only on request):"]
        for kind in DataKind.allCases {
            let cells = kind.columns.map { $0.name + ($0.isRequired ? "*" : "") + ($0.isPersonal ? "†" : "") }
            // Padded by hand: Foundation's `padding(toLength:)` bridges through NSString, and
            // this help is built on every start, since the parser reads every configuration.
            let name = "  " + kind.rawValue
            lines += wrapped(cells, first: name + String(repeating: " ", count: max(0, indent - name.count)))
            if let note = note(kind) { lines.append(String(repeating: " ", count: indent) + note) }
        }
        lines.append("Load a whole register by importing the kinds in this order.")
        return lines.joined(separator: "\n")
    }

    /// What a kind's columns alone do not say.
    private static func note(_ kind: DataKind) -> String? {
        switch kind {
        case .units: return "(each unit as added, parents before children)"
        case .unitChanges: return "(change: renamed, moved, merged, split; in the order made)"
        case .members: return "(unit: the branch the member was admitted to)"
        case .events: return "(event: transferred, matured, removed, deceased)"
        case .offices: return "(to: the day the office ends; empty: held still)"
        case .referrals: return "(each member's steps in date order)"
        case .dues: return "(record: start, rate, class, exemption, payment; in that order)"
        case .unitGrades: return "(grassroots unions and branches; the units first)"
        case .grades, .trainings, .discipline: return nil
        }
    }

    /// `cells` joined by commas after `first` (`indent` characters), wrapped under it to
    /// `width` columns.
    private static func wrapped(_ cells: [String], first: String) -> [String] {
        let pieces = cells.indices.map { cells[$0] + ($0 < cells.count - 1 ? "," : "") }
        var lines: [String] = []
        var line = first
        for piece in pieces {
            if line.count > indent && line.count + 1 + piece.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
            }
            line += (line.count > indent ? " " : "") + piece
        }
        return lines + [line]
    }
}
