/// Keeps text from the register (names, places, numbers a user typed) from turning into
/// markup in the documents sodoan prints. Both go through `OutputText.safe` first, so no
/// control character reaches a document either.
public enum Escaping {
    /// For HTML text and attribute values.
    public static func html(_ text: String) -> String {
        let text = OutputText.safe(text)
        // Most cells are numbers: skip the passes when there is nothing to escape.
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// For Markdown text, table cells included: a backslash before every character
    /// CommonMark may read as inline markup, inline HTML (`<`), an entity (`&`) or a table
    /// cell border (`|`), and a line break read as a space, so a value never starts a line
    /// (a heading, a list) either.
    public static func markdown(_ text: String) -> String {
        var result = ""
        for character in OutputText.safe(text) {
            if character == "\n" || character == "\t" { result.append(" "); continue }
            if "\\`*_[]<>#|&~!".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
