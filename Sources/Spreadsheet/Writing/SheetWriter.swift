/// One sheet being written: rows go to an unlinked temporary file as XML while the widest
/// cell of each column is noted, so a sheet of a million rows is written in flat memory and
/// its column widths still fit the content. The first row appended is the header: bold,
/// and frozen so it stays in view.
public final class SheetWriter {
    let name: String
    let rows: FileDescriptor
    private(set) var rowsSize = 0
    private var buffer: [UInt8] = []
    private var widths: [Int] = []
    private var rowNumber = 0
    let dateSystem = DateSystem.from1900

    init(name: String) throws {
        self.name = name
        rows = try FileDescriptor.temporary()
    }

    /// Appends the next row (the first one is the header).
    public func append(_ cells: [OutputCell]) throws {
        rowNumber += 1
        var xml = #"<row r="\#(rowNumber)">"#
        for (index, cell) in cells.enumerated() {
            if index >= widths.count { widths.append(0) }
            widths[index] = max(widths[index], cell.shownLength)
            xml += self.xml(cell, at: CellReference.letters(ofColumn: index) + String(rowNumber))
        }
        xml += "</row>"
        buffer.append(contentsOf: xml.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func xml(_ cell: OutputCell, at reference: String) -> String {
        let header = rowNumber == 1
        switch cell {
        case .empty:
            return ""
        case .integer(let n):
            return #"<c r="\#(reference)"\#(header ? #" s="1""# : "")><v>\#(n)</v></c>"#
        case .bool(let value):
            return #"<c r="\#(reference)" t="b"><v>\#(value ? 1 : 0)</v></c>"#
        case .date(let day):
            return #"<c r="\#(reference)" s="\#(WorkbookStyles.date)"><v>\#(dateSystem.serial(of: day))</v></c>"#
        case .text(let text):
            let style = header ? WorkbookStyles.header : Self.startsFormula(text) ? WorkbookStyles.formulaLikeText : WorkbookStyles.plain
            return Self.string(text, at: reference, style: style)
        case .indented(let text, let level):
            return Self.string(text, at: reference, style: WorkbookStyles.indent(level))
        }
    }

    private static func string(_ text: String, at reference: String, style: Int) -> String {
        #"<c r="\#(reference)"\#(style == 0 ? "" : #" s="\#(style)""#) t="inlineStr"><is><t xml:space="preserve">\#(OOXMLText.escaped(text))</t></is></c>"#
    }

    /// The characters a spreadsheet may read as the start of a formula when the cell is edited.
    static func startsFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }

    func flush() throws {
        try rows.append(buffer)
        rowsSize += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// What comes before the rows: the frozen header pane and the column widths.
    var prefix: String {
        let columns = widths.enumerated().map { index, width in
            #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(min(max(width + 2, 8), 60))" customWidth="1"/>"#
        }.joined()
        return XMLDocument.declaration + #"<worksheet xmlns="\#(XMLDocument.main)"><sheetViews><sheetView workbookViewId="0">"#
            + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>"#
            + #"</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>"#
            + (columns.isEmpty ? "" : "<cols>\(columns)</cols>") + "<sheetData>"
    }

    static let suffix = "</sheetData></worksheet>"
}
