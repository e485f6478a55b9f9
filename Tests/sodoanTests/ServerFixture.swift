import Foundation
import Testing

/// A register for the server's tests, made with the CLI: the small tree (DK → YT → YT-VP,
/// YT-BV; DK → TC), a member in each of YT-VP, YT-BV and TC, and one account per role:
/// `office.yt` (office of YT), `bt.vp` (secretary of YT-VP), `xem.vp` (viewer of YT-VP).
/// The member inside every account's subtree is DV-VP; DV-TC is outside all of them.
struct ServerFixture {
    static let password = "thông-reo-2024!"
    static let accounts = [("office.yt", "office", "YT"), ("bt.vp", "secretary", "YT-VP"), ("xem.vp", "viewer", "YT-VP")]
    let cli: CLI

    init() throws {
        cli = try CLI()
        try cli.makeSmallTree()
        for (code, unit, name) in [("DV-VP", "YT-VP", "Nguyễn Văn An"), ("DV-BV", "YT-BV", "Trần Thị Bình"), ("DV-TC", "TC", "Lê Văn Cường")] {
            try cli.ok(["member", "add", "--unit", unit, "--code", code, "--name", name, "--born", "1998-03-10",
                        "--gender", "male", "--joined", "2016-01-01", "--education", "university"])
        }
        for (name, role, unit) in Self.accounts {
            let result = try cli.run(["user", "add", name, "--role", role, "--unit", unit, "--password-stdin"], stdin: Self.password + "\n")
            #expect(result.status == 0, "user add \(name): \(result.stderr)")
        }
    }
}
