import Foundation
@preconcurrency import ZIPFoundation

/// The bytes of one part of a workbook's ZIP container, inflated on a thread of its own
/// while Foundation's XMLParser reads them: ZIPFoundation hands an entry out in chunks to a
/// closure, XMLParser reads an InputStream, and between the two at most a few chunks wait
/// (`HandOff`). So a part of any size (a million-row sheet) is parsed in flat memory.
final class PartStream: InputStream {
    private let chunks = HandOff<Data>(capacity: 8)
    /// The chunk being read, on the parser's thread only.
    private var current = Data()
    private var offset = 0
    /// Inflated bytes handed to the parser so far.
    private(set) var bytesRead = 0
    let totalBytes: Int
    private static let chunkSize = 1 << 16

    /// Starts inflating `path` of the archive at `url`; the archive is opened for this part
    /// alone, since a ZIPFoundation archive reads one entry at a time.
    init(archiveAt url: URL, path: String) throws {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw SpreadsheetError.notAWorkbook }
        guard let entry = archive[path] else { throw SpreadsheetError.damaged(part: path, reason: "missing") }
        totalBytes = Int(entry.uncompressedSize)
        super.init(data: Data())
        detach((archive, entry, chunks)) { archive, entry, chunks in
            do {
                _ = try archive.extract(entry, bufferSize: Self.chunkSize) { data in try chunks.put(Data(data)) }
                chunks.finish(nil)
            } catch {
                chunks.finish(error)
            }
        }
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        if offset == current.count {
            do {
                guard let next = try chunks.take() else { return 0 }
                current = next
                offset = 0
            } catch {
                return -1
            }
        }
        let count = min(length, current.count - offset)
        current.withUnsafeBytes { raw in
            buffer.update(from: raw.baseAddress!.advanced(by: offset).assumingMemoryBound(to: UInt8.self), count: count)
        }
        offset += count
        bytesRead += count
        return count
    }

    /// Stops the inflating thread: the parser is done with the part, read to its end or not.
    override func close() { chunks.cancel() }
    override func open() {}
    override var hasBytesAvailable: Bool { true }
    override var streamStatus: Stream.Status { .open }
    override var streamError: Error? { chunks.error }
}
