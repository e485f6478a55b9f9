import Foundation
import Spreadsheet
import UnionRegister

/// The columns an import reads: English names with the Vietnamese headers accepted as aliases.
public protocol CSVColumns: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// Other headers meaning the same column (the Vietnamese ones of docs/CLI.md).
    var aliases: [String] { get }
    /// A row without this column (or with the cell empty) cannot be imported.
    var isRequired: Bool { get }
    /// Personal data, written by `export` only when asked for (default: not personal).
    var isPersonal: Bool { get }
}

extension CSVColumns {
    public var isPersonal: Bool { false }
}

/// One data row of a `CSVTable`, read by column.
struct CSVRow<Column: CSVColumns>: Sendable {
    let file: String
    let line: Int
    /// `Column.allCases`, shared by every row of a table.
    let columns: [Column]
    /// The cells in the order of `columns`; nil for a column the file does not have.
    let cells: [String?]
    /// For a row of a workbook: the sheet and each column's letters, for problems.
    var sheet: SheetPlace? = nil

    /// True when the file has this column at all (an absent column leaves a field as it is).
    func has(_ column: Column) -> Bool { cell(column) != nil }

    private func cell(_ column: Column) -> String? {
        cells[columns.firstIndex(of: column)!]
    }

    /// The cell, trimmed, with the apostrophe of `CSVFormula` read away; nil when the
    /// column is absent or the cell empty.
    subscript(_ column: Column) -> String? {
        guard let cell = cell(column) else { return nil }
        var text = Self.trimmed(cell)
        if text.utf8.first == UInt8(ascii: "'") { text = CSVFormula.restored(text) }
        return text.isEmpty ? nil : text
    }

    /// Spaces and tabs trimmed from both ends, without a round trip through NSString:
    /// this runs for every cell of a million-row file.
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return text }
        guard first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return text }
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
        let end = bytes.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { bytes.index(after: $0) } ?? start
        return start < end ? String(text[start..<end]) : ""
    }

    func problem(_ column: Column?, _ message: Text) -> ImportProblem {
        ImportProblem(file: file, line: line, column: column?.rawValue, message: message, sheet: sheet?.name,
                      sheetColumn: column.flatMap { column in sheet?.letters[columns.firstIndex(of: column)!] })
    }

    /// The cell of a required column, or a problem saying it is empty.
    func required(_ column: Column) throws -> String {
        guard let text = self[column] else {
            throw problem(column, Text(vi: "Ô \(column.rawValue) bị trống.", en: "The \(column.rawValue) cell is empty."))
        }
        return text
    }

    /// The cell parsed with `parse`, nil when empty, a problem naming the value when unreadable.
    func parsed<T>(_ column: Column, as what: Text, _ parse: (String) -> T?) throws -> T? {
        guard let text = self[column] else { return nil }
        guard let value = parse(text) else {
            throw problem(column, Text(vi: "\"\(text)\" không phải \(what.vi) hợp lệ.", en: "\"\(text)\" is not a valid \(what.en)."))
        }
        return value
    }

    /// The cell of a required column, parsed.
    func required<T>(_ column: Column, as what: Text, _ parse: (String) -> T?) throws -> T {
        _ = try required(column)
        return try parsed(column, as: what, parse)!
    }

    func requiredDay(_ column: Column) throws -> Day {
        try required(column, as: Self.dayText, Day.init(parsing:))
    }

    func day(_ column: Column) throws -> Day? {
        try parsed(column, as: Self.dayText, Day.init(parsing:))
    }

    private static var dayText: Text { Text(vi: "ngày (YYYY-MM-DD hoặc DD/MM/YYYY)", en: "date (YYYY-MM-DD or DD/MM/YYYY)") }
}

extension ImportProblem: Error {}

/// Where the rows of a workbook come from: the sheet's name, and for each column (by its
/// index in `Column.allCases`) the letters of the sheet column holding it.
struct SheetPlace: Sendable {
    var name: String
    var letters: [String?]
}

/// A data file read through its header, CSV or a sheet of an .xlsx workbook: each row's
/// cells by column, with every row that cannot be read (wrong field count, invalid UTF-8,
/// an ambiguous cell) reported as a problem with its line or cell.
struct CSVTable<Column: CSVColumns> {
    let file: String
    private var source: TableSource
    /// For each field position, the column it holds.
    private let positions: [Column]
    /// For each field position, the index of its column in `columns`.
    private let ordinals: [Int]
    private let columns = Array(Column.allCases)
    private let sheetPlace: SheetPlace?
    var bytesRead: Int { source.bytesRead }

