/// What an account of the register may do, always within the subtree of its unit
/// (docs/SECURITY.md): office and secretary read and write members and their records, a
/// viewer only reads. Accounts themselves are managed with `sodoan user` by the file's
/// owner; the office role is the one meant for the bloc office's staff.
public enum AccountRole: String, CaseIterable, Sendable, Codable {
    case office
    case secretary
    case viewer

    /// What an account asks to do, for the role check.
    public enum Access: Sendable {
        case read
        case write
        /// Rename, move or merge units: the tree above the members is the bloc office's
        /// work, not a branch secretary's (docs/SECURITY.md).
        case reorganise
    }

    public func allows(_ access: Access) -> Bool {
        switch access {
        case .read: return true
        case .write: return self != .viewer
        case .reorganise: return self == .office
        }
    }

    public var name: Text {
        switch self {
        case .office: return Text(vi: "văn phòng Đoàn khối", en: "bloc office")
        case .secretary: return Text(vi: "bí thư", en: "secretary")
        case .viewer: return Text(vi: "chỉ xem", en: "viewer")
        }
    }
}

/// Why an account may not do what it asked: outside its unit's subtree, or beyond its role.
/// Separate from `RegisterError`, whose kinds are the command line's exit statuses: the
/// command line works as the file's owner and never meets this refusal.
public struct AccessRefused: Error, Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// The unit or member is outside the subtree of the account's unit.
        case outsideScope = "account-scope"
        /// The account's role does not allow the action.
        case role = "account-role"
    }

    public let reason: Reason
    public let message: Text

    public init(_ reason: Reason, _ message: Text) {
        self.reason = reason
        self.message = message
    }

    public static func outside(unit: String, account: String, scope: String) -> AccessRefused {
        AccessRefused(.outsideScope, Text(
            vi: "Tài khoản \(account) chỉ làm việc trong \(scope) và các đơn vị trực thuộc; \(unit) nằm ngoài phạm vi đó.",
            en: "The account \(account) works in \(scope) and the units below it only; \(unit) is outside."))
    }

    /// An import writes wherever its rows say and is checked row by row, not by scope: it
    /// needs an office account of the top unit, whose subtree is the whole register.
    public static func wholeRegister(account: String, scope: String, top: String) -> AccessRefused {
        AccessRefused(.outsideScope, Text(
            vi: "Nhập tệp có thể ghi vào mọi đơn vị của sổ nên chỉ tài khoản văn phòng của \(top) được nhập; tài khoản \(account) làm việc trong \(scope).",
            en: "An import may write into any unit of the register, so only an office account of \(top) may import; the account \(account) works in \(scope)."))
    }

    public static func reorganisation(_ role: AccountRole, account: String) -> AccessRefused {
        AccessRefused(.role, Text(
            vi: "Tài khoản \(account) có vai trò \(role.name.vi); chỉ tài khoản văn phòng Đoàn khối được sắp xếp đơn vị.",
            en: "The account \(account) has the role \(role.name.en); only a bloc office account may reorganise units."))
    }

    public static func role(_ role: AccountRole, account: String) -> AccessRefused {
        AccessRefused(.role, Text(
            vi: "Tài khoản \(account) có vai trò \(role.name.vi), không được thay đổi sổ.",
            en: "The account \(account) has the role \(role.name.en), which may not change the register."))
    }
}
