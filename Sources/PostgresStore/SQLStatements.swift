import Foundation

/// Splits a schema section into its statements. The client library sends one statement at
/// a time (the extended protocol takes no list), so a migration's text is cut at each `;`
/// that ends a statement: not one inside a string ('…', with '' for a quote), a quoted
/// name ("…"), a dollar-quoted function body ($$…$$ or $tag$…$tag$) or a `--` comment.
enum SQLStatements {
    static func split(_ sql: String) -> [String] {
        let characters = Array(sql)
        var statements: [String] = []
        var current = ""
        var index = 0
        func take(until end: [Character]) {
            while index < characters.count {
                if Array(characters[index..<min(index + end.count, characters.count)]) == end {
                    current.append(contentsOf: end)
                    index += end.count
                    return
                }
                current.append(characters[index])
                index += 1
            }
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "-" where index + 1 < characters.count && characters[index + 1] == "-":
                while index < characters.count && characters[index] != "\n" { index += 1 }
            case "'", "\"":
                current.append(character)
                index += 1
                take(until: [character])
            case "$":
                var end = index + 1
                while end < characters.count && (characters[end].isLetter || characters[end] == "_") { end += 1 }
                if end < characters.count && characters[end] == "$" {
                    let tag = Array(characters[index...end])
                    current.append(contentsOf: tag)
                    index = end + 1
                    take(until: tag)
                } else {
                    current.append(character)
                    index += 1
                }
            case ";":
                statements.append(current)
                current = ""
                index += 1
            default:
                current.append(character)
                index += 1
            }
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
