import UnionRegister

/// Renders `report summary`: the conference's sentences as text, Markdown, HTML or JSON,
/// with the register fingerprint the figures were computed from.
struct SummaryView {
    var summary: ReportSummary
    var fingerprint: String
    var language: Language

    struct Item: Encodable {
        struct Earlier: Encodable { var year, value, change: Int }
        struct Figure: Encodable { var key: String; var value: Int; var compared: [Earlier] }
        struct Sentence: Encodable { var topic: String; var text: String; var figures: [Figure] }
        var unit: String
        var name: String
        var year: Int
        var fingerprint: String
        var sentences: [Sentence]
    }

    private var heading: String {
        Text(vi: "Tóm tắt số liệu năm \(summary.year): \(summary.unit.name) (\(summary.unit.code))",
             en: "Summary of \(summary.year): \(summary.unit.name) (\(summary.unit.code))")(language)
    }

    private var fingerprintLine: String {
        Text(vi: "Mã kiểm tra dữ liệu sổ (SHA-256): ", en: "Register fingerprint (SHA-256): ")(language) + fingerprint
    }

    func render(_ format: OutputFormat) throws -> String {
        let sentences = summary.sentences.map { $0.text(language) }
        switch format {
        case .json:
            return try JSONOutput.encode(Item(unit: summary.unit.code, name: summary.unit.name, year: summary.year, fingerprint: fingerprint,
                sentences: summary.sentences.map { sentence in
                    Item.Sentence(topic: sentence.topic.rawValue, text: sentence.text(language), figures: sentence.figures.map { figure in
                        Item.Figure(key: figure.key, value: figure.value,
                                    compared: figure.earlier.map { Item.Earlier(year: $0.year, value: $0.value, change: figure.value - $0.value) })
                    })
                }))
        case .md:
            return "# \(Escaping.markdown(heading))\n\n" + sentences.map { "- \(Escaping.markdown($0))\n" }.joined()
                + "\n\(fingerprintLine)\n"
        case .html:
            return """
                <!DOCTYPE html>
                <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(Escaping.html(heading))</title>
                <style>body { font-family: "Times New Roman", serif; max-width: 17cm; margin: 1.5cm auto; } p { text-align: justify; }</style>
                </head><body>
                <h1>\(Escaping.html(heading))</h1>
                \(sentences.map { "<p>\(Escaping.html($0))</p>" }.joined(separator: "\n"))
                <p><small>\(Escaping.html(fingerprintLine))</small></p>
                </body></html>

                """
        default:
            return heading + "\n\n" + sentences.map { "- " + $0 }.joined(separator: "\n") + "\n\n" + fingerprintLine + "\n"
        }
    }
}
