import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RegisterStore
#if canImport(Glibc)
import Glibc
#endif

/// `sodoan-bench --serve yes [--members 100000] [--seconds 30] [--readers 100] [--writers 10] [--think MS] [--runs R]`:
/// the load test of `sodoan serve` (issues 14 and 20) on loopback.
///
/// Generates the register as the other modes do (`RegisterGenerator`: grassroots unions of
/// 20 branches of 250 members, imported with `sodoan import members`), adds an office
/// account over the whole bloc, starts `sodoan serve --port 0`, opens one session per
/// reader and per writer, then for `--seconds` at once:
/// - wrk (Debian's package) reads member pages of random members over 80% of the reader
///   sessions and member lists (a branch's roll, a search in a grassroots union) over the
///   rest, each connection's requests rotating over its thread's session cookies;
/// - `--writers` threads write through the API, each with its own session, alternating an
///   admission (a new code) and a phone update (a member of its own);
/// then reads `/health` and member pages alone, each for 10 s over `--readers` connections,
/// for the throughput ratio. All of that is repeated `--runs` times on the same server and
/// sessions (one table per run, then the medians). With `--think MS`, every session waits
/// about MS (half to one and a half times) between its requests during the mixed load, as a
/// person at a page does; without it every connection sends its next request as soon as it
/// has the answer. After the server stops, every write it acknowledged is looked for in the
/// register. Prints Markdown tables.
///
/// With `--postgres URL` the servers serve the register's copy in that database (as the
/// role `--serve-role` names, given its rights by `sodoan grant`), `--servers N` of them
/// sharing the sessions and the load; `--kill yes` kills the first halfway through the run
/// (`ServerKiller`), its readers and writers carrying on through the others. The alone
/// figures are measured with one server only.
func serveLoad(_ options: Options) throws {
    let fm = FileManager.default
    let generator = RegisterGenerator(members: options.members)
    let register = options.dir + "/register.db"
    let password = "tải-thử-\(options.members)-vòng"
    if options.kill && (options.servers < 2 || options.runs != 1) {
        throw BenchError("--kill yes needs --servers 2 or more (the others take over) and --runs 1")
    }
    if !options.reuse {
        try? fm.removeItem(atPath: options.dir)
        try fm.createDirectory(atPath: options.dir, withIntermediateDirectories: true)
        log("generating \(options.members) members in \(generator.unions) grassroots unions …")
        try generator.writeMembersCSV(to: options.dir + "/members.csv")
        try generator.makeUnits(at: register)
        try sodoan(options, ["import", "members", options.dir + "/members.csv", "--db", register])
        try password.appending("\n").write(toFile: options.dir + "/password", atomically: true, encoding: .utf8)
        try sodoan(options, ["user", "add", LoadClient.account, "--role", "office", "--unit", "DK", "--password-stdin",
                             "--db", register], stdin: options.dir + "/password")
    }
    let served = try ServedRegister.prepare(options, file: register)
    let servers = try (1...options.servers).map { number in
        try ServeProcess(sodoan: options.sodoan, register: served.location, log: options.dir + "/serve-\(number).log")
    }
    defer { servers.forEach { $0.stop() } }
    log("serving \(served.location) at \(servers.map(\.base.absoluteString).joined(separator: ", ")); "
        + "opening \(options.readers + options.writers) sessions …")
    // Each session is opened on a server in turn; a session is good on every server.
    let readerSessions = try (0..<options.readers).map { try LoadClient(servers[$0 % servers.count].base, password: password) }
    let writers = try (0..<options.writers).map { try LoadClient(servers[$0 % servers.count].base, password: password) }

    let pageReaders = max(1, options.readers * 4 / 5)
    var runs: [ServeRun] = []
    var writes: [WriteLoad] = []
    for number in 1...options.runs {
        log("run \(number) of \(options.runs): \(options.seconds) s of \(options.readers) reading and \(options.writers) writing sessions"
            + (servers.count == 1 ? ", then 10 s of /health alone and 10 s of member pages alone …" : " over \(servers.count) servers …"))
        let readers = try servers.enumerated().map { index, server in
            try ServerReaders(server: server, index: index, of: servers.count, pageConnections: pageReaders,
                              listConnections: options.readers - pageReaders, sessions: readerSessions, options: options)
        }
        // With --kill, the first server's readers read until it is killed, then as many
        // read from the second server for the rest of the run.
        let half = options.seconds / 2
        let running = try readers.enumerated().map { try $1.start(seconds: options.kill && $0 == 0 ? half : options.seconds) }
        let killer = try options.kill ? ServerKiller(servers[0], after: half, readers: running[0], movedReaders: try ServerReaders(
            server: servers[1], index: 0, of: servers.count, pageConnections: pageReaders, listConnections: options.readers - pageReaders,
            sessions: readerSessions, options: options, moved: true), for: options.seconds - half) : nil
        let written = WriteLoad.run(writers, seconds: options.seconds, units: generator, think: options.think,
                                    servers: servers.map(\.base), isGone: { base in killer?.killed(base) ?? false })
        var rows = try zip(readers, running).flatMap { try $0.finish($1) }
        if let killer { rows += try killer.finishMovedReaders() }
        rows.append(("API writes, during the mixed load", written.result))
        if servers.count == 1 {
            let server = servers[0]
            let health = try WrkRun(name: "health", dir: options.dir, base: server.base, connections: options.readers,
                                    cookies: [readerSessions[0].cookie], members: options.members, paths: .health)
            rows.append(("/health alone", try health.finish(try health.start(seconds: 10))))
            let alone = try WrkRun(name: "pages-alone", dir: options.dir, base: server.base, connections: options.readers,
                                   cookies: readerSessions.map(\.cookie), members: options.members, paths: .memberPages)
            rows.append(("member pages alone", try alone.finish(try alone.start(seconds: 10))))
        }
        writes.append(written)
        runs.append(ServeRun(rows: rows))
        print("Run \(number):")
        runs[runs.count - 1].printTable()
        if let failure = written.firstFailure { print("- first refused write: \(failure)") }
        if let killer { print("- server 1 killed (SIGKILL) \(killer.after) s into the run; writes cut off by it: \(written.cutOff), each sent again to the next server") }
    }
    servers.forEach { $0.stop() }

    // Looked for only once every server is gone: what they acknowledged must be stored.
    let lost = try WriteLoad.lost(writes, in: served.open())
    let acknowledged = writes.map(\.acknowledged).reduce(0, +)
    print("sodoan-bench --serve: \(options.members) members on \(options.postgres == nil ? "a file" : "PostgreSQL"), "
          + "\(servers.count) server\(servers.count == 1 ? "" : "s"), \(options.readers) reading sessions (\(pageReaders) on member pages), "
          + "\(options.writers) writing, \(options.seconds) s on loopback, "
          + (options.think > 0 ? "about \(options.think) ms between a session's requests" : "no pause between a session's requests")
          + "; medians of \(runs.count) run\(runs.count == 1 ? "" : "s")")
    let medians = ServeRun.medians(runs)
    medians.printTable()
    print("")
    for (index, row) in medians.rows.enumerated() where row.0.hasPrefix("member pages, during") {
        print("- \(row.0): p99 \(ms(row.1.p99)) (limit 50 ms: \(row.1.p99 < 0.05 ? "met" : "NOT met")); "
              + "per run: \(runs.map { ms($0.rows[index].1.p99) }.joined(separator: ", "))")
    }
    if servers.count == 1 {
        let ratios = runs.map { $0.rows[4].1.perSecond / $0.rows[3].1.perSecond }
        print("- member pages alone / /health alone (median of the runs): \(String(format: "%.3f", median(ratios))); per run: "
              + ratios.map { String(format: "%.3f", $0) }.joined(separator: ", "))
    }
    print("- errors, all runs: \(runs.map { $0.rows.map(\.1.errors).reduce(0, +) }.reduce(0, +))")
    print("- acknowledged writes, all runs: \(acknowledged) (\(writes.map(\.admitted.count).reduce(0, +)) admissions, "
          + "the rest phone updates); missing afterwards: "
          + "\(lost.count)\(lost.isEmpty ? "" : " — " + lost.prefix(5).joined(separator: ", "))")
}

