/// The arguments of one statement: by position for `?`, or by name for `:name` (a name may
/// appear several times in the statement). Statements are written with SQLite's
/// placeholders; PostgreSQL's connection numbers them (`$1`…) before sending.
public enum SQLArguments: Sendable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case positional([SQLValue])
    case named([String: SQLValue])

    public init(arrayLiteral elements: any SQLValueConvertible...) {
        self = .positional(elements.map(\.sqlValue))
    }

    public init(dictionaryLiteral elements: (String, any SQLValueConvertible)...) {
        self = .named(Dictionary(elements.map { ($0.0, $0.1.sqlValue) }) { $1 })
    }

    public static let none = SQLArguments.positional([])
}
