import RegisterStore
import UnionRegister

/// Turns a statement written with SQLite's placeholders (`?` by position, `:name` by name)
/// into PostgreSQL's numbered ones (`$1`…) and the list of values in that order, so that
/// the store's queries are written once for both engines.
///
/// A placeholder is only recognised where SQL could hold one: not inside a string
/// ('…', with '' for a quote), a quoted name ("…") or a `--` comment, and `::` (a
/// PostgreSQL cast) is not a name. A name used several times gets one number.
enum PostgresPlaceholders {
    static func numbered(_ sql: String, _ arguments: SQLArguments) throws -> (sql: String, values: [SQLValue]) {
        let characters = Array(sql)
        var out = ""
        out.reserveCapacity(characters.count + 16)
        var values: [SQLValue] = []
        var numbers: [String: Int] = [:]
        var nextPosition = 0
        var index = 0
        func copy(until end: Character) {
            while index < characters.count {
                out.append(characters[index])
                index += 1
                if characters[index - 1] == end { return }
            }
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'", "\"":
                out.append(character)
                index += 1
                copy(until: character)
            case "-" where index + 1 < characters.count && characters[index + 1] == "-":
                copy(until: "\n")
            case ":" where index + 1 < characters.count && characters[index + 1] == ":":
                out.append("::")
                index += 2
            case ":" where index + 1 < characters.count && (characters[index + 1].isLetter || characters[index + 1] == "_"):
                var end = index + 1
                while end < characters.count && (characters[end].isLetter || characters[end].isNumber || characters[end] == "_") { end += 1 }
                let name = String(characters[(index + 1)..<end])
                guard case .named(let named) = arguments, let value = named[name] else { throw missing(":\(name)", sql) }
                if numbers[name] == nil {
                    values.append(value)
                    numbers[name] = values.count
                }
                out.append("$\(numbers[name]!)")
                index = end
            case "?":
                guard case .positional(let positional) = arguments, nextPosition < positional.count else { throw missing("?", sql) }
                values.append(positional[nextPosition])
                nextPosition += 1
                out.append("$\(values.count)")
                index += 1
            default:
                out.append(character)
                index += 1
            }
        }
        if case .positional(let positional) = arguments, nextPosition != positional.count { throw missing("?", sql) }
        return (out, values)
    }

    /// A statement whose placeholders and arguments do not match: a mistake in sodoan, told
    /// as a failure of the store rather than sent to the server.
    private static func missing(_ placeholder: String, _ sql: String) -> RegisterError {
        RegisterError(.storageFailed, Text(
            vi: "sodoan gửi một câu lệnh SQL có chỗ \(placeholder) không khớp với các giá trị của nó; không có gì bị thay đổi: \(sql)",
            en: "sodoan built an SQL statement whose \(placeholder) does not match its values; nothing was changed: \(sql)"),
            fix: Text(vi: "Báo lỗi này cho người phát triển sodoan.", en: "Report this to sodoan's developers."))
    }
}
