import Foundation
import Testing

/// Debian's chromium, headless, driven through chromedriver with the W3C WebDriver JSON
/// protocol spoken directly over a loopback socket: no client library, so `swift test`
/// stays the one test command. (Not URLSession: chromedriver writes headers as
/// `Content-Length:252`, without the space, which FoundationNetworking's parser rejects.)
/// A missing browser or driver fails the test (it does not skip).
final class WebDriver: @unchecked Sendable {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    /// The W3C key of an element reference.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    private let driver = Process()
    private let profile: URL
    private var sessionID = ""
    private let port: Int

    struct Failure: Error, CustomStringConvertible { var description: String }

    init() async throws {
        for program in [Self.chromium, Self.chromedriver] where !FileManager.default.isExecutableFile(atPath: program) {
            throw Failure(description: "\(program) is missing: install Debian's chromium and chromium-driver (see .ci/run)")
        }
        port = try Self.freePort()
        profile = FileManager.default.temporaryDirectory.appending(path: "sodoan-chromium-\(UUID().uuidString)")
        driver.executableURL = URL(fileURLWithPath: Self.chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.launchAlone()
        var ready = false
        var lastError = ""
        for _ in 0..<300 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            do {
                ready = (try await command("GET", "/status")["ready"] as? Bool) == true
            } catch {
                lastError = "\(error)"
            }
        }
        guard ready else { stopDriver(); throw Failure(description: "chromedriver did not start: \(lastError)") }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            // Finding an element waits up to 10 s for it to appear, so a page still being
            // built on a loaded machine is not read as a page without it.
            "timeouts": ["implicit": 10_000],
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
        stopDriver()
        try? FileManager.default.removeItem(at: profile)
    }

    /// chromedriver does not stop on SIGTERM while it waits for connections.
    private func stopDriver() {
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
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

    /// Clicks a link or a submit button and waits (up to `seconds`) until the browser has
    /// left the page it was on: the old page's root element goes stale. Without this a
    /// lookup right after the click can still find, or fail to find, things on the old page.
    /// Chromium says the root is gone in one of two ways: a stale element reference, or,
    /// when asked while the new document replaces the old, that the node "does not belong
    /// to the document".
    func follow(_ selector: String, within seconds: Double = 10) async throws {
        let root = try await element("html")
        try await click(selector)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            do {
                _ = try await value("GET", "/session/\(sessionID)/element/\(root)/name")
            } catch let failure as Failure where Self.leftPageErrors.contains(where: failure.description.contains) {
                return
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw Failure(description: "the browser stayed on the same page \(seconds) s after clicking \(selector)")
    }

    /// What Chromium answers about an element of a page the browser has left.
    private static let leftPageErrors = ["stale element reference", "does not belong to the document"]

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
        let data = try exchange(method, path, body: try body.map { try JSONSerialization.data(withJSONObject: $0) })
        let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(path): \(error) \(value["message"] ?? "")")
        }
        return answer["value"] ?? NSNull()
    }

    /// One HTTP/1.1 request on its own connection (`Connection: close`), the answer's body.
    private func exchange(_ method: String, _ path: String, body: Data?) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = Self.loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw Failure(description: "cannot connect to chromedriver on \(port)") }
        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        if let body { request += Data("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n".utf8) }
        request += Data("\r\n".utf8) + (body ?? Data())
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        // Read the head, then exactly Content-Length bytes: chromedriver may keep the
        // connection open.
        while true {
            if let end = answer.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: answer[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if answer.count - end.upperBound >= length { return answer[end.upperBound..<(end.upperBound + length)] }
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { throw Failure(description: "chromedriver closed the connection during \(method) \(path)") }
            answer.append(contentsOf: buffer[0..<count])
        }
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    /// A port nothing listens on: bound to 0, read back, released.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
