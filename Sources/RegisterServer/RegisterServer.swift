import Foundation
import Hummingbird
import Logging
import NIOCore
import RegisterStore
import UnionRegister

/// `sodoan serve`: the register over HTTP — the JSON API under /api and the pages — for
/// many accounts at once, each within its unit's subtree (docs/CLI.md, docs/SECURITY.md).
///
/// The server parses requests and renders answers; the store checks scope and the domain
/// decides, exactly as for the command line.
public struct RegisterServer: Sendable {
    public struct Settings: Sendable {
        public var host: String
        public var port: Int
        /// How long a session lasts after login.
        public var sessionLifetime: TimeInterval
        /// The language of pages and messages when the request asks for none.
        public var language: Language

        public init(host: String = "127.0.0.1", port: Int = 8080, sessionLifetime: TimeInterval = 8 * 3600,
                    language: Language = .vi) {
            self.host = host
            self.port = port
            self.sessionLifetime = sessionLifetime
            self.language = language
        }
    }

    let register: Register
    let settings: Settings

    /// How many requests run at once (`RequestThreads`): the register to serve needs as
    /// many reading connections, so that no running request waits for one.
    public static let concurrentRequests = RequestThreads.count

    public init(register: Register, settings: Settings) {
        self.register = register
        self.settings = settings
    }

    /// Serves until SIGINT or SIGTERM. `onListening` gets the address actually bound
    /// (with `--port 0`, the port the system chose).
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let pages = try await Pages(language: settings.language)
        let services = ServerServices(register: register, settings: settings, pages: pages, throttle: LoginThrottle())
        let router = Router(context: ServerContext.self)
        let threads = RequestThreads()
        router.addMiddleware {
            AccessLogMiddleware()
            RequestThreadsMiddleware(threads: threads)
            SecurityHeadersMiddleware()
            SessionAuthenticator(register: register)
        }
        router.get("/health") { _, _ in "ok" }
        APIRoutes(services: services).add(to: router.group("api"))
        PageRoutes(services: services).add(to: router)
        var logger = Logger(label: "sodoan-serve")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "sodoan"),
            onServerRunning: { channel in
                onListening("http://\(settings.host):\(channel.localAddress?.port ?? settings.port)")
            },
            logger: logger)
        try await app.runService()
    }
}

/// What every route needs: the register, the settings, the templates and the login throttle.
struct ServerServices: Sendable {
    let register: Register
    let settings: RegisterServer.Settings
    let pages: Pages
    let throttle: LoginThrottle

    /// The register as the request's account sees it, its writes audited with the route.
    func scoped(_ context: ServerContext, _ request: Request) throws -> ScopedRegister {
        let signedIn = try context.requireIdentity()
        return ScopedRegister(register, account: signedIn.session.account,
                              command: "\(request.method.rawValue) \(request.uri.path)")
    }
}
