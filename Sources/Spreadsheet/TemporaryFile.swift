import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A POSIX file descriptor of an unlinked temporary file: nothing stays on disk once it closes.
final class FileDescriptor: @unchecked Sendable {
    let fd: Int32

    private init(_ fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    static func temporary() throws -> FileDescriptor {
        var template = Array((NSTemporaryDirectory() + "/sodoan-xlsx-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw SpreadsheetError.damaged(part: "sharedStrings", reason: "no temporary file") }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        return FileDescriptor(fd)
    }

    /// Writes `bytes` at the end of the file.
    func append(_ bytes: [UInt8]) throws {
        var done = 0
        lseek(fd, 0, SEEK_END)
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw SpreadsheetError.damaged(part: "sharedStrings", reason: "temporary file not written") }
            done += n
        }
    }

    /// Cuts the file to `size` bytes.
    func truncate(to size: Int64) throws {
        _ = ftruncate(fd, off_t(size))
    }

    /// Fills `bytes` from `offset`.
    func read(into bytes: inout [UInt8], at offset: Int64) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(offset) + off_t(done)) }
            guard n > 0 else { throw SpreadsheetError.damaged(part: "sharedStrings", reason: "temporary file not read") }
            done += n
        }
    }
}
