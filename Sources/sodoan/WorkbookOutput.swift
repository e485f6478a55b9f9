import ArgumentParser
import Foundation
import Spreadsheet
import UnionRegister

/// `--format xlsx --output FILE`: the same cells as the CSV rendering, in a workbook. A cell
/// that CSV writes as an ISO day becomes a date cell, a whole number without a leading
/// zero (at most 15 digits, what Excel keeps) a number, `true`/`false` a boolean; every
/// other cell stays text (codes, phone and ID numbers with their leading zeros), written as
/// a string cell, so text that starts with `=` is never a formula.
enum WorkbookOutput {
    /// `--format xlsx` needs `--output`, and `--output` is for `--format xlsx` only: a
    /// workbook is not text for a terminal.
    static func validate(_ format: OutputFormat, output: String?) throws {
        if format == .xlsx && output == nil { throw ValidationError("--format xlsx needs --output FILE.xlsx.") }
        if format != .xlsx && output != nil { throw ValidationError("--output is for --format xlsx; other formats print on stdout.") }
    }

    /// The workbook cell of a CSV cell.
    static func cell(_ text: String) -> OutputCell {
        if text.isEmpty { return .empty }
        if text == "true" || text == "false" { return .bool(text == "true") }
        if text.utf8.count == 10, text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: 4)] == UInt8(ascii: "-"),
           let day = Day(parsing: text) {
            return .date(CalendarDay(year: day.year, month: day.month, day: day.day))
        }
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") }
        if text.utf8.count - digits.count <= 1, (1...15).contains(digits.count), digits.allSatisfy({ (48...57).contains($0) }),
           digits.first != UInt8(ascii: "0") || digits.count == 1, let number = Int64(text) {
            return .integer(number)
        }
        return .text(text)
    }

    /// A workbook of one table: `header` (bold, frozen) then `rows` as `cell` types them.
    static func table(_ sheetName: String, header: [String], rows: [[String]], title: String) throws -> WorkbookWriter {
        let workbook = WorkbookWriter(title: title)
        let sheet = try workbook.addSheet(sheetName)
        try sheet.append(header.map(OutputCell.text))
        for row in rows { try sheet.append(row.map(cell)) }
        return workbook
    }

    /// Writes `workbook` to `path`; a file that cannot be written is refused (exit 66),
    /// leaving whatever was there before.
    static func write(_ workbook: WorkbookWriter, to path: String) throws {
        do {
            try workbook.write(to: path)
        } catch {
            throw RegisterError(.missingFile, Text(vi: "Không ghi được tệp \(path).", en: "The file \(path) cannot be written."),
                                fix: Text(vi: "Kiểm tra thư mục và quyền ghi.", en: "Check the folder and the write permission."))
        }
    }
}
