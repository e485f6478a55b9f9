import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The workbook's shared string table, kept on disk rather than in memory: Excel and
/// openpyxl store every text cell there, so its size grows with the sheet (a million
/// members' names and codes), and an import must not. Strings are written as they are
/// parsed to an unlinked temporary file, with their offsets in a second one; a cell's
/// string is read back with `pread` when its row is read. Recently read strings (the same
/// unit code or gender on every row) are kept in a small cache.
final class SharedStrings: XMLPartHandler, @unchecked Sendable {
    private let strings: FileDescriptor
    private let offsets: FileDescriptor
    private var stringBuffer: [UInt8] = []
    private var offsetBuffer: [UInt8] = []
    private var written: Int64 = 0
    private(set) var count = 0
    /// Offsets already in the offsets file (its last entry is where the last string ends).
    private var offsetsOnDisk = 0
    private var cache: [Int: String] = [:]
    private static let cacheLimit = 4096

    /// State of the parse: inside `<si>`, inside a phonetic run (`<rPh>`, not part of the
    /// text), inside `<t>`, and the string so far.
    private var inItem = false, inPhonetic = false, inText = false
    private var item = ""

    init() throws {
        strings = try FileDescriptor.temporary()
        offsets = try FileDescriptor.temporary()
    }

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "si": inItem = true; item = ""
        case "rPh": inPhonetic = true
        case "t" where inItem && !inPhonetic: inText = true
        default: break
        }
    }

    func text(_ text: String) {
        if inText { item += text }
    }

    func end(_ element: String) throws {
        switch element {
        case "t": inText = false
        case "rPh": inPhonetic = false
        case "si":
            inItem = false
            try append(OOXMLText.decoded(item))
        case "sst":
            try flush()
        default: break
        }
    }

    private func append(_ string: String) throws {
        withUnsafeBytes(of: written.littleEndian) { offsetBuffer.append(contentsOf: $0) }
        stringBuffer.append(contentsOf: string.utf8)
        written += Int64(string.utf8.count)
        count += 1
        if stringBuffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered, and the offset where the last string ends in place of the
    /// one the previous flush wrote.
    func flush() throws {
        try strings.append(stringBuffer)
        stringBuffer.removeAll(keepingCapacity: true)
        withUnsafeBytes(of: written.littleEndian) { offsetBuffer.append(contentsOf: $0) }
        try offsets.truncate(to: Int64(offsetsOnDisk) * 8)
        try offsets.append(offsetBuffer)
        offsetBuffer.removeAll(keepingCapacity: true)
        offsetsOnDisk = count
    }

    /// The string at `index`, nil when the table has no such index.
    func string(at index: Int) throws -> String? {
        guard index >= 0, index < count else { return nil }
        if let cached = cache[index] { return cached }
        var bounds = [UInt8](repeating: 0, count: 16)
        try offsets.read(into: &bounds, at: Int64(index) * 8)
        let (start, end) = bounds.withUnsafeBytes { ($0.load(fromByteOffset: 0, as: Int64.self).littleEndian, $0.load(fromByteOffset: 8, as: Int64.self).littleEndian) }
        var bytes = [UInt8](repeating: 0, count: Int(end - start))
        try strings.read(into: &bytes, at: start)
        let string = String(decoding: bytes, as: UTF8.self)
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[index] = string
        return string
    }
}
