import Foundation
import Spreadsheet
import UnionRegister

/// A sheet of a workbook read as the records of a data file: each cell as the text a CSV
/// cell would hold, so that the same importers read both. Dates become `YYYY-MM-DD`, whole
/// numbers their digits (zero-padded where the cell's format says so), booleans
/// `true`/`false`. A cell whose value cannot be read as text without a guess is a problem of
/// its row, with the reason: a date with a time of day, a number of more than 15 digits
/// (Excel keeps 15, so the rest are lost), an error value such as `#N/A`.
struct SheetRecords {
    let file: String
    let sheet: String
    private let reader: SheetReader
    private let fileSize: Int
    /// The header's width, once the first row (the header) has been read.
    private var width: Int?

    init(path: String, sheet: String?) throws {
        file = path
        do {
            let workbook = try Workbook(path: path)
            reader = try workbook.rows(ofSheet: sheet)
        } catch let error as SpreadsheetError {
            throw ImportProblem(file: path, line: 0, column: nil, message: error.message(file: path))
        }
        self.sheet = reader.sheet
        fileSize = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// How far through the file the reading is, in the file's bytes (for progress).
    var bytesRead: Int {
        reader.totalBytes == 0 ? 0 : Int(Double(fileSize) * Double(reader.bytesRead) / Double(reader.totalBytes))
    }

    /// The next row with a value, or nil after the last.
    mutating func next() throws -> TableRecord? {
        let row: SheetRow?
        do {
            row = try reader.next()
        } catch let error as SpreadsheetError {
            throw problem(error)
        }
        guard let row else { return nil }
        let count = width ?? (row.cells.last.map { $0.column + 1 } ?? 0)
        var record = TableRecord(line: row.number, fields: Array(repeating: "", count: count))
        for cell in row.cells {
            guard cell.column < count else {
                record.problem = record.problem ?? (cell.column, Text(
                    vi: "Ô có giá trị nằm ngoài các cột của dòng tiêu đề; xóa ô đó hoặc đặt tên cho cột.",
                    en: "A value outside the header's columns; delete it or give its column a name."))
                continue
            }
            switch Self.text(cell.value) {
            case .success(let text): record.fields[cell.column] = text
            case .failure(let reason): record.problem = record.problem ?? (cell.column, reason.message)
            }
        }
        if width == nil {
            // Trailing empty header cells (formatted but blank) are not columns.
            while record.fields.last?.isEmpty == true { record.fields.removeLast() }
            width = record.fields.count
        }
        return record
    }

    /// Reads to the end of the sheet and returns the problem it ends with, if any: merged
    /// header cells are listed after the rows, so a header that does not read is explained
    /// by them only there.
    mutating func problemAtEnd() -> ImportProblem? {
        do {
            while try next() != nil {}
            return nil
        } catch let problem as ImportProblem {
            return problem
        } catch {
            return nil
        }
    }

    func cancel() { reader.cancel() }

    private func problem(_ error: SpreadsheetError) -> ImportProblem {
        var place: (column: Int, row: Int)?
        switch error {
        case .formulaWithoutValue(let cell): place = CellReference.parse(cell)
        case .mergedHeader(let range): place = CellReference.parse(String(range.split(separator: ":")[0]))
        default: break
        }
        return ImportProblem(file: file, line: place?.row ?? 0, column: nil, message: error.message(file: file),
                             sheet: place == nil ? nil : sheet, sheetColumn: place.map { CellReference.letters(ofColumn: $0.column) })
    }

    struct Unreadable: Error { var message: Text }

    /// The cell as text, or why it cannot be read without a guess.
    static func text(_ value: CellValue) -> Result<String, Unreadable> {
        switch value {
        case .text(let text):
            return .success(text)
        case .bool(let value):
            return .success(value ? "true" : "false")
        case .error(let code):
            return .failure(Unreadable(message: Text(vi: "Ô chứa lỗi \(code) của công thức; sửa công thức hoặc nhập giá trị.",
                                                     en: "The cell holds the error \(code); fix the formula or type the value.")))
        case .date(let day, let fraction):
            guard fraction == 0 else {
                return .failure(Unreadable(message: Text(
                    vi: "Ô là ngày \(day.iso) kèm giờ trong ngày; sổ chỉ ghi ngày. Định dạng ô là ngày (dd/mm/yyyy) không kèm giờ.",
                    en: "The cell is the date \(day.iso) with a time of day; the register keeps days only. Format it as a date without a time.")))
            }
            return .success(day.iso)
        case .number(let number, let digits):
            guard abs(number) < 1e15 else {
                let number = abs(number) < 9e18 ? String(Int64(number)) : String(number)
                return .failure(Unreadable(message: Text(
                    vi: "Ô là số \(number) có hơn 15 chữ số; Excel chỉ giữ 15 chữ số nên các chữ số cuối có thể đã mất. Định dạng cột là Văn bản (Text) rồi nhập lại số.",
                    en: "The cell is the number \(number), of more than 15 digits; Excel keeps only 15, so the last ones may be lost. Format the column as Text and type the number again.")))
            }
            guard number == number.rounded() else { return .success(String(number)) }
            let digitsText = String(Int64(abs(number)))
            let padded = String(repeating: "0", count: max(0, digits - digitsText.count)) + digitsText
            return .success((number < 0 ? "-" : "") + padded)
        }
    }
}

/// One record of a data file, CSV or sheet, as `CSVTable` maps it to columns.
struct TableRecord {
    /// The CSV line, or the sheet's row number.
    var line: Int
    var fields: [String]
    /// The first field that cannot be read, and why.
    var problem: (field: Int, message: Text)?
}
