import Foundation
import Testing
@testable import Spreadsheet

/// What `WorkbookWriter` writes, `Workbook` reads back: typed cells, every sheet, and a
/// sheet large enough to span many chunks of the streams between the threads.
@Suite("workbook round trip")
struct WorkbookRoundTripTests {
    @Test func writtenCellsReadBackTyped() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "book.xlsx").path
        let writer = WorkbookWriter(title: "Thử", properties: [("fingerprint", "abc")])
        let first = try writer.addSheet("Đoàn viên")
        try first.append([.text("Mã"), .text("Ngày"), .text("Số"), .text("Đúng"), .text("Tên")])
        try first.append([.text("DV0001"), .date(CalendarDay(year: 2024, month: 2, day: 29)), .integer(42), .bool(true), .indented("=1+1", level: 2)])
        try first.append([.text("007"), .empty, .integer(-5), .bool(false), .text("a\u{1}b")])
        let big = try writer.addSheet("Đoàn viên")
        for n in 0..<50_000 { try big.append([.integer(Int64(n)), .text("Hàng \(n)")]) }
        try writer.write(to: path)

        let workbook = try Workbook(path: path)
        #expect(workbook.sheetNames == ["Đoàn viên", "Đoàn viên (2)"])
        let rows = try workbook.rows(ofSheet: nil)
        #expect(try rows.next()?.cells.map(\.value) == ["Mã", "Ngày", "Số", "Đúng", "Tên"].map(CellValue.text))
        #expect(try rows.next() == SheetRow(number: 2, cells: [
            SheetCell(column: 0, value: .text("DV0001")), SheetCell(column: 1, value: .date(CalendarDay(year: 2024, month: 2, day: 29), fraction: 0)),
            SheetCell(column: 2, value: .number(42, minimumDigits: 0)), SheetCell(column: 3, value: .bool(true)),
            SheetCell(column: 4, value: .text("=1+1")),
        ]))
        #expect(try rows.next() == SheetRow(number: 3, cells: [
            SheetCell(column: 0, value: .text("007")), SheetCell(column: 2, value: .number(-5, minimumDigits: 0)),
            SheetCell(column: 3, value: .bool(false)), SheetCell(column: 4, value: .text("a\u{1}b")),
        ]))
        #expect(try rows.next() == nil)

        let second = try workbook.rows(ofSheet: "Đoàn viên (2)")
        var count = 0
        while let row = try second.next() {
            #expect(row.cells.last?.value == .text("Hàng \(count)"))
            count += 1
        }
        #expect(count == 50_000)
        #expect(throws: SpreadsheetError.missingSheet("Khác", available: ["Đoàn viên", "Đoàn viên (2)"])) { try workbook.rows(ofSheet: "Khác") }
    }

    @Test func aReaderLeftEarlyStopsItsThreads() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "book.xlsx").path
        let writer = WorkbookWriter(title: "")
        let sheet = try writer.addSheet("S")
        for n in 0..<20_000 { try sheet.append([.integer(Int64(n))]) }
        try writer.write(to: path)
        // Each reader takes one row and is dropped; its producer threads must not block forever.
        for _ in 0..<20 {
            let rows = try Workbook(path: path).rows(ofSheet: "S")
            #expect(try rows.next()?.number == 1)
            rows.cancel()
        }
    }
}
