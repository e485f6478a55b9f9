import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `sodoan serve` started from the built binary on a free loopback port, over a register
/// made with the CLI, and stopped (SIGTERM) by `stop()`. Its stderr (the access log and
/// the refused logins) is kept for the tests to read.
final class ServerProcess: @unchecked Sendable {
    let cli: CLI
    let process = Process()
    private(set) var base: URL!
    private let errors = Pipe()
    private let lock = NSLock()
    private var logText = ""

    convenience init(_ cli: CLI, arguments: [String] = []) throws {
        try self.init(cli, db: cli.db, arguments: arguments)
    }

    /// A server over the register `db` names (a file, or a PostgreSQL URL reached with
    /// `environment`'s password file).
    init(_ cli: CLI, db: String, environment: [String: String] = [:], arguments: [String] = []) throws {
        self.cli = cli
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--db", db, "--port", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let listening = DispatchSemaphore(value: 0)
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock {
                self.logText += String(decoding: data, as: UTF8.self)
                if self.base == nil, let range = self.logText.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                    self.base = URL(string: String(self.logText[range]))
                    listening.signal()
                }
            }
        }
        try process.launchAlone()
        guard listening.wait(timeout: .now() + 30) == .success else {
            process.terminate()
            throw ServerFailure(message: "sodoan serve did not start: \(log)")
        }
    }

    var log: String { lock.withLock { logText } }

    /// Kills the server at once (SIGKILL), as a crash or a pulled plug would: no request
    /// is finished, no connection closed.
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
    }

    struct ServerFailure: Error { var message: String }
}

/// A minimal HTTP client over URLSession that keeps its own cookies (so the tests see
/// exactly what the server set) and never follows redirects.
final class HTTPClient: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    let base: URL
    var cookies: [String: String] = [:]
    /// The session's CSRF token, from the login's answer.
    var csrf: String?
    private lazy var session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }()

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }
        /// The `error` object of a refusal.
        func refusal() throws -> [String: Any] { ((try json() as? [String: Any])?["error"] as? [String: Any]) ?? [:] }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    init(_ base: URL) { self.base = base }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    @discardableResult
    func send(_ method: String, _ path: String, json: Any? = nil, form: [String: String]? = nil, body: Data? = nil,
              headers: [String: String] = [:], withCSRF: Bool = true) async throws -> Answer {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let form {
            request.httpBody = Data(form.map { "\(Self.encoded($0.key))=\(Self.encoded($0.value))" }.joined(separator: "&").utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        if let body { request.httpBody = body }
        if withCSRF, let csrf, method != "GET" { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        if !cookies.isEmpty { request.setValue(cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), forHTTPHeaderField: "Cookie") }
        headers.forEach { request.setValue($0.value, forHTTPHeaderField: $0.key) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        if let setCookie = fields.first(where: { $0.key.lowercased() == "set-cookie" })?.value {
            for cookie in setCookie.components(separatedBy: ", ") where cookie.contains("=") {
                let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let (name, value) = (String(pair[0]).trimmingCharacters(in: .whitespaces), pair.count > 1 ? String(pair[1]) : "")
                if value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
            }
        }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    /// Signs in through the API; the session cookie and CSRF token are kept.
    @discardableResult
    func logIn(_ name: String, _ password: String) async throws -> Answer {
        let answer = try await send("POST", "/api/session", json: ["name": name, "password": password])
        csrf = (try? answer.json() as? [String: Any])?["csrf_token"] as? String
        return answer
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
