/// Something `sodoan check` found: an error to fix, or a warning to look at.
public struct Finding: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public let severity: Severity
    /// A stable code for scripts, e.g. `event-order`, `over-35`.
    public let code: String
    /// The member or unit code it is about, or "register".
    public let subject: String
    public let message: Text

    public init(_ severity: Severity, code: String, subject: String, _ message: Text) {
        self.severity = severity
        self.code = code
        self.subject = subject
        self.message = message
    }
}
