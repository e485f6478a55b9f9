import HTTPTypes
import Hummingbird

/// Headers on every answer (docs/SECURITY.md): pages load nothing but their own style
/// sheet, run no script, are never framed, and are never sniffed into another type;
/// nothing with personal data is cached.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    static let headers: HTTPFields = [
        .contentSecurityPolicy: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        .cacheControl: "no-store",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            var response = try await next(request, context)
            // A printed document brings its own policy, allowing its style sheet by hash.
            for field in Self.headers where response.headers[field.name] == nil { response.headers.append(field) }
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            response.headers.append(contentsOf: Self.headers)
            return response
        }
    }
}
