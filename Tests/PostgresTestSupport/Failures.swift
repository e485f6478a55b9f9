import Foundation

/// The errors of work run on several threads at once (`DispatchQueue.concurrentPerform`),
/// kept to be checked once the threads are done: a failure there must fail its test, not
/// stop the whole test process as a `try!` would.
public final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []

    public init() {}

    /// Runs `work`, keeping what it throws.
    public func record(_ work: () throws -> Void) {
        do { try work() } catch { lock.withLock { errors.append("\(error)") } }
    }

    /// Every error kept, in the order they came.
    public var all: [String] { lock.withLock { errors } }
}
