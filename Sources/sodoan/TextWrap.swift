/// Greedy word wrapping for the terminal, counting characters (a Vietnamese letter with
/// its marks is one character, and one column, in NFC or not).
enum TextWrap {
    /// `text` in lines of at most `width` characters, broken between words; a word longer
    /// than `width` stands alone on its line rather than being cut.
    static func lines(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        return lines + [line]
    }

    /// `text` in as few lines as `lines(_:width:)` gives, but as even as they can be: the
    /// narrowest width that needs no more lines. "Chi đoàn cơ sở" in 12 columns is
    /// "Chi đoàn / cơ sở" rather than "Chi đoàn cơ / sở".
    static func balancedLines(_ text: String, width: Int) -> [String] {
        let greedy = lines(text, width: width)
        let longestWord = text.split(separator: " ").map(\.count).max() ?? 0
        for narrower in longestWord..<max(longestWord, width) {
            let candidate = lines(text, width: narrower)
            if candidate.count == greedy.count { return candidate }
        }
        return greedy
    }
}
