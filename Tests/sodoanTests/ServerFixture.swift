import Foundation
import PostgresTestSupport
import Testing

/// A register for the server's tests, made with the CLI on either engine: the small tree
/// (DK → YT → YT-VP, YT-BV; DK → TC), a member in each of YT-VP, YT-BV and TC, and one
/// account per role: `office.yt` (office of YT), `bt.vp` (secretary of YT-VP), `xem.vp`
/// (viewer of YT-VP). The member inside every account's subtree is DV-VP; DV-TC is outside
/// all of them.
struct ServerFixture {
    static let password = "thông-reo-2024!"
    static let accounts = [("office.yt", "office", "YT"), ("bt.vp", "secretary", "YT-VP"), ("xem.vp", "viewer", "YT-VP")]
    let register: EngineRegister
    var cli: CLI { register.cli }

    init(_ kind: RegisterEngineKind = .file) throws {
        register = try EngineRegister(kind)
        try register.makeSmallTree()
        for (code, unit, name) in [("DV-VP", "YT-VP", "Nguyễn Văn An"), ("DV-BV", "YT-BV", "Trần Thị Bình"), ("DV-TC", "TC", "Lê Văn Cường")] {
            try register.ok(["member", "add", "--unit", unit, "--code", code, "--name", name, "--born", "1998-03-10",
                             "--gender", "male", "--joined", "2016-01-01", "--education", "university"])
        }
        for (name, role, unit) in Self.accounts {
            try register.ok(["user", "add", name, "--role", role, "--unit", unit, "--password-stdin"], stdin: Self.password + "\n")
        }
    }

    /// `sodoan serve` over the register; on PostgreSQL as a role of its own that holds only
    /// what `sodoan grant` gives.
    func serve() throws -> ServerProcess {
        try ServerProcess(cli, db: register.serverLocation(), environment: register.environment)
    }

    func cleanUp() { register.cleanUp() }
}
