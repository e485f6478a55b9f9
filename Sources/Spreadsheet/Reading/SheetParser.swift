import Foundation

/// Reads a worksheet part element by element into `SheetRow`s, resolving each cell's value:
/// shared and inline strings, numbers, booleans, errors, ISO dates (`t="d"`), and numbers
/// in a date format through the workbook's date system. A formula cell gives its cached
/// value; one saved without it is refused. Merged ranges (listed after the rows) are kept
/// for the reader to check against the header row.
final class SheetParser: XMLPartHandler {
    private let sheet: String
    private let strings: SharedStrings
    private let formats: [NumberFormat]
    private let dateSystem: DateSystem
    /// Takes each row with a value, in sheet order.
    var emit: (SheetRow) throws -> Void = { _ in }
    private(set) var merged: [String] = []

    private var row: SheetRow?
    private var lastRow = 0
    private var lastColumn = -1
    /// The cell being read: its reference, type and style, and what its children held.
    private var cellReference = ""
    private var cellColumn = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var hasFormula = false
    private var value: String?
    private var inlineText: String?
    private var collecting: Collecting = .nothing

    private enum Collecting { case nothing, value, inline, phonetic }

    init(sheet: String, strings: SharedStrings, formats: [NumberFormat], dateSystem: DateSystem) {
        self.sheet = sheet
        self.strings = strings
        self.formats = formats
        self.dateSystem = dateSystem
    }

    func start(_ element: String, _ attributes: [String: String]) throws {
        switch element {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? lastRow + 1
            row = SheetRow(number: number, cells: [])
            lastRow = number
            lastColumn = -1
        case "c":
            let parsed = attributes["r"].flatMap(CellReference.parse)
            cellColumn = parsed?.column ?? lastColumn + 1
            lastColumn = cellColumn
            cellReference = CellReference.letters(ofColumn: cellColumn) + String(lastRow)
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            hasFormula = false
            value = nil
            inlineText = nil
        case "f": hasFormula = true
        case "v": collecting = .value; value = value ?? ""
        case "is": inlineText = ""
        case "rPh": collecting = .phonetic
        case "t" where inlineText != nil && collecting != .phonetic: collecting = .inline
        case "mergeCell": if let range = attributes["ref"] { merged.append(range) }
        default: break
        }
    }

    func text(_ text: String) {
        switch collecting {
        case .value: value! += text
        case .inline: inlineText! += text
        case .nothing, .phonetic: break
        }
    }

    func end(_ element: String) throws {
        switch element {
        case "v", "t": if collecting != .phonetic { collecting = .nothing }
        case "rPh": collecting = .nothing
        case "c":
            if let cell = try cellValue() { row?.cells.append(SheetCell(column: cellColumn, value: cell)) }
        case "row":
            if let row, !row.cells.isEmpty { try emit(row) }
            row = nil
        default: break
        }
    }

    /// The value of the cell just read; nil for an empty cell (a styled cell with no value).
    private func cellValue() throws -> CellValue? {
        let value = self.value.flatMap { $0.isEmpty ? nil : $0 }
        if hasFormula && value == nil && cellType != "inlineStr" {
            throw SpreadsheetError.formulaWithoutValue(cell: cellReference)
        }
        switch cellType {
        case "inlineStr":
            return inlineText.map { .text(OOXMLText.decoded($0)) }
        case "s":
            guard let value else { return nil }
            guard let index = Int(value), let text = try strings.string(at: index) else {
                throw SpreadsheetError.damaged(part: sheet, reason: "\(cellReference): no shared string \(value)")
            }
            return .text(text)
        case "str":
            return value.map { .text(OOXMLText.decoded($0)) }
        case "b":
            return value.map { .bool($0 == "1" || $0.lowercased() == "true") }
        case "e":
            return value.map { .error($0) }
        case "d":
            guard let value else { return nil }
            guard let day = Self.isoDay(value) else { throw SpreadsheetError.damaged(part: sheet, reason: "\(cellReference): date \(value)") }
            return .date(day.0, fraction: day.1)
        default:
            guard let value else { return nil }
            guard let number = Double(value) else { throw SpreadsheetError.damaged(part: sheet, reason: "\(cellReference): number \(value)") }
            switch formats.indices.contains(cellStyle) ? formats[cellStyle] : .plain {
            case .date:
                guard let (day, fraction) = dateSystem.day(ofSerial: number) else { return .number(number, minimumDigits: 0) }
                return .date(day, fraction: fraction)
            case .zeroPadded(let digits): return .number(number, minimumDigits: digits)
            case .plain: return .number(number, minimumDigits: 0)
            }
        }
    }

    /// `2024-05-10` or `2024-05-10T08:30:00` (a `t="d"` cell) as a day and a fraction of a day.
    static func isoDay(_ text: String) -> (CalendarDay, Double)? {
        let parts = text.split(separator: "T", maxSplits: 1)
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        guard date.count == 3 else { return nil }
        var fraction = 0.0
        if parts.count == 2 {
            let time = parts[1].prefix(8).split(separator: ":").compactMap { Double($0) }
            fraction = zip(time, [3600.0, 60, 1]).map(*).reduce(0, +) / 86_400
        }
        return (CalendarDay(year: date[0], month: date[1], day: date[2]), fraction)
    }
}
