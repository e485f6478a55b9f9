import Foundation
import Testing
@testable import RegisterStore

@Suite("CSVReader")
struct CSVReaderTests {
    /// Writes `bytes` to a temporary file and reads every record from it.
    func records(_ bytes: [UInt8]) throws -> (delimiter: UInt8, records: [CSVRecord]) {
        let url = FileManager.default.temporaryDirectory.appending(path: "csv-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try CSVReader(path: url.path)
        var result: [CSVRecord] = []
        while let record = try reader.next() { result.append(record) }
        return (reader.delimiter, result)
    }

    func records(_ text: String) throws -> [CSVRecord] {
        try records(Array(text.utf8)).records
    }

    @Test func plainCommaSeparatedLines() throws {
        let rows = try records("code,full_name\nDV1,Nguyễn Văn An\nDV2,Lê Thị Bình\n")
        #expect(rows.map(\.fields) == [["code", "full_name"], ["DV1", "Nguyễn Văn An"], ["DV2", "Lê Thị Bình"]])
        #expect(rows.map(\.line) == [1, 2, 3])
    }

    @Test func quotedFieldsWithSeparatorsDoubledQuotesAndLineBreaksKeepLineNumbers() throws {
        let rows = try records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,1")
        #expect(rows.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"], ["last", "1"]])
        #expect(rows.map(\.line) == [1, 2, 3, 5])
    }

    @Test func byteOrderMarkIsSkippedAndSemicolonsAreDetected() throws {
        let (delimiter, rows) = try records([0xEF, 0xBB, 0xBF] + Array("Số thẻ;Họ và tên\nDV1;\"A; B\"\n".utf8))
        #expect(delimiter == UInt8(ascii: ";"))
        #expect(rows.map(\.fields) == [["Số thẻ", "Họ và tên"], ["DV1", "A; B"]])
    }

    @Test func crlfAndBlankLines() throws {
        let rows = try records("a,b\r\n\r\n1,2\r\n\r\n3,\r\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], ["3", ""]])
        #expect(rows.map(\.line) == [1, 3, 5])
    }

    @Test func invalidUTF8IsReportedWithItsFieldAndLine() throws {
        let rows = try records(Array("a,b\nok,fine\n".utf8) + Array("x,".utf8) + [0xC3, 0x28] + Array("\n".utf8)).records
        #expect(rows[1].invalidUTF8Field == nil)
        #expect(rows[2].line == 3)
        #expect(rows[2].invalidUTF8Field == 1)
    }

    @Test func anUnterminatedQuoteNamesTheLineAndColumnItStartsOn() throws {
        #expect(throws: CSVReader.SyntaxError(kind: .unterminatedQuote, line: 2, column: 3)) {
            try records("a,b\n1,\"open\n\nstill open")
        }
    }

    @Test func aNulByteIsRefusedWhereItIs() throws {
        #expect(throws: CSVReader.SyntaxError(kind: .nulByte, line: 2, column: 5)) {
            try records(Array("a,b\nNgu\u{1EC5}".utf8) + [0] + Array("n,1\n".utf8))
        }
        #expect(throws: CSVReader.SyntaxError(kind: .nulByte, line: 2, column: 5)) {
            try records(Array("a,b\n1,\"x".utf8) + [0] + Array("\"\n".utf8))
        }
    }

    @Test func aStrayQuoteInsideAQuotedCellIsRefusedNotMangled() throws {
        #expect(throws: CSVReader.SyntaxError(kind: .textAfterClosingQuote, line: 2, column: 7)) {
            try records("a,b\n1,\"ab\"c\",2\n")
        }
    }

    @Test func aQuoteInsideAnUnquotedCellIsRefused() throws {
        #expect(throws: CSVReader.SyntaxError(kind: .quoteInUnquotedCell, line: 3, column: 5)) {
            try records("a,b\n1,2\nx,ab\"c\n")
        }
    }

    @Test func anEmptyQuotedCellAndDoubledQuotesStillRead() throws {
        let rows = try records("a,b,c\n\"\",\"\"\"\",x\n")
        #expect(rows[1].fields == ["", "\"", "x"])
    }

    @Test func recordsSpanningChunkBoundariesAreWhole() throws {
        let row = "DV,\"Nguyễn Văn An\nHà Nội\",2000-01-01\n"
        let text = "code,name,born\n" + String(repeating: row, count: 40_000)
        let rows = try records(text)
        #expect(rows.count == 40_001)
        #expect(rows.dropFirst().allSatisfy { $0.fields == ["DV", "Nguyễn Văn An\nHà Nội", "2000-01-01"] })
        #expect(rows.last?.line == 2 + 39_999 * 2)
    }
}
