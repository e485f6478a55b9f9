import Hummingbird
import HummingbirdAuth
import RegisterStore

/// Finds the session of a request's cookie in the register and signs the request in. A
/// missing, unknown or expired cookie, or a disabled account, leaves it signed out; the
/// routes then answer 401 (API) or send to the login page.
struct SessionAuthenticator: AuthenticatorMiddleware {
    typealias Context = ServerContext
    static let cookieName = "sodoan_session"
    let register: Register

    func authenticate(request: Request, context: ServerContext) async throws -> SignedIn? {
        guard let token = request.cookies[Self.cookieName]?.value, !token.isEmpty,
              let session = try register.session(token: token) else { return nil }
        return SignedIn(session: session, token: token)
    }

    /// The cookie of a new session: HttpOnly (no script reads it), SameSite=Strict (no
    /// other site's page sends it), for the session's lifetime.
    static func cookie(_ token: String, lifetime: Int) -> Cookie {
        Cookie(name: cookieName, value: token, maxAge: lifetime, path: "/", httpOnly: true, sameSite: .strict)
    }

    /// The cookie that removes the session cookie on logout.
    static var expired: Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }
}
