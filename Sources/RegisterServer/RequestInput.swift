import Foundation
import Hummingbird
import UnionRegister

/// What routes read off a request besides the route's own parameters: the language, the
/// query, the body (within the limit), and the CSRF token of a write.
extension Request {
    static let languageCookie = "sodoan_lang"

    /// `?lang=en`, else the language cookie the switch set, else the server's default.
    func language(default fallback: Language) -> Language {
        let asked = query("lang") ?? cookies[Self.languageCookie]?.value
        return asked.flatMap(Language.init(rawValue:)) ?? fallback
    }

    /// A query parameter, nil when absent or empty. Read as a browser's GET form sends
    /// it (`+` for a space), which Hummingbird's own query parser does not decode.
    func query(_ name: String) -> String? {
        guard let value = Self.formFields(uri.query ?? "")[name], !value.isEmpty else { return nil }
        return value
    }

    /// A date query parameter (`YYYY-MM-DD` or `DD/MM/YYYY`), `fallback` when absent.
    func day(_ name: String, default fallback: Day) throws -> Day {
        guard let text = query(name) else { return fallback }
        guard let day = Day(parsing: text) else { throw RegisterError.badDate(text, field: name) }
        return day
    }

    /// The body as form fields (`application/x-www-form-urlencoded`), at most the body limit.
    func formFields(context: ServerContext) async throws -> [String: String] {
        Self.formFields(String(buffer: try await body.collect(upTo: context.maxUploadSize)))
    }

    /// `application/x-www-form-urlencoded` fields: `a=1&b=x+y` (the last of a repeated name).
    static func formFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decoded(parts[0])] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        return fields
    }

    /// The body as JSON of `type`; malformed JSON is bad input (400), naming what is wrong.
    func json<T: Decodable>(_ type: T.Type, context: ServerContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw RegisterError.badInput(Text(vi: "Dữ liệu JSON không hợp lệ: \(Self.describe(error)).",
                                              en: "The JSON body is not valid: \(Self.describe(error))."))
        }
    }

    /// The body as a JSON object of fields, as a form would send them: strings as they
    /// are, numbers and booleans as text, null as absent. Anything else is bad input (400).
    func jsonFields(context: ServerContext) async throws -> [String: String] {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] else {
            throw RegisterError.badInput(Text(vi: "Dữ liệu JSON không hợp lệ: cần một đối tượng.",
                                              en: "The JSON body is not valid: an object is needed."))
        }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let text as String: fields[key] = text
            case is NSNull: continue
            case let number as NSNumber: fields[key] = number.stringValue
            default:
                throw RegisterError.badInput(Text(vi: "Dữ liệu JSON không hợp lệ: \"\(key)\" phải là chuỗi hoặc số.",
                                                  en: "The JSON body is not valid: \"\(key)\" must be a string or a number."))
            }
        }
        return fields
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "\"\(key.stringValue)\" missing"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "\"\(c.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
        case .dataCorrupted(let c): return c.debugDescription
        @unknown default: return "\(error)"
        }
    }
}

extension ServerContext {
    /// The route's `:code` (a member's or a unit's), percent-decoded: a card number such as
    /// 12/2019 comes in a path as 12%2F2019 (`URLText.escaped`), and the router
    /// hands a parameter over as it was sent.
    func codeParameter() throws -> String {
        let sent = try parameters.require("code")
        guard let code = sent.removingPercentEncoding else {
            throw RegisterError.badInput(Text(vi: "Mã \"\(sent)\" trong đường dẫn không hợp lệ.",
                                              en: "The code \"\(sent)\" in the path is not valid."))
        }
        return code
    }

    /// Refuses a write whose token differs from the session's (403): a page of another
    /// site cannot know it, so it cannot make the browser write on the account's behalf.
    func requireCSRF(_ sent: String?) throws {
        let session = try requireIdentity().session
        guard let sent, Self.constantTimeEqual(sent, session.csrfToken) else {
            throw HTTPError(.forbidden, message: "CSRF token missing or wrong")
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
