import Foundation
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
        ImportProblem(file: file, line: line, column: column?.rawValue, message: message)
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

/// A CSV file read through its header: each row's cells by column, with every row that
/// cannot be read (wrong field count, invalid UTF-8) reported as a problem with its line.
struct CSVTable<Column: CSVColumns> {
    let file: String
    private var reader: CSVReader
    /// For each field position, the column it holds.
    private let positions: [Column]
    /// For each field position, the index of its column in `columns`.
    private let ordinals: [Int]
    private let columns = Array(Column.allCases)
    var bytesRead: Int { reader.bytesRead }

    /// Opens `path` and maps its header; unknown, repeated or missing columns are problems
    /// of line 1, thrown as `ImportRefused` since no row can be read without them.
    init(path: String) throws {
        file = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RegisterError(.missingFile, Text(vi: "Không tìm thấy tệp \(path).", en: "No file at \(path)."))
        }
        guard !isDirectory.boolValue else {
            throw RegisterError(.missingFile, Text(vi: "\(path) là một thư mục, không phải tệp CSV.", en: "\(path) is a directory, not a CSV file."),
                                fix: Text(vi: "Chỉ đường dẫn tới tệp .csv.", en: "Give the path of the .csv file."))
        }
        do {
            reader = try CSVReader(path: path)
        } catch {
            throw RegisterError(.missingFile, Text(vi: "Không đọc được tệp \(path) (không có quyền đọc hoặc lỗi đọc đĩa).",
                                                   en: "The file \(path) cannot be read (no read permission, or a read error)."),
                                fix: Text(vi: "Kiểm tra quyền của tệp (chmod u+r).", en: "Check the file's permissions (chmod u+r)."))
        }
        var report = ImportReport(file: path)
        let header = try Self.nextRecord(&reader, file: path)
        var positions: [Column] = []
        let byName = Dictionary(Column.allCases.flatMap { column in ([column.rawValue] + column.aliases).map { (Self.key($0), column) } },
                                uniquingKeysWith: { first, _ in first })
        for name in header?.fields ?? [] {
            if let column = byName[Self.key(name)], !positions.contains(column) {
                positions.append(column)
            } else {
                report.problems.append(ImportProblem(file: path, line: 1, column: name, message: Text(
                    vi: "Cột \"\(name)\" không rõ hoặc bị lặp.", en: "The column \"\(name)\" is unknown or repeated.")))
            }
        }
        for column in Column.allCases where column.isRequired && !positions.contains(column) {
            report.problems.append(ImportProblem(file: path, line: 1, column: column.rawValue, message: Text(
                vi: "Thiếu cột bắt buộc \(column.rawValue) (\(column.aliases.joined(separator: " / "))).",
                en: "The required column \(column.rawValue) is missing.")))
        }
        guard report.problems.isEmpty else { throw ImportRefused(report: report) }
        self.positions = positions
        let all = Array(Column.allCases)
        ordinals = positions.map { all.firstIndex(of: $0)! }
    }

    /// Header names compare folded (no case, no diacritics) with `_` read as a space.
    private static func key(_ name: String) -> String {
        VietnameseText.fold(name.replacingOccurrences(of: "_", with: " "))
    }

    private static func nextRecord(_ reader: inout CSVReader, file: String) throws -> CSVRecord? {
        do {
            return try reader.next()
        } catch let error as CSVReader.SyntaxError {
            throw ImportProblem(file: file, line: error.line, column: nil, message: Self.message(error))
        } catch let error as RegisterError {
            throw error
        } catch {
            throw ImportProblem(file: file, line: 0, column: nil, message: Text(
                vi: "Không đọc tiếp được tệp (lỗi đọc đĩa).", en: "The file could not be read to its end (a read error)."))
        }
    }

    /// What is wrong at the place a syntax error names, and how to fix the file.
    static func message(_ error: CSVReader.SyntaxError) -> Text {
        let (l, c) = (error.line, error.column)
        switch error.kind {
        case .nulByte:
            return Text(vi: "Dòng \(l), ký tự thứ \(c): có byte NUL (0x00); tệp không phải văn bản CSV hoặc đã hỏng.",
                        en: "Line \(l), column \(c): a NUL byte (0x00); the file is not CSV text, or it is damaged.")
        case .quoteInUnquotedCell:
            return Text(vi: "Dòng \(l), ký tự thứ \(c): dấu ngoặc kép giữa một ô không đặt trong ngoặc kép; đặt cả ô trong ngoặc kép và viết \"\" cho mỗi dấu ngoặc kép bên trong.",
                        en: "Line \(l), column \(c): a quote inside a cell that is not quoted; put the whole cell in quotes and write each quote inside it as \"\".")
        case .textAfterClosingQuote:
            return Text(vi: "Dòng \(l), ký tự thứ \(c): có chữ sau dấu ngoặc kép đóng ô; dấu ngoặc kép bên trong ô phải viết thành \"\".",
                        en: "Line \(l), column \(c): text after the closing quote of a cell; a quote inside a quoted cell must be written \"\".")
        case .unterminatedQuote:
            return Text(vi: "Dấu ngoặc kép mở ở dòng \(l), ký tự thứ \(c) không được đóng đến hết tệp.",
                        en: "The quote opened on line \(l), column \(c) is never closed.")
        }
    }

    /// The next row, a problem for a row that cannot be read, or nil at the end.
    mutating func next() throws -> Result<CSVRow<Column>, ImportProblem>? {
        guard let record = try Self.nextRecord(&reader, file: file) else { return nil }
        if let bad = record.invalidUTF8Field {
            let name = positions.indices.contains(bad) ? positions[bad].rawValue : nil
            return .failure(ImportProblem(file: file, line: record.line, column: name, message: Text(
                vi: "Dữ liệu không phải UTF-8 hợp lệ; lưu lại tệp với mã hóa UTF-8.",
                en: "The text is not valid UTF-8; save the file as UTF-8.")))
        }
        guard record.fields.count == positions.count else {
            return .failure(ImportProblem(file: file, line: record.line, column: nil, message: Text(
                vi: "Dòng có \(record.fields.count) ô, dòng tiêu đề có \(positions.count).",
                en: "The row has \(record.fields.count) fields; the header has \(positions.count).")))
        }
        var cells = [String?](repeating: nil, count: columns.count)
        for (ordinal, text) in zip(ordinals, record.fields) { cells[ordinal] = text }
        return .success(CSVRow(file: file, line: record.line, columns: columns, cells: cells))
    }
}
