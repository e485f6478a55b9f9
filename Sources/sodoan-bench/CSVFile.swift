import Foundation

/// A CSV file written line by line through a 1 MiB buffer, so a million rows never sit in
/// memory at once.
struct CSVFile {
    private let handle: FileHandle
    private var buffer = ""

    init(path: String, header: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer = header + "\n"
    }

    mutating func append(_ fields: [String]) {
        buffer += fields.joined(separator: ",") + "\n"
        if buffer.utf8.count > 1 << 20 {
            handle.write(Data(buffer.utf8))
            buffer = ""
        }
    }

    /// Writes what is left and closes the file.
    mutating func close() throws {
        handle.write(Data(buffer.utf8))
        buffer = ""
        try handle.close()
    }
}
