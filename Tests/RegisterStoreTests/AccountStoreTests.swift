import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// Accounts and sessions on a real register (a file, and a PostgreSQL database), and the scope every server call is
/// checked against.
@Suite("Accounts, sessions and scope", .serialized)
struct AccountStoreTests {
    static let password = "rừng-thông-42x"

    func registerWithAccounts(on kind: RegisterEngineKind) throws -> TemporaryRegister {
        let temp = try TemporaryRegister(on: kind)
        try temp.register.addAccount(Account(name: "bt.vp", role: .secretary, unitCode: "YT-VP"), password: Self.password)
        try temp.register.addAccount(Account(name: "xem.yt", role: .viewer, unitCode: "YT"), password: Self.password)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1998-03-10", joined: "2016-01-01", unit: "YT-VP")
        try temp.addMember("DV2", "Trần Thị Bình", born: "1999-04-11", joined: "2017-01-01", unit: "YT-BV")
        return temp
    }

    @Test(arguments: RegisterEngineKind.allCases) func passwordsAreKeptAsBcryptHashesAndNeverInTheAuditLog(_ kind: RegisterEngineKind) throws {
        let temp = try registerWithAccounts(on: kind)
        let hash = try temp.rows("SELECT password_hash FROM account WHERE name = 'bt.vp'").first?.first
        #expect(hash?.hasPrefix("$2b$12$") == true)
        let audit = try temp.register.auditLog().filter { $0.action == "user.add" }
        #expect(audit.count == 2)
        #expect(audit.allSatisfy { !($0.newValue ?? "").contains(Self.password) && !($0.newValue ?? "").contains("$2b$") })
    }

