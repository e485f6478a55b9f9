import Foundation
import RegisterStore
import UnionRegister

/// A progress line on stderr for long imports and exports, redrawn in place. Exists only
/// when stderr is a terminal, so scripts and logs never see it.
final class ProgressLine {
    private let language: Language
    private var shown = false

    init?(language: Language) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.language = language
    }

    func show(_ progress: BulkProgress) {
        let rows = Text(vi: "\(progress.rows) dòng", en: "\(progress.rows) rows")(language)
        let percent = progress.bytesTotal > 0 ? " \(progress.bytesDone * 100 / progress.bytesTotal)%" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K…\(percent) \(rows)".utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
