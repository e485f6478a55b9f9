import UnionRegister

/// A person who uses the register through the server: a name, a role, and the unit whose
/// subtree the account works in. The password hash never leaves the store; this is what
/// the audit log, `user list --format json` and the session routes show of an account.
public struct Account: Sendable, Equatable, Encodable {
    public var name: String
    public var role: AccountRole
    public var unitCode: String
    public var disabled: Bool

    enum CodingKeys: String, CodingKey {
        case name, role, unitCode = "unit", disabled
    }

    public init(name: String, role: AccountRole, unitCode: String, disabled: Bool = false) {
        self.name = name
        self.role = role
        self.unitCode = unitCode
        self.disabled = disabled
    }
}

/// An open session: the account it belongs to and the token that every form of the
/// session must send back (CSRF).
public struct AccountSession: Sendable, Equatable {
    public var account: Account
    public var csrfToken: String
    public var expiresAt: String
}
