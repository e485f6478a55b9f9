import ArgumentParser
import Foundation
import RegisterStore
import RegisterViews
import UnionRegister

/// How `import` and `absorb` print the problems of a refused file on stderr: each with its
/// place and column, at most `listed`, then the count and exit 65.
enum ImportProblemOutput {
    /// How many problems or warnings are printed before "and N more".
    static let listed = 100

    static func fail(_ report: ImportReport, _ language: Language) throws -> Never {
        show(report.problems, heading: language == .vi ? "Lỗi" : "Error", language)
        FileHandle.standardError.write(Data("\(ImportWording.refused(report)(language)) \(ImportWording.fix(language))\n".utf8))
        throw ExitCode(65)
    }

    static func show(_ problems: [ImportProblem], heading: String, _ language: Language) {
        guard !problems.isEmpty else { return }
        var lines = problems.prefix(listed).map { problem in
            "\(heading): \(problem.place): \(problem.column.map { $0 + ": " } ?? "")\(problem.message(language))"
        }
        if problems.count > listed {
            let more = problems.count - listed
            lines.append(language == .vi ? "… và \(more) dòng nữa." : "… and \(more) more.")
        }
        FileHandle.standardError.write(Data(OutputText.safe(lines.joined(separator: "\n") + "\n").utf8))
    }
}
