import UnionRegister

/// A `multipart/form-data` body, as a browser's form with a file input sends it (the
/// import upload): each part's name, the file name when it is a file, and its bytes.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var data: [UInt8]
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    var parts: [Part] = []

    func field(_ name: String) -> String? { parts.first { $0.name == name && $0.filename == nil }?.text }
    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.filename != nil } }

    /// Splits `body` at the boundary of `contentType`; anything else than a multipart body
    /// with a boundary is bad input.
    init(body: [UInt8], contentType: String) throws {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let range = contentType.range(of: "boundary=") else { throw Self.malformed }
        let boundary = contentType[range.upperBound...].split(separator: ";")[0].trimmingCharacters(in: .init(charactersIn: "\" "))
        guard !boundary.isEmpty else { throw Self.malformed }
        let marker = Array("--\(boundary)".utf8)
        let starts = Self.occurrences(of: marker, in: body)
        guard starts.count >= 2 else { throw Self.malformed }
        for (start, end) in zip(starts, starts.dropFirst()) {
            // Between two markers: CRLF, the part's headers, an empty line, its bytes, CRLF.
            let segment = Array(body[(start + marker.count)..<end])
            guard segment.starts(with: Self.crlf), let split = Self.occurrences(of: Self.crlf + Self.crlf, in: segment).first else {
                throw Self.malformed
            }
            let headers = String(decoding: segment[2..<split], as: UTF8.self)
            var data = Array(segment[(split + 4)...])
            if data.suffix(2) == Self.crlf[...] { data.removeLast(2) }
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = Self.parameter("name", of: disposition) else { throw Self.malformed }
            parts.append(Part(name: name, filename: Self.parameter("filename", of: disposition), data: data))
        }
    }

    private static let crlf: [UInt8] = [13, 10]

    private static let malformed = RegisterError.badInput(Text(vi: "Tệp tải lên không đúng dạng multipart/form-data.",
                                                               en: "The upload is not a multipart/form-data body."))

    /// `name="x"` of a Content-Disposition header.
    private static func parameter(_ key: String, of header: Substring) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == key { return String(pair[1]).trimmingCharacters(in: .init(charactersIn: "\"")) }
        }
        return nil
    }

    /// Where `needle` starts in `haystack`, left to right, without overlaps.
    private static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        var found: [Int] = []
        var i = 0
        guard let first = needle.first, haystack.count >= needle.count else { return [] }
        while i <= haystack.count - needle.count {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) {
                found.append(i)
                i += needle.count
            } else {
                i += 1
            }
        }
        return found
    }
}