/// The reading sessions' share of one server: wrk on member pages and on member lists,
/// their connections split evenly over the servers (the sessions are good on any).
struct ServerReaders {
    let pages: WrkRun
    let lists: WrkRun
    /// "" for one server, " via server 2 of 3" for several.
    let via: String

    /// `moved`: the readers of the killed first server (`index` 0), reading from `server`
    /// after its death.
    init(server: ServeProcess, index: Int, of count: Int, pageConnections: Int, listConnections: Int,
         sessions: [LoadClient], options: Options, moved: Bool = false) throws {
        func share(_ total: Int) -> Int { max(1, total / count + (index < total % count ? 1 : 0)) }
        let suffix = count == 1 ? "" : "-\(index + 1)" + (moved ? "-moved" : "")
        via = count == 1 ? "" : moved ? " via server 2 of \(count), server 1's readers after its death"
            : " via server \(index + 1) of \(count)"
        let pageSessions = sessions.prefix(pageConnections).map(\.cookie), listSessions = sessions.dropFirst(pageConnections).map(\.cookie)
        pages = try WrkRun(name: "pages" + suffix, dir: options.dir, base: server.base, connections: share(pageConnections),
                           cookies: pageSessions, members: options.members, paths: .memberPages, think: options.think)
        lists = try WrkRun(name: "lists" + suffix, dir: options.dir, base: server.base, connections: share(listConnections),
                           cookies: listSessions.isEmpty ? pageSessions : listSessions, members: options.members, paths: .memberLists,
                           think: options.think)
    }

