import DequeModule
import Foundation
import Hummingbird

/// The threads that run the server's requests, from the session check to the rendered page.
///
/// The store's calls block: a read waits for SQLite, a write for the disk's sync of its
/// commit. Run on Swift's shared executor, which has one thread per core (two on the
/// machines this is measured on), one slow roll or one sync held back every request behind
/// it, and a member's page waited for the whole of a 250-row list to render. On threads of
/// their own, the operating system shares the cores between requests as they run, so a
/// short request finishes in about its own time while a long one runs beside it, and a
/// request waiting for the disk holds one thread of many (BENCHMARKS.md, issue 14).
final class RequestThreads: TaskExecutor, @unchecked Sendable {
    /// Enough threads that requests waiting for the disk or for the write lock leave others
    /// to run; more would only add memory and switching.
    static let count = 16

    private let condition = NSCondition()
    private var jobs = Deque<UnownedJob>()

    init(count: Int = RequestThreads.count) {
        for index in 0..<count {
            let thread = Thread { [self] in work() }
            thread.name = "sodoan-request-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// A thread's life: run the next job, or wait for one. The threads live as long as the
    /// process, which serves until it is stopped.
    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs the rest of the chain (session check, route, rendering) on `RequestThreads`.
struct RequestThreadsMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let threads: RequestThreads

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(threads) { try await next(request, context) }
    }
}
