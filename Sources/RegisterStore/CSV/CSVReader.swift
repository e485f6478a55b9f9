import Foundation

/// One record of a CSV file: its fields and the line it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based line of the file where the record starts (a quoted field may span lines).
    public var line: Int
    public var fields: [String]
    /// Index of the first field that was not valid UTF-8 (decoded with replacement
    /// characters in `fields`), or nil when the whole record is valid.
    public var invalidUTF8Field: Int?
}

/// A streaming RFC 4180 reader over the bytes of a file: what `sodoan import` reads.
///
/// Why not a library from the mirror (docs/ARCHITECTURE.md prefers one): an import must stream
/// a million-row file in flat memory and name, for every bad row, the line it starts on (a
/// quoted field may hold line breaks) and the field that is not valid UTF-8. SwiftCSV 0.10
/// reads the whole file into one String first; in CSV.swift 2.5 we found no way to get a
/// record's starting line or the place of a decoding error. Their speed was not measured;
/// this reader's is part of the import figures in BENCHMARKS.md. It walks bytes in 1 MiB
/// chunks, so memory stays flat whatever the size of the file.
///
/// What it accepts: an optional UTF-8 byte-order mark; comma or semicolon separators (the
/// one used more often in the header line, as spreadsheets in a Vietnamese locale save
/// with semicolons); quoted fields with doubled quotes and embedded line breaks; LF, CRLF
/// or CR line ends; blank lines are skipped. What it refuses, with the line and column
/// (`SyntaxError`): a NUL byte, a quote inside an unquoted cell, anything but a separator
/// or a line end after a quoted cell's closing quote, and a quote never closed. Each
/// would otherwise silently cut or mangle the text of a cell.
public struct CSVReader {
    /// Where and why the file is not CSV the reader can read without guessing.
    public struct SyntaxError: Error, Equatable {
        public enum Kind: Equatable, Sendable {
            case nulByte
            /// A quote in a cell that does not start with one: `ab"c`.
            case quoteInUnquotedCell
            /// Text after a quoted cell's closing quote: `"ab"c`, or an undoubled quote inside it.
            case textAfterClosingQuote
            /// The end of the file inside a quoted cell; line and column are where the cell starts.
            case unterminatedQuote
        }
        public var kind: Kind
        /// 1-based line and column (in characters) of the offending byte.
        public var line: Int
        public var column: Int
    }

    public let delimiter: UInt8
    private let handle: FileHandle
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var line = 1
    /// Characters read on the current line so far (UTF-8 continuation bytes not counted).
    private var column = 0
    /// Bytes consumed so far, for progress reports.
    public private(set) var bytesRead = 0
    private var field: [UInt8] = []

    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    private static let chunkSize = 1 << 20

    /// Opens `path`, skips a byte-order mark and chooses the separator from the header line.
    public init(path: String) throws {
        handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        chunk = Array(try handle.read(upToCount: Self.chunkSize) ?? Data())
        atEOF = chunk.isEmpty
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        delimiter = Self.sniffDelimiter(chunk[position...])
    }

    /// Semicolon when the first line has more semicolons than commas, else comma.
    static func sniffDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false
        for byte in bytes {
            if byte == quote { quoted.toggle() }
            if quoted { continue }
            if byte == lf || byte == cr { break }
            if byte == UInt8(ascii: ",") { commas += 1 } else if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The next byte, refilling the chunk as needed; nil at the end of the file.
    private mutating func nextByte() throws -> UInt8? {
        if position == chunk.count {
            guard !atEOF else { return nil }
            chunk = Array(try handle.read(upToCount: Self.chunkSize) ?? Data())
            position = 0
            if chunk.isEmpty { atEOF = true; return nil }
        }
        let byte = chunk[position]
        position += 1
        bytesRead += 1
        if byte & 0xC0 != 0x80 { column += 1 }
        return byte
    }

    /// The byte `nextByte()` would return, without consuming it.
    private mutating func peekByte() throws -> UInt8? {
        guard let byte = try nextByte() else { return nil }
        position -= 1
        bytesRead -= 1
        if byte & 0xC0 != 0x80 { column -= 1 }
        return byte
    }

    /// The next non-blank record, or nil at the end of the file.
    public mutating func next() throws -> CSVRecord? {
        while true {
            guard try peekByte() != nil else { return nil }
            let record = try readRecord()
            if record.fields.count == 1 && record.fields[0].isEmpty && record.invalidUTF8Field == nil { continue }
            return record
        }
    }

    private mutating func readRecord() throws -> CSVRecord {
        var record = CSVRecord(line: line, fields: [], invalidUTF8Field: nil)
        var quoted = false
        var closedQuote = false
        var quoteStart = (line: line, column: 1)
        field.removeAll(keepingCapacity: true)
        while let byte = try nextByte() {
            if byte == 0 { throw SyntaxError(kind: .nulByte, line: line, column: column) }
            if quoted {
                if byte == Self.quote {
                    if try peekByte() == Self.quote {
                        _ = try nextByte()
                        field.append(Self.quote)
                    } else {
                        quoted = false
                        closedQuote = true
                    }
                } else {
                    if byte == Self.lf { newLine() } else if byte == Self.cr, try peekByte() != Self.lf { newLine() }
                    field.append(byte)
                }
            } else if byte == delimiter {
                finishField(into: &record)
                closedQuote = false
            } else if byte == Self.lf || byte == Self.cr {
                if byte == Self.cr, try peekByte() == Self.lf { _ = try nextByte() }
                newLine()
                finishField(into: &record)
                return record
            } else if closedQuote {
                throw SyntaxError(kind: .textAfterClosingQuote, line: line, column: column)
            } else if byte == Self.quote {
                guard field.isEmpty else { throw SyntaxError(kind: .quoteInUnquotedCell, line: line, column: column) }
                quoted = true
                quoteStart = (line, column)
            } else {
                field.append(byte)
            }
        }
        if quoted { throw SyntaxError(kind: .unterminatedQuote, line: quoteStart.line, column: quoteStart.column) }
        finishField(into: &record)
        return record
    }

    private mutating func newLine() {
        line += 1
        column = 0
    }

    private mutating func finishField(into record: inout CSVRecord) {
        if let text = String(validating: field, as: UTF8.self) {
            record.fields.append(text)
        } else {
            if record.invalidUTF8Field == nil { record.invalidUTF8Field = record.fields.count }
            record.fields.append(String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
    }
}
