/// The readers of a workbook's small parts: the package and workbook relationships,
/// workbook.xml (sheets and date system) and styles.xml (each cell style's number format).

/// `_rels/*.rels`: relationship id → (type, target).
final class RelationshipsReader: XMLPartHandler {
    private(set) var targets: [String: (type: String, target: String)] = [:]

    func start(_ element: String, _ attributes: [String: String]) {
        guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = (attributes["Type"] ?? "", target)
    }

    /// The target of the first relationship whose type ends with `/kind`.
    func target(ofType kind: String) -> String? {
        targets.values.filter { $0.type.hasSuffix("/" + kind) }.map(\.target).sorted().first
    }
}

/// workbook.xml: the sheets in order with their relationship ids, and the date system.
final class WorkbookReader: XMLPartHandler {
    private(set) var sheets: [(name: String, relationship: String)] = []
    private(set) var dateSystem = DateSystem.from1900

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "workbookPr":
            if let value = attributes["date1904"], value == "1" || value.lowercased() == "true" { dateSystem = .from1904 }
        case "sheet":
            if let name = attributes["name"], let id = attributes["id"] { sheets.append((name, id)) }
        default:
            break
        }
    }
}

/// styles.xml: for each cell style (`cellXfs`, the index a cell's `s` names), what its
/// number format says (`NumberFormat`).
final class StylesReader: XMLPartHandler {
    private var customFormats: [Int: NumberFormat] = [:]
    private var formatIDs: [Int] = []
    private var inCellStyles = false

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = NumberFormat(code: code)
            }
        case "cellXfs":
            inCellStyles = true
        case "xf" where inCellStyles:
            formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    func end(_ element: String) {
        if element == "cellXfs" { inCellStyles = false }
    }

    /// The number format of each cell style, by index.
    var formats: [NumberFormat] {
        formatIDs.map { customFormats[$0] ?? NumberFormat(builtIn: $0) }
    }
}
