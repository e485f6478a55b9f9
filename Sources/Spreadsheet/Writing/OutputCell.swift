/// A cell as a written workbook holds it. Text is always written as a string cell
/// (`inlineStr`), never as a formula, whatever it starts with.
public enum OutputCell: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case date(CalendarDay)
    case bool(Bool)
    case empty
    /// Text indented `level` steps (a unit below its parent in a report tree).
    case indented(String, level: Int)

    /// How many characters the cell shows, for the column's width.
    var shownLength: Int {
        switch self {
        case .text(let text): return text.count
        case .indented(let text, let level): return text.count + 2 * level
        case .integer(let n): return String(n).count
        case .date: return 10
        case .bool(let value): return value ? 4 : 5
        case .empty: return 0
        }
    }
}