    func start(seconds: Int) throws -> [Process] {
        [try pages.start(seconds: seconds), try lists.start(seconds: seconds)]
    }

    func finish(_ running: [Process]) throws -> [(String, LoadResult)] {
        [("member pages, during the mixed load" + via, try pages.finish(running[0])),
         ("member lists, during the mixed load" + via, try lists.finish(running[1]))]
    }
}

/// `--kill yes`: kills one server with SIGKILL partway through the run, as a crash would,
/// while writes are in flight; its readers (whose wrk ends then) move to another server for
/// the rest of the run, and its writers each move on at their first unanswered write. The
/// kill waits for those readers' wrk to end: killed a moment before, wrk would count its
/// reconnections to the dead server as errors of the server while it lived.
final class ServerKiller: @unchecked Sendable {
    let after: Int
    private let base: URL
    private let movedReaders: ServerReaders
    private let lock = NSLock()
    private var done = false
    private var moved: [Process] = []
    private let started = DispatchSemaphore(value: 0)

    init(_ server: ServeProcess, after: Int, readers: [Process], movedReaders: ServerReaders, for rest: Int) throws {
        (self.after, base, self.movedReaders) = (after, server.base, movedReaders)
        Thread { [self] in
            Thread.sleep(forTimeInterval: Double(after))
            for reader in readers { reader.waitUntilExit() }
            // Marked first: a write that fails from here on was cut off by the kill.
            lock.withLock { done = true }
            server.kill()
            let readers = (try? movedReaders.start(seconds: rest)) ?? []
            lock.withLock { moved = readers }
            started.signal()
        }.start()
    }

    /// Whether `base` is the killed server, once it is killed.
    func killed(_ base: URL) -> Bool { lock.withLock { done && base == self.base } }

    /// The rows of the readers moved to another server, once they have finished.
    func finishMovedReaders() throws -> [(String, LoadResult)] {
        started.wait()
        let running = lock.withLock { moved }
        guard running.count == 2 else { throw BenchError("the readers moved off the killed server did not start") }
        return try movedReaders.finish(running)
    }
}

/// One run's rows (the mixed load's three, then /health and member pages alone), and the
/// rows' medians over several runs.
struct ServeRun {
    var rows: [(String, LoadResult)]

    func printTable() {
        print("| load | requests | errors | throughput | p50 | p99 | max |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for (name, result) in rows {
            print("| \(name) | \(result.requests) | \(result.errors) | \(String(format: "%.0f", result.perSecond))/s | "
                  + "\(ms(result.p50)) | \(ms(result.p99)) | \(ms(result.max)) |")
        }
    }

    /// Each figure of each row is the median of that figure over the runs (so a row's
    /// figures may come from different runs).
    static func medians(_ runs: [ServeRun]) -> ServeRun {
        ServeRun(rows: runs[0].rows.indices.map { row in
            let results = runs.map { $0.rows[row].1 }
            func mid(_ figure: (LoadResult) -> Double) -> Double { median(results.map(figure)) }
            let seconds = mid(\.seconds)
            return (runs[0].rows[row].0, LoadResult(requests: Int(mid(\.perSecond) * seconds), errors: Int(mid { Double($0.errors) }),
                                                    seconds: seconds, p50: mid(\.p50), p99: mid(\.p99), max: mid(\.max)))
        })
    }
}

