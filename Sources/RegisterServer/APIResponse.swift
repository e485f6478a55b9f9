import Foundation
import HTTPTypes
import Hummingbird
import RegisterViews
import UnionRegister

/// JSON answers of the API: the same bytes as `--format json` of the command line
/// (`JSONOutput`), and refusals as one `error` object naming the rule (docs/CLI.md).
enum APIResponse {
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let buffer = ByteBuffer(string: try JSONOutput.encode(value))
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    /// The refusal of the API for any error a route threw.
    static func error(_ error: any Error, language: Language) -> Response {
        let refusal = Refusal(error, language: language)
        if refusal.status == .internalServerError { ServerLog.write("error: \(error)") }
        return (try? json(["error": refusal], status: refusal.status))
            ?? Response(status: .internalServerError)
    }
}

/// Why a request was refused, as the API and the pages show it.
struct Refusal: Encodable {
    var status: HTTPResponse.Status
    /// `rule-refused`, `bad-input`, `forbidden`, `unauthorized`, …
    var kind: String
    var rule: String?
    var message: String
    var fix: String?

    enum CodingKeys: String, CodingKey { case kind, rule, message, fix, code }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status.code, forKey: .code)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(rule, forKey: .rule)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(fix, forKey: .fix)
    }

    init(_ error: any Error, language: Language) {
        switch error {
        case let error as RegisterError:
            switch error.kind {
            case .ruleRefused: (status, kind) = (.unprocessableContent, "rule-refused")
            case .badInput: (status, kind) = (.badRequest, "bad-input")
            case .missingFile: (status, kind) = (.internalServerError, "missing-file")
            // Locked past the busy timeout, disk full, read-only: try again later.
            case .storageFailed: (status, kind) = (.serviceUnavailable, "storage-failed")
            }
            rule = error.rule?.code
            message = error.message(language)
            fix = error.fix?(language)
        case let error as AccessRefused:
            (status, kind, rule, message, fix) = (.forbidden, "forbidden", error.reason.rawValue, error.message(language), nil)
        case let error as any HTTPResponseError:
            status = error.status
            kind = Self.kind(of: error.status)
            rule = nil
            message = Self.message(of: error.status, language)
            fix = nil
        default:
            (status, kind, rule, fix) = (.internalServerError, "internal", nil, nil)
            message = Self.message(of: .internalServerError, language)
        }
    }

    private static func kind(of status: HTTPResponse.Status) -> String {
        switch status.code {
        case 401: return "unauthorized"
        case 403: return "forbidden"
        case 404: return "not-found"
        case 413: return "too-large"
        case 400: return "bad-input"
        default: return "http-\(status.code)"
        }
    }

    private static func message(of status: HTTPResponse.Status, _ language: Language) -> String {
        let vi = language == .vi
        switch status.code {
        case 401: return vi ? "Cần đăng nhập." : "Sign in first."
        case 403: return vi ? "Không được phép (thiếu hoặc sai mã chống giả mạo yêu cầu)." : "Not allowed (the anti-forgery token is missing or wrong)."
        case 404: return vi ? "Không có trang này." : "No such page."
        case 413: return vi ? "Yêu cầu quá lớn." : "The request is too large."
        case 500: return vi ? "Lỗi máy chủ; đã ghi vào nhật ký." : "Server error; it has been logged."
        default: return status.reasonPhrase
        }
    }
}
