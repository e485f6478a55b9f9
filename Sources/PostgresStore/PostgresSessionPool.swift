import Foundation
import RegisterStore

/// The sessions of one open PostgreSQL register: one for the command line, as many as the
/// server runs requests at once for `sodoan serve`, so that no request waits for another's
/// session (docs/ARCHITECTURE.md#postgresql).
///
/// Sessions are opened as they are first needed, up to `capacity`, and handed to one caller
/// at a time; a caller who finds them all in use waits for one to come back. A session whose
/// connection the database or the network has closed is not handed out again: the next
/// caller gets a new one, so a restarted database or a dropped connection costs the
/// requests that were using it, not the server.
final class PostgresSessionPool: @unchecked Sendable {
    let address: PostgresAddress
    let capacity: Int
    private let condition = NSCondition()
    private var idle: [PostgresSession]
    private var opened: Int

    /// A pool that starts with `first`, the session the register was checked through.
    init(first: PostgresSession, capacity: Int) {
        precondition(capacity >= 1, "a register needs at least one session")
        self.address = first.address
        self.capacity = capacity
        self.idle = [first]
        self.opened = 1
    }

    deinit {
        for session in idle { session.close() }
    }

    /// Runs `body` with a session of its own, returned to the pool afterwards.
    func with<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let session = try checkOut()
        defer { checkIn(session) }
        return try body(session)
    }

    private func checkOut() throws -> PostgresSession {
        condition.lock()
        while idle.isEmpty && opened == capacity { condition.wait() }
        if let session = idle.popLast() {
            condition.unlock()
            return session
        }
        opened += 1
        condition.unlock()
        do {
            return try PostgresSession.connect(address)
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func checkIn(_ session: PostgresSession) {
        let usable = !session.isClosed
        if !usable { session.close() }
        condition.lock()
        if usable { idle.append(session) } else { opened -= 1 }
        condition.signal()
        condition.unlock()
    }
}
