/// What each distinct stored text of one column reads as, read once: a whole-register
/// count meets the same few codes a million times, and making a String of each and parsing
/// it again is most of the cost of reading them (BENCHMARKS.md, issue 10, fourth round).
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
        if last < known.count, known[last].bytes.elementsEqual(bytes) { return known[last].value }
        if let index = known.firstIndex(where: { $0.bytes.elementsEqual(bytes) }) {
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
}
