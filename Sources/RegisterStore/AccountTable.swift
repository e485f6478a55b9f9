import Foundation
import GRDB
import UnionRegister

/// Reads and writes rows of `account` and `account_session`.
enum AccountTable {
    static let columns = "a.id, a.name, a.role, u.code AS unit_code, a.password_hash, a.disabled_at"
    static let from = "account a JOIN unit u ON u.id = a.unit_id"

    static func account(from row: Row) throws -> Account {
        Account(name: row["name"], role: try StoredValue.code(row, "role"), unitCode: row["unit_code"],
                disabled: (row["disabled_at"] as String?) != nil)
    }

    static func find(_ name: String, in db: Database) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM \(from) WHERE a.name = ?", arguments: [name])
    }

    static func require(_ name: String, in db: Database) throws -> (id: Int64, account: Account) {
        guard let row = try find(name, in: db) else {
            throw RegisterError.badInput(Text(vi: "Không có tài khoản \(name).", en: "There is no account \(name)."),
                                         fix: Text(vi: "Xem các tài khoản bằng `sodoan user list`.",
                                                   en: "See the accounts with `sodoan user list`."))
        }
        return (row["id"], try account(from: row))
    }

    static func insert(_ account: Account, unitID: Int64, passwordHash: String, at stamp: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO account (name, role, unit_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [account.name, account.role.rawValue, unitID, passwordHash, stamp])
    }

    static func setPassword(id: Int64, hash: String, in db: Database) throws {
        try db.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [hash, id])
        try endSessions(accountID: id, in: db)
    }

    static func disable(id: Int64, at stamp: String, in db: Database) throws {
        try db.execute(sql: "UPDATE account SET disabled_at = ? WHERE id = ?", arguments: [stamp, id])
        try endSessions(accountID: id, in: db)
    }

    static func endSessions(accountID: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM account_session WHERE account_id = ?", arguments: [accountID])
    }
}
