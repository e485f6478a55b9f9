import Foundation

/// One run of wrk (Debian's package) against the server: a Lua script that spreads the
/// requests over the given session cookies and paths, and prints its counts and latency
/// percentiles (microseconds) in one line that `finish` reads.
struct WrkRun {
    enum Paths {
        /// `/members/DVnnnnnnn` of a random member.
        case memberPages
        /// A random branch's roll (250 members), or a search in a random grassroots union.
        case memberLists
        case health
    }

    var name: String
    var dir: String
    var base: URL
    var connections: Int
    var script: String

    init(name: String, dir: String, base: URL, connections: Int, cookies: [String], members: Int, paths: Paths) throws {
        (self.name, self.dir, self.base, self.connections) = (name, dir, base, connections)
        script = dir + "/\(name).lua"
        let path: String
        switch paths {
        case .memberPages: path = #"string.format("/members/DV%07d", math.random(members))"#
        case .memberLists:
            path = #"""
                (n % 2 == 0) and string.format("/members?unit=CS%03d-%02d", math.random(unions), math.random(20))
                    or string.format("/members?unit=CS%03d&search=%s", math.random(unions), searches[math.random(#searches)])
                """#
        case .health: path = #""/health""#
        }
        let lua = """
            local cookies = {\(cookies.map { "\"\($0)\"" }.joined(separator: ","))}
            members = \(members)
            unions = \(max(1, (members + 4_999) / 5_000))
            searches = {"lan", "nguyen+van", "tran+thi", "minh", "hoa"}
            local counter = 0
            thread_index = 0
            local threads = 0
            function setup(thread)
              thread:set("thread_index", threads)
              threads = threads + 1
            end
            function init(args)
              math.randomseed(1000 + thread_index)
            end
            function request()
              counter = counter + 1
              local n = counter
              local cookie = cookies[((thread_index * 7919 + n) % #cookies) + 1]
              return wrk.format("GET", \(path), {["Cookie"] = "sodoan_session=" .. cookie})
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT requests=%d errors=%d seconds=%f p50=%d p99=%d max=%d\\n", summary.requests,
                e.connect + e.read + e.write + e.timeout + e.status, summary.duration / 1e6,
                latency:percentile(50), latency:percentile(99), latency.max))
            end

            """
        try lua.write(toFile: script, atomically: true, encoding: .utf8)
    }

    func start(seconds: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        process.arguments = ["-t", "2", "-c", String(connections), "-d", "\(seconds)s", "--timeout", "10s", "-s", script, base.absoluteString]
        FileManager.default.createFile(atPath: dir + "/\(name).out", contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/\(name).out"))
        try process.run()
        return process
    }

    func finish(_ process: Process) throws -> LoadResult {
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: dir + "/\(name).out", encoding: .utf8)) ?? ""
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("RESULT ") }) else {
            throw BenchError("wrk \(name) printed no result: \(text)")
        }
        var values: [String: Double] = [:]
        for pair in line.dropFirst(7).split(separator: " ") {
            let parts = pair.split(separator: "=")
            values[String(parts[0])] = Double(parts[1])
        }
        return LoadResult(requests: Int(values["requests"] ?? 0), errors: Int(values["errors"] ?? 0), seconds: values["seconds"] ?? 0,
                          p50: (values["p50"] ?? 0) / 1e6, p99: (values["p99"] ?? 0) / 1e6, max: (values["max"] ?? 0) / 1e6)
    }
}
