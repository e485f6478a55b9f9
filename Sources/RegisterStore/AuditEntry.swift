import Foundation
import UnionRegister

/// One row of the audit log: what a write changed, when, and by which command.
///
/// Every write of the register appends exactly one (import appends one per member it
/// touches, plus its own). The table's triggers refuse UPDATE and DELETE, so the log can
/// only grow, and each row is chained to the one before by its hash (`AuditChain`), so a
/// change made with the triggers dropped is found by `sodoan check`.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64?
    /// UTC timestamp, ISO 8601, to the second.
    public var at: String
    public var command: String
    /// What was done, e.g. `member.add`, `unit.close`.
    public var action: String
    public var memberCode: String?
    public var unitCode: String?
    /// JSON of the values before and after; nil where there was nothing.
    public var oldValue: String?
    public var newValue: String?

    public init(action: String, memberCode: String? = nil, unitCode: String? = nil,
                oldValue: String? = nil, newValue: String? = nil) {
        self.id = nil
        self.at = ""
        self.command = ""
        self.action = action
        self.memberCode = memberCode
        self.unitCode = unitCode
        self.oldValue = oldValue
        self.newValue = newValue
    }

    /// The action of a membership event's audit row, the same whether `member transfer`
    /// (and the like) or `import events` wrote it: `member.transfer`, `member.matured`, …
    public static func action(of kind: MembershipEventKind) -> String {
        kind == .transferred ? "member.transfer" : "member.\(kind.rawValue)"
    }

    /// JSON with sorted snake_case keys (like every JSON sodoan prints), so that the same
    /// value always audits the same text.
    public static func json<T: Encodable>(_ value: T?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
