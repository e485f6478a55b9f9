import Foundation
import RegisterStore
import UnionRegister

/// The writing side of the serve load test: each writer thread, with its own session,
/// alternates an admission through `POST /api/members` (a code of its own) and a phone
/// update through `POST /api/members/{code}/update` (of members only it updates), and
/// keeps what the server acknowledged, to be looked for in the register afterwards. A
/// writer whose server has been killed (`isGone`) counts the write it was waiting for as
/// cut off, not acknowledged, and goes on with the same session on the next server, as a
/// client behind a load balancer would.
final class WriteLoad: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var admitted: [String] = []
    /// The last acknowledged phone of each updated member.
    private(set) var phones: [String: String] = [:]
    private var latencies: [Double] = []
    private var errors = 0
    private(set) var firstFailure: String?
    /// Writes sent to a server that was killed before it answered.
    private(set) var cutOff = 0
    private var seconds = 0.0

    var acknowledged: Int { lock.withLock { latencies.count - errors } }
    var result: LoadResult { lock.withLock { LoadResult(latencies: latencies, errors: errors, seconds: seconds) } }

    static func run(_ clients: [LoadClient], seconds: Int, units: RegisterGenerator, think: Int,
                    servers: [URL], isGone: @escaping @Sendable (URL) -> Bool) -> WriteLoad {
        let load = WriteLoad()
        let group = DispatchGroup()
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds) * 1_000_000_000
        for (writer, client) in clients.enumerated() {
            group.enter()
            Thread {
                load.write(writer, client, until: deadline, units: units, think: think, servers: servers, isGone: isGone)
                group.leave()
            }.start()
        }
        group.wait()
        load.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return load
    }

    private func write(_ writer: Int, _ first: LoadClient, until deadline: UInt64, units: RegisterGenerator, think: Int,
                       servers: [URL], isGone: (URL) -> Bool) {
        var client = first
        var n = 0
        // New codes differ from one run to the next, so a run may reuse an earlier run's register.
        let run = Int(Date().timeIntervalSince1970) % 100_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            if think > 0 { Thread.sleep(forTimeInterval: Double.random(in: 0.5...1.5) * Double(think) / 1000) }
            n += 1
            let (path, json, expected, acknowledge): (String, [String: Any], Int, () -> Void)
            if n % 2 == 1 {
                let code = "LT\(run)-\(writer)-\(n)"
                let branch = RegisterGenerator.branchCode(union: n % units.unions, branch: writer % RegisterGenerator.branchesPerUnion)
                (path, json, expected, acknowledge) = ("/api/members", [
                    "code": code, "unit": branch, "full_name": "Tải Thử \(writer) \(n)", "birth_date": "2000-01-01",
                    "gender": n % 4 == 1 ? "female" : "male", "education": "university", "joined_on": "2016-03-26"],
                    201, { self.admitted.append(code) })
            } else {
                // Writer w updates only members w, w + writers, …: no two writers race on one member.
                let code = RegisterGenerator.memberCode(writer + 16 * (n % 500))
                // The run's tag too: a later run's update of the same member is a new value.
                let phone = "09\(writer)\(String(format: "%07d", n))-\(run)"
                (path, json, expected, acknowledge) = ("/api/members/\(code)/update", ["phone": phone], 200, { self.phones[code] = phone })
            }
            let (status, seconds, body) = (try? client.post(path, json)) ?? (0, 0, "no answer")
            if status == 0 && isGone(client.base) {
                client = next(after: client, servers, isGone)
                continue
            }
            record(status == expected, seconds, body, acknowledged: acknowledge)
        }
    }

    /// The same session on the next server still running; the write it was waiting for is
    /// counted as cut off.
    private func next(after client: LoadClient, _ servers: [URL], _ isGone: (URL) -> Bool) -> LoadClient {
        lock.withLock { cutOff += 1 }
        let start = servers.firstIndex(of: client.base) ?? 0
        let alive = (1..<servers.count).map { servers[(start + $0) % servers.count] }.first { !isGone($0) }
        return alive.map(client.on) ?? client
    }

    private func record(_ ok: Bool, _ seconds: Double, _ body: String, acknowledged: () -> Void) {
        lock.withLock {
            latencies.append(seconds)
            if ok { acknowledged() } else {
                errors += 1
                if firstFailure == nil { firstFailure = body }
            }
        }
    }

    /// The acknowledged writes of `loads` (one per run, in order: a later run's phone of a
    /// member replaces an earlier one) that the register does not hold.
    static func lost(_ loads: [WriteLoad], in register: Register) throws -> [String] {
        var phones: [String: String] = [:]
        for load in loads { phones.merge(load.phones) { $1 } }
        var lost: [String] = []
        for code in loads.flatMap(\.admitted) where (try? register.memberFacts(code)) == nil { lost.append(code) }
        for (code, phone) in phones where (try? register.memberFacts(code).member.phone) != phone { lost.append("\(code) phone \(phone)") }
        return lost
    }
}
