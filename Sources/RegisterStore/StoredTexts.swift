import Foundation

/// What each distinct stored text of one column reads as, read once: a whole-register
/// count meets the same few codes a million times, and a religion's name is read through
/// Vietnamese normalisation, so no String is made or parsed again for a text already met.
///
/// The texts are kept as bytes and compared in place; past `limit` distinct texts (a free
/// text such as a religion's name written many ways) the rest are read each time.
struct StoredTexts<Value> {
    private var known: [(bytes: [UInt8], value: Value)] = []
    private var last = 0
    private let read: (String) throws -> Value
    private static var limit: Int { 64 }

    init(_ read: @escaping (String) throws -> Value) {
        self.read = read
    }

    /// The value of the text in `bytes` (UTF-8), refused as `read` refuses it.
    mutating func value(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Value {
        if last < known.count, Self.same(known[last].bytes, bytes) { return known[last].value }
        if let index = known.firstIndex(where: { Self.same($0.bytes, bytes) }) {
            last = index
            return known[index].value
        }
        let value = try read(String(decoding: bytes, as: UTF8.self))
        if known.count < Self.limit {
            known.append((Array(bytes), value))
            last = known.count - 1
        }
        return value
    }

    /// Whether `kept` holds the bytes of `bytes`, compared with memcmp (the generic
    /// comparison of two sequences showed in the profile of a million-member count).
    private static func same(_ kept: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard kept.count == bytes.count else { return false }
        guard let start = bytes.baseAddress, !kept.isEmpty else { return true }
        return kept.withUnsafeBufferPointer { memcmp($0.baseAddress!, start, kept.count) == 0 }
    }
}
