import Foundation

/// A plain-text table for the terminal: columns padded to the widest cell, counting
/// characters (Vietnamese letters with diacritics are one column each in NFC).
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    var rightAligned: Set<Int> = []

    init(_ header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table on one set of lines, each heading on one line.
    func render() -> String {
        let lengths = cellLengths
        let widths = header.indices.map { max(header[$0].count, bodyWidth($0, lengths)) }
        return render(columns: Array(header.indices), headings: header.map { [$0] }, widths: widths, lengths: lengths)
    }

    /// The table within `width` columns where it can be: each heading wrapped between
    /// words (evenly) to the column's widest cell or `headingWidth`, whichever is wider, then the
    /// columns split over as many tables as needed, one under the other, each repeating the
    /// first `repeating` columns (the unit) so every figure keeps its row's name.
    func render(fitting width: Int, repeating: Int, headingWidth: Int = 12) -> String {
        let lengths = cellLengths
        let headings = header.indices.map { TextWrap.balancedLines(header[$0], width: max(headingWidth, bodyWidth($0, lengths))) }
        let widths = header.indices.map { column in max(bodyWidth(column, lengths), headings[column].map(\.count).max() ?? 0) }
        func span(_ columns: [Int]) -> Int { columns.reduce(0) { $0 + widths[$1] } + 2 * (columns.count - 1) }
        let repeated = Array(header.indices.prefix(repeating))
        var parts: [[Int]] = []
        var part = repeated
        for column in header.indices.dropFirst(repeating) {
            if part.count > repeated.count && span(part + [column]) > width {
                parts.append(part)
                part = repeated
            }
            part.append(column)
        }
        parts.append(part)
        return parts.map { render(columns: $0, headings: headings, widths: widths, lengths: lengths) }.joined(separator: "\n")
    }

    /// Each body cell's length in characters, counted once: counting walks a string's
    /// grapheme clusters, which only a cell with a byte outside ASCII (a Vietnamese name)
    /// or a carriage return (CR LF is one character) needs; the figures are one character
    /// a byte.
    private var cellLengths: [[Int]] {
        rows.map { row in row.map { cell in cell.utf8.contains { $0 >= 0x80 || $0 == 0x0D } ? cell.count : cell.utf8.count } }
    }

    /// The widest body cell of a column.
    private func bodyWidth(_ column: Int, _ lengths: [[Int]]) -> Int {
        lengths.map { $0.indices.contains(column) ? $0[column] : 0 }.max() ?? 0
    }

    /// `columns` of the table, headings bottom-aligned over their lines.
    private func render(columns: [Int], headings: [[String]], widths: [Int], lengths: [[Int]]) -> String {
        // Each line is appended to in place, its padding taken from one run of spaces: a
        // string per cell, per padding and per joined line was most of the rendering of a
        // 4 MB report (BENCHMARKS.md, issue 10, sixth round).
        let paddings = (0...(widths.max() ?? 0)).map { String(repeating: " ", count: $0) }
        func pad(_ count: Int, _ text: inout String) {
            if count > 0 { text += paddings[count] }
        }
        func line(_ cell: (Int) -> (text: String, length: Int)) -> String {
            var text = ""
            for (position, index) in columns.enumerated() {
                if position > 0 { text += "  " }
                let (content, length) = cell(index)
                let padding = widths[index] - length
                if rightAligned.contains(index) {
                    pad(padding, &text)
                    text += content
                } else {
                    text += content
                    // The last column's padding would only be trimmed below.
                    if position < columns.count - 1 { pad(padding, &text) }
                }
            }
            // Trailing whitespace trimmed by hand: a regular expression per line dominated the
            // rendering of a 2,000-unit report.
            while text.last?.isWhitespace == true { text.removeLast() }
            return text
        }
        let height = columns.map { headings[$0].count }.max() ?? 1
        let headingLines = (0..<height).map { level in
            line { index in
                let lines = headings[index]
                let offset = level - (height - lines.count)
                let text = offset >= 0 ? lines[offset] : ""
                return (text, text.count)
            }
        }
        let rule = columns.map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ")
        return (headingLines + [rule] + rows.indices.map { row in
            line { rows[row].indices.contains($0) ? (rows[row][$0], lengths[row][$0]) : ("", 0) }
        }).joined(separator: "\n") + "\n"
    }
}
