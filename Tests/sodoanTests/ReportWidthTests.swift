import Foundation
import PostgresTestSupport
import Testing

/// The text report fits a terminal of 100 columns; the documents and data keep every column.
@Suite("sodoan report text width, end to end", .serialized)
struct ReportWidthTests {
    /// The sample register, loaded by the demo into the CLI's register file.
    private func sampleRegister(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        let loaded = try cli.run(["demo", "--samples", DemoCommandTests.samples])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        return cli
    }

    @Test(arguments: RegisterEngineKind.allCases) func noLineOfTheTextReportOfTheSamplesIsWiderThan100Columns(_ kind: RegisterEngineKind) throws {
        let cli = try sampleRegister(kind)
        defer { cli.cleanUp() }
        for language in ["vi", "en"] {
            for report in [["report", "annual", "--year", "2025"], ["report", "annual", "--year", "2025", "--unit", "YT"],
                           ["report", "period", "--from", "2025-01-01", "--to", "2026-11-22"]] {
                let text = try cli.ok(report + ["--lang", language])
                // One character is one column: the output is NFC, so a Vietnamese letter with
                // its marks is one character, as a terminal shows it.
                #expect(text == text.precomposedStringWithCanonicalMapping)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let wide = lines.filter { $0.count > 100 }
                #expect(wide.isEmpty, "\(report.joined(separator: " ")) --lang \(language): \(wide.map { "\($0.count): \($0)" })")
                #expect(lines.map(\.count).max() ?? 0 > 80, "the report is laid out to use the terminal's width")
            }
        }
    }

    /// Split tables repeat the unit column, so every figure of a unit's row is still in the
    /// text, as many as the CSV has; the Markdown keeps each section in one table.
    @Test(arguments: RegisterEngineKind.allCases) func splitTablesKeepEveryFigureAndTheDocumentsKeepEveryColumn(_ kind: RegisterEngineKind) throws {
        let cli = try sampleRegister(kind)
        defer { cli.cleanUp() }
        let csv = try cli.ok(["report", "annual", "--year", "2025", "--format", "csv"]).split(separator: "\n")
        let header = csv[0].split(separator: ",")
        let dk = csv[1].split(separator: ",", omittingEmptySubsequences: false)
        let figureColumns = header.indices.filter { header[$0].hasPrefix("units_") || header[$0].hasPrefix("members_")
            || header[$0].hasPrefix("grade_") || header[$0].hasPrefix("discipline_") || header[$0].hasPrefix("referral_")
            || header[$0].hasPrefix("training_") || header[$0].hasPrefix("profile_") || header[$0].hasPrefix("unit_grade_") }
        let text = try cli.ok(["report", "annual", "--year", "2025"])
        // The root's rows: its code, then (first table only) its name and kind, then figures.
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("DK ") }
        let figures = rows.flatMap { row in
            row.split(separator: " ").dropFirst().filter { $0.first?.isNumber == true }
        }
        #expect(rows.count > 6, "at least one section is split into several tables")
        #expect(figures.count == figureColumns.count)
        #expect(figures == figureColumns.map { dk[$0] })

        let md = try cli.ok(["report", "annual", "--year", "2025", "--format", "md"])
        #expect(md.contains("| Đoàn viên đầu kỳ | Kết nạp mới |"))
        #expect(md.contains("| Cuối kỳ | Nữ | Nam | Cân đối |"))
        let html = try cli.ok(["report", "annual", "--year", "2025", "--format", "html"])
        #expect(html.contains("Trong số giới thiệu học lớp, đã kết nạp Đảng"))
    }
}
