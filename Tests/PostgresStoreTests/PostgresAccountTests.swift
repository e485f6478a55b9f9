import Foundation
@testable import PostgresStore
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// The server's accounts and sessions on a PostgreSQL register: kept in the database, so
/// that every server on it sees the same sessions (a session opened through one register
/// handle is found through another), ended by a password change, a disabling, a logout or
/// the clock, as on a file (`AccountStoreTests`).
@Suite("Accounts and sessions on PostgreSQL", .serialized)
struct PostgresAccountTests {
    static let password = "rừng-thông-42x"

    /// A register with its root DK and one account, and a way to open it again through a
    /// clock that reads `seconds` after `start`.
    func register() throws -> (open: (TimeInterval) throws -> Register, cluster: PostgresTestCluster, name: String) {
        let (cluster, name, address) = try testDatabase()
        let start = Date()
        try PostgresRegister.create(at: address, name: "Đoàn Khối", rootCode: "DK", openedOn: Day(parsing: "2015-01-01")!, command: "test")
        let open = { (seconds: TimeInterval) in
            try PostgresRegister.open(at: address, command: "test", clock: RegisterClock { (start.addingTimeInterval(seconds), Day(parsing: "2026-11-22")!) })
        }
        try open(0).addAccount(Account(name: "bt.dk", role: .secretary, unitCode: "DK"), password: Self.password)
        return (open, cluster, name)
    }

    @Test func aSessionOpenedThroughOneHandleIsFoundThroughAnotherUntilItExpires() throws {
        let (open, cluster, name) = try register()
        #expect(try open(0).logIn("bt.dk", password: "wrong password!", lifetime: 60) == nil)
        #expect(try open(0).logIn("nobody", password: Self.password, lifetime: 60) == nil)
        let opened = try #require(try open(0).logIn("bt.dk", password: Self.password, lifetime: 60))
        #expect(try open(59).session(token: opened.token)?.account == Account(name: "bt.dk", role: .secretary, unitCode: "DK"))
        #expect(try open(59).session(token: opened.token)?.csrfToken == opened.session.csrfToken)
        #expect(try open(60).session(token: opened.token) == nil)
        let kept = try cluster.psql(name, "SELECT token_hash FROM account_session")
        #expect(kept.count == 1 && kept[0].count == 64 && kept[0] != opened.token, "only the token's hash is kept: \(kept)")
        try open(61).endSession(token: "no such token")
        #expect(try cluster.psql(name, "SELECT count(*) FROM account_session") == ["0"], "the expired session went with the next logout")
    }

    @Test func aPasswordChangeADisablingOrALogoutEndsTheSessions() throws {
        let (open, _, _) = try register()
        let first = try #require(try open(0).logIn("bt.dk", password: Self.password, lifetime: 600))
        try open(0).changePassword(of: "bt.dk", to: "một-mật-khẩu-mới")
        #expect(try open(1).session(token: first.token) == nil)
        let second = try #require(try open(2).logIn("bt.dk", password: "một-mật-khẩu-mới", lifetime: 600))
        try open(3).endSession(token: second.token)
        #expect(try open(4).session(token: second.token) == nil)
        let third = try #require(try open(5).logIn("bt.dk", password: "một-mật-khẩu-mới", lifetime: 600))
        try open(6).disableAccount("bt.dk")
        #expect(try open(7).session(token: third.token) == nil)
        #expect(try open(8).logIn("bt.dk", password: "một-mật-khẩu-mới", lifetime: 600) == nil)
        #expect(try open(9).accounts() == [Account(name: "bt.dk", role: .secretary, unitCode: "DK", disabled: true)])
        let actions = try open(9).auditLog().map(\.action)
        #expect(actions == ["register.init", "user.add", "user.login", "user.passwd", "user.login", "user.logout", "user.login", "user.disable"], "\(actions)")
    }
}
