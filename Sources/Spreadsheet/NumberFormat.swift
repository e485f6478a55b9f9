/// What a cell's number format says about its number: a date, digits padded with zeros,
/// or a plain number. Only these distinctions matter to a reader of data; the rest of a
/// format (colours, separators, decimals) is presentation.
public enum NumberFormat: Sendable, Equatable {
    case plain
    case date
    /// A format of zeros only, e.g. `0000000000`: the number is shown with this many digits.
    case zeroPadded(Int)

    /// The built-in formats (ECMA-376 part 1, 18.8.30) that show dates: 14–22, 45–47, and
    /// the East Asian date formats 27–36 and 50–58.
    public init(builtIn id: Int) {
        switch id {
        case 14...22, 27...36, 45...47, 50...58: self = .date
        default: self = .plain
        }
    }

    /// A custom format code. It is a date when, outside quoted text, escapes and `[…]`
    /// brackets (colours, locales, elapsed time), it uses a day, month, year, hour or
    /// second letter.
    public init(code: String) {
        let sections = code.split(separator: ";", omittingEmptySubsequences: false)
        let first = sections.first.map(String.init) ?? code
        if !first.isEmpty, first.allSatisfy({ $0 == "0" }) {
            self = .zeroPadded(first.count)
            return
        }
        var inQuote = false, inBracket = false, escaped = false
        for character in first.lowercased() {
            if escaped { escaped = false; continue }
            if inQuote { if character == "\"" { inQuote = false }; continue }
            if inBracket { if character == "]" { inBracket = false }; continue }
            switch character {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true
            case "d", "m", "y", "h", "s": self = .date; return
            default: break
            }
        }
        self = .plain
    }
}
