/// Calls a progress handler every few thousand rows, so that reporting costs nothing
/// measurable on a million-row file.
struct ImportProgressReporter {
    let totalBytes: Int
    let handler: ((BulkProgress) -> Void)?
    static let every = 20_000

    func rowDone(_ rows: Int, bytes: Int) {
        guard let handler, rows % Self.every == 0 else { return }
        handler(BulkProgress(rows: rows, bytesDone: bytes, bytesTotal: totalBytes))
    }
}
