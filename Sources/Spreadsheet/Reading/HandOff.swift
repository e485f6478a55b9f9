import Foundation

/// A bounded queue between a producing thread and a consuming one: the producer waits
/// while `capacity` items wait, the consumer while none do. Either side may stop it: the
/// producer with `finish` (and an error, which the consumer gets after the last item),
/// the consumer with `cancel` (the producer's next `put` throws, so it stops).
final class HandOff<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var finished = false
    private var cancelled = false
    private var failure: Error?
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        items.append(item)
        condition.broadcast()
    }

    func finish(_ error: Error?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item; nil once the producer finished and every item was taken. Throws the
    /// producer's error at that point.
    func take() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished { condition.wait() }
        guard !items.isEmpty else {
            if let failure { throw failure }
            return nil
        }
        condition.broadcast()
        return items.removeFirst()
    }

    /// What the producer failed with, if it did.
    var error: Error? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }
}

/// Runs `body` on a new thread; for values the thread takes that are not Sendable but are
/// used by it alone from then on (a ZIPFoundation archive, a parser).
func detach<Value>(_ value: Value, _ body: @escaping (Value) -> Void) {
    let box = UncheckedBox(value, body)
    Thread.detachNewThread { box.body(box.value) }
}

private final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    let body: (Value) -> Void
    init(_ value: Value, _ body: @escaping (Value) -> Void) {
        self.value = value
        self.body = body
    }
}
