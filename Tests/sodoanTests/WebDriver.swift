import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Debian's chromium, headless, driven through chromedriver with the W3C WebDriver JSON
/// protocol spoken directly over URLSession: no client library, so `swift test` stays the
/// one test command. A missing browser or driver fails the test (it does not skip).
final class WebDriver: @unchecked Sendable {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    /// The W3C key of an element reference.
    static let elementKey = "element-6066-11e4-a52a-4165e7d7ea7c"

    private let driver = Process()
    private let base: URL
    private let profile: URL
    private var sessionID = ""

    struct Failure: Error, CustomStringConvertible { var description: String }

    init() async throws {
        for program in [Self.chromium, Self.chromedriver] where !FileManager.default.isExecutableFile(atPath: program) {
            throw Failure(description: "\(program) is missing: install Debian's chromium and chromium-driver (see .ci/run)")
        }
        let port = try Self.freePort()
        base = URL(string: "http://127.0.0.1:\(port)")!
        profile = FileManager.default.temporaryDirectory.appending(path: "sodoan-chromium-\(UUID().uuidString)")
        driver.executableURL = URL(fileURLWithPath: Self.chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = ((try? await command("GET", "/status"))?["ready"] as? Bool) == true
        }
        guard ready else { driver.terminate(); throw Failure(description: "chromedriver did not start") }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": Self.chromium,
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                            "--user-data-dir=\(profile.path)", "--lang=vi"]],
        ]]]
        let session = try await command("POST", "/session", capabilities)
        guard let id = session["sessionId"] as? String else { throw Failure(description: "no WebDriver session: \(session)") }
        sessionID = id
    }

    func quit() async {
        _ = try? await command("DELETE", "/session/\(sessionID)")
        driver.terminate()
        driver.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
    }

    func open(_ url: URL) async throws { _ = try await command("POST", "/session/\(sessionID)/url", ["url": url.absoluteString]) }

    /// The first element matching a CSS selector.
    func element(_ selector: String) async throws -> String {
        let value = try await command("POST", "/session/\(sessionID)/element", ["using": "css selector", "value": selector])
        guard let id = value[Self.elementKey] as? String else { throw Failure(description: "no element \(selector): \(value)") }
        return id
    }

    func type(_ text: String, into selector: String) async throws {
        let id = try await element(selector)
        _ = try await command("POST", "/session/\(sessionID)/element/\(id)/clear", [:])
        _ = try await command("POST", "/session/\(sessionID)/element/\(id)/value", ["text": text])
    }

    func click(_ selector: String) async throws {
        _ = try await command("POST", "/session/\(sessionID)/element/\(try await element(selector))/click", [:])
    }

    func text(of selector: String) async throws -> String {
        try await value("GET", "/session/\(sessionID)/element/\(try await element(selector))/text") as? String ?? ""
    }

    func attribute(_ name: String, of selector: String) async throws -> String? {
        try await value("GET", "/session/\(sessionID)/element/\(try await element(selector))/property/\(name)") as? String
    }

    var title: String { get async throws { try await value("GET", "/session/\(sessionID)/title") as? String ?? "" } }
    var url: String { get async throws { try await value("GET", "/session/\(sessionID)/url") as? String ?? "" } }

    /// The page printed to PDF on A4, as the browser's Print would.
    func printPDF() async throws -> Data {
        let encoded = try await value("POST", "/session/\(sessionID)/print", ["page": ["width": 21.0, "height": 29.7]]) as? String ?? ""
        return Data(base64Encoded: encoded) ?? Data()
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        try await value(method, path, body) as? [String: Any] ?? [:]
    }

    /// Sends one WebDriver command and returns its `value`; a WebDriver error throws.
    private func value(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        var request = URLRequest(url: base.appending(path: path))
        request.httpMethod = method
        request.timeoutInterval = 60
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(path): \(error) \(value["message"] ?? "")")
        }
        return answer["value"] ?? NSNull()
    }

    /// A port nothing listens on: bound to 0, read back, released.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
