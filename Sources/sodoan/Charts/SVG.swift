import RegisterViews

/// The few SVG elements the charts draw, with every text escaped, and numbers written with
/// one decimal at most so the same chart is always the same bytes.
enum SVG {
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Int = 11) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\">\(Escaping.html(content))</text>"
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, dash: String? = nil) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"black\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    /// The whole document: A4-friendly width, black on white, a title for screen readers.
    static func document(width: Int, height: Int, title: String, _ body: [String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\">\n"
            + "<title>\(Escaping.html(title))</title>\n" + body.joined(separator: "\n") + "\n</svg>\n"
    }
}
