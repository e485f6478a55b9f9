import UnionRegister

/// Reads and writes rows of `account` and `account_session`, on both engines.
enum AccountTable {
    static let columns = "a.id, a.name, a.role, u.code AS unit_code, a.password_hash, a.disabled_at"
    static let from = "account a JOIN unit u ON u.id = a.unit_id"

    /// An account's row as the store keeps it: its row id and password hash with it.
    struct Stored {
        var id: Int64
        var account: Account
        var passwordHash: String
    }

    static func account(from row: some StoredRow) throws -> Account {
        Account(name: try row.text("name"), role: try StoredValue.code(row, "role"), unitCode: try row.text("unit_code"),
                disabled: try row.optionalText("disabled_at") != nil)
    }

    private static func stored(from row: some StoredRow) throws -> Stored {
        Stored(id: try row.integer("id"), account: try account(from: row), passwordHash: try row.text("password_hash"))
    }

    static func find(_ name: String, in db: any SQLConnection) throws -> Stored? {
        try db.storedRows("SELECT \(columns) FROM \(from) WHERE a.name = ?", [name]) { try stored(from: $0) }.first
    }

    static func require(_ name: String, in db: any SQLConnection) throws -> Stored {
        guard let stored = try find(name, in: db) else {
            throw RegisterError.badInput(Text(vi: "Không có tài khoản \(name).", en: "There is no account \(name)."),
                                         fix: Text(vi: "Xem các tài khoản bằng `sodoan user list`.",
                                                   en: "See the accounts with `sodoan user list`."))
        }
        return stored
    }

    /// Every account, by name.
    static func all(in db: any SQLConnection) throws -> [Account] {
        try db.storedRows("SELECT \(columns) FROM \(from) ORDER BY a.name", .none) { try account(from: $0) }
    }

    static func insert(_ account: Account, unitID: Int64, passwordHash: String, at stamp: String, in db: any SQLConnection) throws {
        try db.execute("INSERT INTO account (name, role, unit_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                       [account.name, account.role.rawValue, unitID, passwordHash, stamp])
    }

    static func setPassword(id: Int64, hash: String, in db: any SQLConnection) throws {
        try db.execute("UPDATE account SET password_hash = ? WHERE id = ?", [hash, id])
        try endSessions(accountID: id, in: db)
    }

    static func disable(id: Int64, at stamp: String, in db: any SQLConnection) throws {
        try db.execute("UPDATE account SET disabled_at = ? WHERE id = ?", [stamp, id])
        try endSessions(accountID: id, in: db)
    }

    static func endSessions(accountID: Int64, in db: any SQLConnection) throws {
        try db.execute("DELETE FROM account_session WHERE account_id = ?", [accountID])
    }

    /// Opens a session: its token is kept as `tokenHash` only.
    static func openSession(tokenHash: String, accountID: Int64, csrfToken: String, at stamp: String, expires: String,
                            in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO account_session (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
            """, [tokenHash, accountID, csrfToken, stamp, expires])
    }

    /// The open session of a token hash at `stamp`, its account enabled. On a file the
    /// statement stays prepared: every request of the server asks it.
    static func session(tokenHash: String, at stamp: String, in db: any SQLConnection) throws -> AccountSession? {
        try db.storedRows("""
            SELECT \(columns), s.csrf_token, s.expires_at
            FROM \(from) JOIN account_session s ON s.account_id = a.id
            WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled_at IS NULL
            """, [tokenHash, stamp]) { row in
            AccountSession(account: try account(from: row), csrfToken: try row.text("csrf_token"), expiresAt: try row.text("expires_at"))
        }.first
    }

    /// Ends the session of a token hash, and every session expired at `stamp`.
    static func endSession(tokenHash: String, at stamp: String, in db: any SQLConnection) throws {
        try db.execute("DELETE FROM account_session WHERE token_hash = ? OR expires_at <= ?", [tokenHash, stamp])
    }
}
