import Foundation

/// What the first bytes of a file say it is: a ZIP container (an .xlsx may be one), an OLE2
/// compound document (an old .xls, or a password-protected workbook, which Excel wraps in
/// OLE2 with an `EncryptionInfo` stream), or neither.
enum ContainerKind {
    case zip, legacyExcel, encrypted, other

    static func of(fileAt url: URL) throws -> ContainerKind {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let magic = Array(try handle.read(upToCount: 8) ?? Data())
        if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || magic.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        guard magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] else { return .other }
        return try containsEncryptionInfo(handle) ? .encrypted : .legacyExcel
    }

    /// True when the compound document's directory names an `EncryptionInfo` stream (its
    /// names are UTF-16LE); the file is scanned in chunks that overlap by one name's length.
    private static func containsEncryptionInfo(_ handle: FileHandle) throws -> Bool {
        let name = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var carry: [UInt8] = []
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            let bytes = carry + Array(data)
            if bytes.count >= name.count {
                for start in 0...(bytes.count - name.count) where bytes[start] == name[0] && Array(bytes[start..<start + name.count]) == name {
                    return true
                }
            }
            carry = Array(bytes.suffix(name.count - 1))
        }
        return false
    }
}
