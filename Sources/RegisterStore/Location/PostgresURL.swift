import UnionRegister

/// The parts a `postgres://USER:PASSWORD@HOST:PORT/NAME` URL writes, each optional, as
/// libpq reads them: percent escapes decoded in every part, an IPv6 host in brackets, the
/// port a number from 1 to 65535. Query parameters are refused rather than ignored: a
/// setting sodoan would silently drop (`sslmode=require`, say) must not look accepted.
struct PostgresURL: Equatable {
    var user: String?
    var password: String?
    var host: String?
    var port: Int?
    var database: String?

    static let schemes = ["postgres://", "postgresql://"]

    /// nil when `text` is no PostgreSQL URL at all (a file path).
    init?(parsing text: String) throws {
        guard let scheme = Self.schemes.first(where: { text.lowercased().hasPrefix($0) }) else { return nil }
        let shown = Self.masked(text)
        func problem(_ vi: String, _ en: String) -> LocationProblem { .malformed(shown, Text(vi: vi, en: en)) }
        var rest = Substring(text.dropFirst(scheme.count))
        if let query = rest.firstIndex(of: "?") {
            let parameters = rest[rest.index(after: query)...]
            if !parameters.isEmpty {
                throw problem("sodoan không dùng tham số sau dấu ? (\(parameters))", "sodoan takes no parameters after the ? (\(parameters))")
            }
            rest = rest[..<query]
        }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            let path = rest[rest.index(after: slash)...]
            if path.contains("/") { throw problem("tên cơ sở dữ liệu không được chứa /", "the database name must not contain /") }
            database = try Self.decoded(path, problem).nonEmpty
        }
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.decoded(userInfo[..<colon], problem).nonEmpty
                password = try Self.decoded(userInfo[userInfo.index(after: colon)...], problem)
            } else {
                user = try Self.decoded(userInfo, problem).nonEmpty
            }
        }
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw problem("thiếu dấu ] đóng địa chỉ IPv6", "the IPv6 address has no closing ]")
            }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw problem("sau ] chỉ được có :CỔNG", "only :PORT may follow the ]") }
                portText = after.dropFirst()
            }
            if host?.isEmpty != false || host!.contains(where: { !($0.isHexDigit || $0 == ":" || $0 == ".") }) {
                throw problem("[\(host ?? "")] không phải địa chỉ IPv6", "[\(host ?? "")] is not an IPv6 address")
            }
        } else {
            var hostText = authority
            if let colon = authority.firstIndex(of: ":") {
                hostText = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            }
            host = try Self.decoded(hostText, problem).nonEmpty
        }
        if let portText {
            guard let port = Self.port(portText) else {
                throw problem("cổng \"\(portText)\" phải là số từ 1 đến 65535", "the port \"\(portText)\" must be a number from 1 to 65535")
            }
            self.port = port
        }
    }

    /// A TCP port: 1 to 65535, digits only.
    static func port(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy(\.isASCIIDigit), let port = Int(text), (1...65535).contains(port) else { return nil }
        return port
    }

    /// Decodes %XX escapes; a broken escape, a NUL or bytes that are not UTF-8 are refused.
    private static func decoded(_ text: Substring, _ problem: (String, String) -> LocationProblem) throws -> String {
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = utf8.next().flatMap(hexValue), let low = utf8.next().flatMap(hexValue) else {
                throw problem("mã thoát % phải có đúng hai chữ số hệ 16 (%40 là @)", "a % escape takes exactly two hex digits (%40 is @)")
            }
            bytes.append(high << 4 | low)
        }
        guard !bytes.contains(0), let decoded = String(validating: bytes, as: UTF8.self) else {
            throw problem("một phần của địa chỉ không phải chữ UTF-8 hợp lệ", "a part of the address is not valid UTF-8 text")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The URL as it may be shown: a password in it replaced by `***`.
    static func masked(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return text }
        return String(text[..<authority.index(after: colon)]) + "***" + String(text[at...])
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