func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

/// Runs the built `sodoan` once, failing the bench when it fails.
func sodoan(_ options: Options, _ arguments: [String], stdin: String? = nil) throws {
    let m = try Timer.run([options.sodoan] + arguments, stdin: stdin)
    guard m.status == 0 else { throw BenchError("sodoan \(arguments.prefix(2).joined(separator: " ")) failed: exit \(m.status)") }
    log("sodoan \(arguments.prefix(2).joined(separator: " ")): \(String(format: "%.2f", m.seconds)) s")
}

/// The counts and latencies of one load.
struct LoadResult {
    var requests = 0
    var errors = 0
    var seconds = 0.0
    var p50 = 0.0
    var p99 = 0.0
    var max = 0.0
    var perSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }

    init(requests: Int, errors: Int, seconds: Double, p50: Double, p99: Double, max: Double) {
        (self.requests, self.errors, self.seconds, self.p50, self.p99, self.max) = (requests, errors, seconds, p50, p99, max)
    }

    init(latencies: [Double], errors: Int, seconds: Double) {
        let sorted = latencies.sorted()
        func at(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        self.init(requests: sorted.count + errors, errors: errors, seconds: seconds, p50: at(0.5), p99: at(0.99), max: sorted.last ?? 0)
    }
}

/// `sodoan serve --port 0` over the register, its stderr (the access log) in a file. Sendable
/// for `ServerKiller`, whose thread kills it; the process is only started, waited for and signalled.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let base: URL

    init(sodoan: String, register: String, log: String) throws {
        FileManager.default.createFile(atPath: log, contents: nil)
        process.executableURL = URL(fileURLWithPath: sodoan)
        process.arguments = ["serve", "--db", register, "--port", "0"]
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                base = URL(string: String(text[range]))!
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        throw BenchError("sodoan serve did not start; see \(log)")
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// SIGKILL: the server dies mid-request, as in a crash.
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// One session of the office account, over URLSession, with blocking calls (each writer
/// is its own thread).
final class LoadClient: @unchecked Sendable {
    static let account = "bench.office"
    let base: URL
    let cookie: String
    let csrf: String
    private let session: URLSession

    /// The same session sent to another server (sessions are good on any server of a
    /// PostgreSQL register).
    func on(_ other: URL) -> LoadClient { LoadClient(other, cookie: cookie, csrf: csrf) }

    private init(_ base: URL, cookie: String, csrf: String) {
        (self.base, self.cookie, self.csrf) = (base, cookie, csrf)
        session = URLSession(configuration: Self.configuration)
    }

    private static var configuration: URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = 4
        return configuration
    }

    init(_ base: URL, password: String) throws {
        self.base = base
        session = URLSession(configuration: Self.configuration)
        let (status, body, headers) = try Self.send(session, base, "POST", "/api/session", ["name": Self.account, "password": password],
                                                    cookie: nil, csrf: nil)
        guard status == 200, let setCookie = headers["Set-Cookie"] ?? headers["set-cookie"],
              let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let csrf = object["csrf_token"] as? String,
              let value = setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last else {
            throw BenchError("login refused: \(status) \(String(decoding: body, as: UTF8.self))")
        }
        cookie = String(value)
        self.csrf = csrf
    }

    /// A JSON write with the session; its status and how long it took.
    func post(_ path: String, _ json: [String: Any]) throws -> (Int, Double, String) {
        let start = DispatchTime.now().uptimeNanoseconds
        let (status, body, _) = try Self.send(session, base, "POST", path, json, cookie: cookie, csrf: csrf)
        return (status, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, String(decoding: body.prefix(300), as: UTF8.self))
    }

    private static func send(_ session: URLSession, _ base: URL, _ method: String, _ path: String, _ json: [String: Any],
                             cookie: String?, csrf: String?) throws -> (Int, Data, [String: String]) {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let cookie { request.setValue("sodoan_session=\(cookie)", forHTTPHeaderField: "Cookie") }
        if let csrf { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (Int, Data, [String: String]) = (0, Data(), [:])
        session.dataTask(with: request) { data, response, _ in
            if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
                answer = (http.statusCode, data ?? Data(), headers)
            }
            done.signal()
        }.resume()
        done.wait()
        return answer
    }
}
