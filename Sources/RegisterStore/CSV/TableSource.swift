import Foundation
import Spreadsheet
import UnionRegister

/// Where a `CSVTable`'s records come from: a CSV file (`CSVReader`) or a sheet of a
/// workbook (`SheetRecords`), each record with its line (or row number), its fields as
/// text, and the first field that cannot be read.
enum TableSource {
    case csv(CSVReader)
    case sheet(SheetRecords)

    /// A workbook when the file is a ZIP or OLE2 container, is named `.xlsx`, `.xlsm` or
    /// `.xls`, or a sheet is named; CSV otherwise.
    init(path: String, sheet: String?) throws {
        let suffix = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if sheet != nil || ["xlsx", "xlsm", "xls"].contains(suffix) || Workbook.isContainer(atPath: path) {
            self = .sheet(try SheetRecords(path: path, sheet: sheet))
            return
        }
        do {
            self = .csv(try CSVReader(path: path))
        } catch {
            throw RegisterError(.missingFile, Text(vi: "Không đọc được tệp \(path) (không có quyền đọc hoặc lỗi đọc đĩa).",
                                                   en: "The file \(path) cannot be read (no read permission, or a read error)."),
                                fix: Text(vi: "Kiểm tra quyền của tệp (chmod u+r).", en: "Check the file's permissions (chmod u+r)."))
        }
    }

    /// The sheet problems are named in, nil for CSV.
    var sheetName: String? {
        if case .sheet(let records) = self { return records.sheet }
        return nil
    }

    var bytesRead: Int {
        switch self {
        case .csv(let reader): return reader.bytesRead
        case .sheet(let records): return records.bytesRead
        }
    }

    /// The next non-blank record, or nil at the end; a file that cannot be read on throws
    /// an `ImportProblem`.
    mutating func next(file: String) throws -> TableRecord? {
        switch self {
        case .sheet(var records):
            defer { self = .sheet(records) }
            return try records.next()
        case .csv(var reader):
            defer { self = .csv(reader) }
            let record: CSVRecord?
            do {
                record = try reader.next()
            } catch let error as CSVReader.SyntaxError {
                throw ImportProblem(file: file, line: error.line, column: nil, message: Self.message(error))
            } catch {
                throw ImportProblem(file: file, line: 0, column: nil, message: Text(
                    vi: "Không đọc tiếp được tệp (lỗi đọc đĩa).", en: "The file could not be read to its end (a read error)."))
            }
            return record.map { record in
                TableRecord(line: record.line, fields: record.fields, problem: record.invalidUTF8Field.map { ($0, Text(
                    vi: "Dữ liệu không phải UTF-8 hợp lệ; lưu lại tệp với mã hóa UTF-8.",
                    en: "The text is not valid UTF-8; save the file as UTF-8.")) })
            }
        }
    }

    /// For a sheet whose header does not read: the problem its end holds (merged header cells).
    mutating func problemAtEnd() -> ImportProblem? {
        guard case .sheet(var records) = self else { return nil }
        defer { self = .sheet(records) }
        return records.problemAtEnd()
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

}
