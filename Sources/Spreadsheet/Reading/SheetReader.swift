import Foundation

/// The rows of one sheet, read on demand: a thread parses the sheet (and another inflates
/// it, `PartStream`) while the caller takes rows with `next()`, at most `capacity` batches
/// ahead, so memory does not grow with the sheet. After the last row the reader checks
/// the merged ranges: one that covers the first row (the header) is refused.
public final class SheetReader {
    /// The sheet's name, as problems name it.
    public let sheet: String
    private let batches = HandOff<[SheetRow]>(capacity: 8)
    private var current: [SheetRow] = []
    private var position = 0
    private let stream: PartStream
    private static let batchSize = 256

    init(workbook: Workbook, sheet: String, path: String) throws {
        self.sheet = sheet
        stream = try PartStream(archiveAt: workbook.url, path: path)
        let parser = SheetParser(sheet: sheet, strings: workbook.strings, formats: workbook.formats, dateSystem: workbook.dateSystem)
        detach((parser, stream, batches, workbook.url)) { parser, stream, batches, url in
            var batch: [SheetRow] = []
            var firstRow: Int?
            parser.emit = { row in
                if firstRow == nil { firstRow = row.number }
                batch.append(row)
                if batch.count == Self.batchSize {
                    try batches.put(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            do {
                try XMLPart.parse(path, in: url, with: parser, stream: stream)
                if !batch.isEmpty { try batches.put(batch) }
                if let firstRow, let range = parser.merged.first(where: { Self.range($0, covers: firstRow) }) {
                    throw SpreadsheetError.mergedHeader(range: range)
                }
                batches.finish(nil)
            } catch {
                batches.finish(error)
            }
        }
    }

    /// The next row with a value; nil after the last. Rethrows what reading the sheet threw.
    public func next() throws -> SheetRow? {
        if position == current.count {
            guard let batch = try batches.take() else { return nil }
            current = batch
            position = 0
        }
        position += 1
        return current[position - 1]
    }

    /// Inflated bytes of the sheet read so far, and in all: for progress.
    public var bytesRead: Int { stream.bytesRead }
    public var totalBytes: Int { stream.totalBytes }

    /// Stops the reading threads when the caller leaves before the last row.
    public func cancel() {
        batches.cancel()
        stream.close()
    }

    deinit { cancel() }

    /// True when `A1:C2` (or a single `A1`) spans row `row`.
    static func range(_ range: String, covers row: Int) -> Bool {
        let corners = range.split(separator: ":").compactMap { CellReference.parse(String($0)) }
        guard let first = corners.first, let last = corners.last else { return false }
        return (min(first.row, last.row)...max(first.row, last.row)).contains(row)
    }
}
