import Crypto
import Foundation
import HummingbirdBcrypt
import UnionRegister

/// The accounts of the server and their sessions (docs/SECURITY.md). Passwords are
/// checked by the domain's rule, then kept as bcrypt hashes; a session token is kept as
/// its SHA-256 only. Every change of an account leaves an audit row, without the password.
/// The same on both engines: the server's sessions live in the register, whichever it is.
extension Register {
    /// bcrypt's work factor: 2^12 rounds, about a quarter of a second per hash here.
    static let bcryptCost: UInt8 = 12

    /// A hash that matches no password, checked when a name is unknown so that an unknown
    /// name takes as long to refuse as a wrong password.
    private static let decoyHash = Bcrypt.hash("decoy password never used", cost: bcryptCost)

    public func addAccount(_ account: Account, password: String) throws {
        try AccountRules.checkName(account.name)
        try AccountRules.checkPassword(password, account: account.name)
        let hash = Bcrypt.hash(password, cost: Self.bcryptCost)
        try write { tx in
            if try AccountTable.find(account.name, in: tx.connection) != nil {
                throw RegisterError.badInput(Text(vi: "Tài khoản \(account.name) đã có.", en: "The account \(account.name) already exists."),
                                             fix: Text(vi: "Chọn tên khác.", en: "Choose another name."))
            }
            let unitID = try UnitTable.find(account.unitCode, in: tx.connection).id
            try AccountTable.insert(account, unitID: unitID, passwordHash: hash, at: Self.stamp(tx.now), in: tx.connection)
            return ((), AuditEntry(action: "user.add", unitCode: account.unitCode, newValue: AuditEntry.json(account)))
        }
    }

    /// Every account, by name.
    public func accounts() throws -> [Account] {
        try readSQL { db in try AccountTable.all(in: db) }
    }

    /// Sets a new password and ends every open session of the account.
    public func changePassword(of name: String, to password: String) throws {
        try AccountRules.checkPassword(password, account: name)
        let hash = Bcrypt.hash(password, cost: Self.bcryptCost)
        try write { tx in
            let stored = try AccountTable.require(name, in: tx.connection)
            try AccountTable.setPassword(id: stored.id, hash: hash, in: tx.connection)
            return ((), AuditEntry(action: "user.passwd", unitCode: stored.account.unitCode, newValue: AuditEntry.json(stored.account)))
        }
    }

    /// Disables an account for good and ends its sessions; it stays in the register, named by
    /// the audit rows it wrote.
    public func disableAccount(_ name: String) throws {
        try write { tx in
            let stored = try AccountTable.require(name, in: tx.connection)
            try AccountTable.disable(id: stored.id, at: Self.stamp(tx.now), in: tx.connection)
            var disabled = stored.account
            disabled.disabled = true
            return ((), AuditEntry(action: "user.disable", unitCode: stored.account.unitCode,
                                   oldValue: AuditEntry.json(stored.account), newValue: AuditEntry.json(disabled)))
        }
    }

    /// Checks a name and password and opens a session lasting `lifetime`; nil for an
    /// unknown name, a wrong password or a disabled account alike, so a caller cannot tell
    /// which. The token is returned once and kept only as its hash.
    public func logIn(_ name: String, password: String, lifetime: TimeInterval) throws -> (token: String, session: AccountSession)? {
        let stored = try readSQL { db in try AccountTable.find(name, in: db) }
        let verified = Bcrypt.verify(password, hash: stored?.passwordHash ?? Self.decoyHash)
        guard let stored, verified, !stored.account.disabled else { return nil }
        let account = stored.account
        let token = Self.randomToken(), csrf = Self.randomToken()
        let expires = try write { tx in
            let expires = Self.stamp(tx.now.addingTimeInterval(lifetime))
            try AccountTable.openSession(tokenHash: Self.tokenHash(token), accountID: stored.id, csrfToken: csrf,
                                         at: Self.stamp(tx.now), expires: expires, in: tx.connection)
            return (expires, AuditEntry(action: "user.login", unitCode: account.unitCode, newValue: AuditEntry.json(account)))
        }
        return (token, AccountSession(account: account, csrfToken: csrf, expiresAt: expires))
    }

    /// The session of a token, if it is open, unexpired (by the register's clock) and its
    /// account enabled.
    public func session(token: String) throws -> AccountSession? {
        let now = clock.read().now
        return try readSQL { db in try AccountTable.session(tokenHash: Self.tokenHash(token), at: Self.stamp(now), in: db) }
    }

    /// Ends a session (logging out). Expired sessions of every account go with it.
    public func endSession(token: String) throws {
        try write { tx in
            try AccountTable.endSession(tokenHash: Self.tokenHash(token), at: Self.stamp(tx.now), in: tx.connection)
            return ((), AuditEntry(action: "user.logout"))
        }
    }

    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static func stamp(_ date: Date) -> String { Timestamp.text(date) }
}
