import Hummingbird
import HummingbirdAuth
import NIOCore
import RegisterStore

/// The context of one request: who is signed in (set by `SessionAuthenticator`), where the
/// request came from (for the login throttle and the log), and the body limit.
struct ServerContext: AuthRequestContext, RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: SignedIn?
    let remoteAddress: String
    /// Request bodies above 64 KiB are refused with 413: the largest form, a member's
    /// admission, is well under 4 KiB.
    static let maxBodyBytes = 64 * 1024

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "-"
    }

    var maxUploadSize: Int { Self.maxBodyBytes }
}

/// The session a request came with, and its token (to end it on logout).
struct SignedIn: Sendable {
    var session: AccountSession
    var token: String
}
