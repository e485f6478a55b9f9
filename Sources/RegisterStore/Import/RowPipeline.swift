import Foundation

/// Reads a CSV table on a second thread, in batches, and runs each row's `prepare` there
/// (parsing cells, pure domain checks), while the importing thread writes the rows before
/// them. A million-row import spends about as long in Swift reading and checking rows as in
/// SQLite writing them; overlapping the two is what brings it near the sqlite3 shell's
/// `.import` (BENCHMARKS.md). Rows come out in file order; at most `capacity` batches wait.
final class RowPipeline<Column: CSVColumns, Prepared: Sendable>: @unchecked Sendable {
    struct Item {
        var row: Result<CSVRow<Column>, ImportProblem>
        var prepared: Prepared?
    }

    /// Rows in file order, and how many bytes of the file they end at (for progress).
    struct Batch {
        var items: [Item]
        var bytes: Int
    }

    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var done = false
    private var cancelled = false
    private var failure: Error?
    private static var batchSize: Int { 512 }
    private static var capacity: Int { 16 }

    /// Starts reading `table` at once; `prepare` runs on the reading thread.
    init(_ table: CSVTable<Column>, prepare: @escaping @Sendable (CSVRow<Column>) -> Prepared) {
        let box = TableBox(table)
        Thread.detachNewThread { [self] in
            do {
                var batch: [Item] = []
                while let next = try box.table.next() {
                    batch.append(Item(row: next, prepared: (try? next.get()).map(prepare)))
                    if batch.count == Self.batchSize {
                        guard hand(Batch(items: batch, bytes: box.table.bytesRead)) else { return }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                _ = hand(Batch(items: batch, bytes: box.table.bytesRead))
                finish(nil)
            } catch {
                finish(error)
            }
        }
    }

    /// The next batch in file order; nil at the end. Rethrows what reading threw.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !done { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the reading thread (the importing thread is leaving early).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues a batch, waiting while the queue is full; false once cancelled.
    private func hand(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        if !batch.items.isEmpty { batches.append(batch) }
        condition.broadcast()
        return true
    }

    private func finish(_ error: Error?) {
        condition.lock()
        failure = error
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// The table, handed to the reading thread and used only there.
    private final class TableBox: @unchecked Sendable {
        var table: CSVTable<Column>
        init(_ table: CSVTable<Column>) { self.table = table }
    }
}
