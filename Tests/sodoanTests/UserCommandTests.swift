import Foundation
import Testing

@Suite("sodoan user: accounts of the web interface")
struct UserCommandTests {
    @Test func addListPasswdAndDisable() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let added = try cli.run(["user", "add", "bt.vp", "--role", "secretary", "--unit", "YT-VP", "--password-stdin"],
                                stdin: "một-mật-khẩu-dài\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Đã tạo tài khoản bt.vp (bí thư, YT-VP)."))
        let listed = try cli.ok(["user", "list", "--format", "json"])
        #expect(listed == """
            [
              {
                "disabled" : false,
                "name" : "bt.vp",
                "role" : "secretary",
                "unit" : "YT-VP"
              }
            ]

            """)
        #expect(try cli.run(["user", "passwd", "bt.vp", "--password-stdin", "--lang", "en"], stdin: "another-long-one\n").stdout
                .contains("Changed the password of bt.vp"))
        #expect(try cli.ok(["user", "disable", "bt.vp"]).contains("Đã khóa tài khoản bt.vp."))
        #expect(try cli.ok(["user", "list"]).contains("đã khóa"))
        let log = try cli.ok(["log", "--format", "csv"])
        #expect(log.contains("user.add") && log.contains("user.passwd") && log.contains("user.disable"))
        #expect(!log.contains("một-mật-khẩu-dài") && !log.contains("another-long-one"))
    }

    @Test func aWeakPasswordAnUnknownUnitOrNoTerminalIsRefusedAndWritesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let before = try cli.ok(["log", "--format", "csv"])
        let weak = try cli.run(["user", "add", "bt.vp", "--role", "secretary", "--unit", "YT-VP", "--password-stdin"], stdin: "123456\n")
        #expect(weak.status == 1)
        #expect(weak.stderr.contains("[password-strength]") && weak.stderr.contains("6 ký tự"))
        let unknown = try cli.run(["user", "add", "bt.x", "--role", "secretary", "--unit", "NOPE", "--password-stdin"], stdin: "một-mật-khẩu-dài\n")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("NOPE"))
        let noTerminal = try cli.run(["user", "add", "bt.vp", "--role", "secretary", "--unit", "YT-VP"])
        #expect(noTerminal.status == 64)
        #expect(noTerminal.stderr.contains("--password-stdin"))
        let badRole = try cli.run(["user", "add", "bt.vp", "--role", "boss", "--unit", "YT-VP", "--password-stdin"], stdin: "một-mật-khẩu-dài\n")
        #expect(badRole.status == 64)
        #expect(try cli.ok(["log", "--format", "csv"]) == before)
        #expect(try cli.run(["user", "passwd", "nobody", "--password-stdin"], stdin: "một-mật-khẩu-dài\n").status == 65)
    }

    @Test func commandLineWritesNameTheOperatingSystemUser() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let log = try #require(try JSONSerialization.jsonObject(with: Data(cli.ok(["log", "--format", "json"]).utf8)) as? [[String: Any]])
        let user = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        #expect(!log.isEmpty && log.allSatisfy { $0["actor"] as? String == user })
    }
}