    @Test(arguments: RegisterEngineKind.allCases) func aWeakPasswordIsRefusedAndNoAccountIsWritten(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let error = #expect(throws: RegisterError.self) {
            try temp.register.addAccount(Account(name: "bt.tc", role: .secretary, unitCode: "TC"), password: "short")
        }
        #expect(error?.rule == .passwordStrength)
        #expect(try temp.count("SELECT COUNT(*) FROM account") == 0)
    }

    @Test(arguments: RegisterEngineKind.allCases) func loginOpensASessionThatAPasswordChangeOrDisableEnds(_ kind: RegisterEngineKind) throws {
        let temp = try registerWithAccounts(on: kind)
        #expect(try temp.register.logIn("bt.vp", password: "wrong password!", lifetime: 60) == nil)
        #expect(try temp.register.logIn("nobody", password: Self.password, lifetime: 60) == nil)
        let opened = try #require(try temp.register.logIn("bt.vp", password: Self.password, lifetime: 60))
        #expect(try temp.register.session(token: opened.token)?.account.unitCode == "YT-VP")
        try temp.register.changePassword(of: "bt.vp", to: "một-mật-khẩu-mới")
        #expect(try temp.register.session(token: opened.token) == nil)
        let again = try #require(try temp.register.logIn("bt.vp", password: "một-mật-khẩu-mới", lifetime: 60))
        try temp.register.disableAccount("bt.vp")
        #expect(try temp.register.session(token: again.token) == nil)
        #expect(try temp.register.logIn("bt.vp", password: "một-mật-khẩu-mới", lifetime: 60) == nil)
    }

    /// The same register seen through a clock that reads `seconds` after `start`.
    func later(_ temp: TemporaryRegister, _ start: Date, by seconds: TimeInterval) throws -> Register {
        try temp.reopened(clock: RegisterClock { (start.addingTimeInterval(seconds), day("2026-11-22")) })
    }

    @Test(arguments: RegisterEngineKind.allCases) func aSessionEndsWhenItExpiresAndOnlyItsHashIsKept(_ kind: RegisterEngineKind) throws {
        let temp = try registerWithAccounts(on: kind)
        let start = Date()
        let opened = try #require(try later(temp, start, by: 0).logIn("bt.vp", password: Self.password, lifetime: 60))
        #expect(try later(temp, start, by: 59).session(token: opened.token) != nil)
        #expect(try later(temp, start, by: 60).session(token: opened.token) == nil)
        #expect(try temp.count("SELECT COUNT(*) FROM account_session WHERE token_hash = '\(opened.token)'") == 0)
    }

    @Test(arguments: RegisterEngineKind.allCases) func auditRowsNameTheOperatingSystemUserOrTheAccount(_ kind: RegisterEngineKind) throws {
        let temp = try registerWithAccounts(on: kind)
        let secretary = try #require(try temp.register.accounts().first { $0.name == "bt.vp" })
        let scoped = ScopedRegister(temp.register, account: secretary, command: "POST /api/members")
        try scoped.addMember(Member(code: "DV3", fullName: "Lê Văn Cường", birthDate: day("2000-01-01"), gender: .male,
                                    education: .university, joinedOn: day("2018-01-01")), unitCode: "YT-VP")
        let rows = try temp.register.auditLog()
        #expect(rows.first { $0.memberCode == "DV3" }?.actor == "bt.vp")
        #expect(rows.first { $0.memberCode == "DV3" }?.command == "POST /api/members")
        #expect(rows.first { $0.memberCode == "DV1" }?.actor == Register.operatingSystemUser)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aSecretaryReadsAndWritesItsBranchOnly(_ kind: RegisterEngineKind) throws {
        let temp = try registerWithAccounts(on: kind)
        let secretary = ScopedRegister(temp.register, account: Account(name: "bt.vp", role: .secretary, unitCode: "YT-VP"), command: "test")
        #expect(try secretary.memberFacts("DV1").member.fullName == "Nguyễn Văn An")
        let outside = #expect(throws: AccessRefused.self) { try secretary.memberFacts("DV2") }
        #expect(outside?.reason == .outsideScope)
        #expect(outside?.message.en.contains("YT-VP") == true)
        #expect(throws: AccessRefused.self) { try secretary.members(MemberQuery(unitCode: "YT-BV", asOf: day("2026-11-22"))) }
        #expect(throws: AccessRefused.self) { try secretary.yearEndReport(unitCode: "YT", period: try ReportPeriod.year(2025)) }
        #expect(throws: AccessRefused.self) { try secretary.transferMember("DV1", to: "YT-BV", on: day("2026-01-01")) }
        #expect(try secretary.members(MemberQuery(asOf: day("2026-11-22"))).map(\.member.code) == ["DV1"])
        #expect(try secretary.unitTree(on: day("2026-11-22")).map(\.unit.code) == ["YT-VP"])
        #expect(try temp.count("SELECT COUNT(*) FROM membership_event") == 2)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aViewerReadsItsSubtreeAndWritesNothing(_ kind: RegisterEngineKind) throws {
        let temp = try registerWithAccounts(on: kind)
        let viewer = ScopedRegister(temp.register, account: Account(name: "xem.yt", role: .viewer, unitCode: "YT"), command: "test")
        #expect(try viewer.unitTree(on: day("2026-11-22")).map(\.unit.code) == ["YT", "YT-BV", "YT-VP"])
        #expect(try viewer.memberFacts("DV2").member.code == "DV2")
        let refused = #expect(throws: AccessRefused.self) {
            try viewer.transferMember("DV1", to: "YT-BV", on: day("2026-01-01"))
        }
        #expect(refused?.reason == .role)
        #expect(try temp.count("SELECT COUNT(*) FROM membership_event") == 2)
    }

    @Test(arguments: RegisterEngineKind.allCases) func aMemberWhoMovedOutIsOutsideTheOldBranch(_ kind: RegisterEngineKind) throws {
        let temp = try registerWithAccounts(on: kind)
        try temp.register.transferMember("DV1", to: "YT-BV", on: day("2026-02-01"))
        let secretary = ScopedRegister(temp.register, account: Account(name: "bt.vp", role: .secretary, unitCode: "YT-VP"), command: "test")
        #expect(throws: AccessRefused.self) { try secretary.memberFacts("DV1") }
    }
}
