/// Keeps text from the register (names, places, numbers a user typed) from turning into
/// markup in the documents sodoan prints.
enum Escaping {
    /// For HTML text and attribute values.
    static func html(_ text: String) -> String {
        // Most cells are numbers: skip the four passes when there is nothing to escape.
        guard text.contains(where: { "&<>\"".contains($0) }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// For Markdown text, table cells included: a backslash before every character that
    /// could start markup or break a table.
    static func markdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "|\\*_`[]<>#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
