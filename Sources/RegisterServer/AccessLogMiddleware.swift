import Foundation
import Hummingbird
import RegisterStore

/// One line on stderr per request: when, from where, what, the status and how long
/// it took. Query strings are left out: they can carry names searched for.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context, status: error.status.code, since: start)
            throw error
        } catch {
            log(request, context, status: 500, since: start)
            ServerLog.write("error: \(error)")
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = start.duration(to: .now)
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let stamp = Timestamp.text(Date())
        ServerLog.write("\(stamp) \(context.remoteAddress) \(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.1f", ms))ms")
    }
}

/// The server's stderr: the access log and the refused logins.
enum ServerLog {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