    /// Opens `path` and maps its header; unknown, repeated or missing columns are problems
    /// of the header line, thrown as `ImportRefused` since no row can be read without them.
    /// The file is read as a workbook when it is one (or `sheet` names a sheet of it);
    /// `sheet` chooses the sheet, the first one by default.
    init(path: String, sheet: String? = nil) throws {
        file = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RegisterError(.missingFile, Text(vi: "Không tìm thấy tệp \(path).", en: "No file at \(path)."))
        }
        guard !isDirectory.boolValue else {
            throw RegisterError(.missingFile, Text(vi: "\(path) là một thư mục, không phải tệp dữ liệu.", en: "\(path) is a directory, not a data file."),
                                fix: Text(vi: "Chỉ đường dẫn tới tệp .csv hoặc .xlsx.", en: "Give the path of the .csv or .xlsx file."))
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw RegisterError(.missingFile, Text(vi: "Không đọc được tệp \(path) (không có quyền đọc hoặc lỗi đọc đĩa).",
                                                   en: "The file \(path) cannot be read (no read permission, or a read error)."),
                                fix: Text(vi: "Kiểm tra quyền của tệp (chmod u+r).", en: "Check the file's permissions (chmod u+r)."))
        }
        source = try TableSource(path: path, sheet: sheet)
        var report = ImportReport(file: path)
        let header = try source.next(file: path)
        let sheetName = source.sheetName
        let headerLine = header?.line ?? 1
        func headerProblem(_ column: String, at position: Int?, _ message: Text) -> ImportProblem {
            ImportProblem(file: path, line: headerLine, column: column, message: message, sheet: sheetName,
                          sheetColumn: position.map(CellReference.letters(ofColumn:)))
        }
        var positions: [Column] = []
        let byName = Dictionary(Column.allCases.flatMap { column in ([column.rawValue] + column.aliases).map { (Self.key($0), column) } },
                                uniquingKeysWith: { first, _ in first })
        for (position, name) in (header?.fields ?? []).enumerated() {
            if let column = byName[Self.key(name)], !positions.contains(column) {
                positions.append(column)
            } else {
                report.problems.append(headerProblem(name, at: position, Text(
                    vi: "Cột \"\(name)\" không rõ hoặc bị lặp.", en: "The column \"\(name)\" is unknown or repeated.")))
            }
        }
        for column in Column.allCases where column.isRequired && !positions.contains(column) {
            report.problems.append(headerProblem(column.rawValue, at: nil, Text(
                vi: "Thiếu cột bắt buộc \(column.rawValue) (\(column.aliases.joined(separator: " / "))).",
                en: "The required column \(column.rawValue) is missing.")))
        }
        guard report.problems.isEmpty else {
            if let merged = source.problemAtEnd() { report.problems = [merged] }
            throw ImportRefused(report: report)
        }
        self.positions = positions
        let all = Array(Column.allCases)
        let ordinals = positions.map { all.firstIndex(of: $0)! }
        self.ordinals = ordinals
        sheetPlace = sheetName.map { name in
            var letters = [String?](repeating: nil, count: all.count)
            for (position, ordinal) in ordinals.enumerated() { letters[ordinal] = CellReference.letters(ofColumn: position) }
            return SheetPlace(name: name, letters: letters)
        }
    }

    /// Header names compare folded (no case, no diacritics) with `_` read as a space.
    private static func key(_ name: String) -> String {
        VietnameseText.fold(name.replacingOccurrences(of: "_", with: " "))
    }

    /// The next row, a problem for a row that cannot be read, or nil at the end.
    mutating func next() throws -> Result<CSVRow<Column>, ImportProblem>? {
        guard let record = try source.next(file: file) else { return nil }
        if let (bad, message) = record.problem {
            let name = positions.indices.contains(bad) ? positions[bad].rawValue : nil
            return .failure(ImportProblem(file: file, line: record.line, column: name, message: message, sheet: sheetPlace?.name,
                                          sheetColumn: sheetPlace == nil ? nil : CellReference.letters(ofColumn: bad)))
        }
        guard record.fields.count == positions.count else {
            return .failure(ImportProblem(file: file, line: record.line, column: nil, message: Text(
                vi: "Dòng có \(record.fields.count) ô, dòng tiêu đề có \(positions.count).",
                en: "The row has \(record.fields.count) fields; the header has \(positions.count).")))
        }
        var cells = [String?](repeating: nil, count: columns.count)
        for (ordinal, text) in zip(ordinals, record.fields) { cells[ordinal] = text }
        return .success(CSVRow(file: file, line: record.line, columns: columns, cells: cells, sheet: sheetPlace))
    }
}
