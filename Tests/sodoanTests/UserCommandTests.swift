import Foundation
import PostgresTestSupport
import Testing

/// On both engines: the accounts, and the sessions the server keeps with them, live in the
/// register, a file or a PostgreSQL database.
@Suite("sodoan user: accounts of the web interface, on a file and on PostgreSQL", .serialized)
struct UserCommandTests {
    @Test(arguments: RegisterEngineKind.allCases)
    func addListPasswdAndDisable(_ kind: RegisterEngineKind) throws {
        let cli = try EngineRegister(kind)
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

    @Test(arguments: RegisterEngineKind.allCases)
    func aWeakPasswordAnUnknownUnitOrNoTerminalIsRefusedAndWritesNothing(_ kind: RegisterEngineKind) throws {
        let cli = try EngineRegister(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let before = try cli.contents()
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
        #expect(try cli.contents() == before, "a refusal wrote")

        try cli.ok(["user", "add", "bt.vp", "--role", "viewer", "--unit", "TC", "--password-stdin"], stdin: "một-mật-khẩu-dài\n")
        let afterOne = try cli.contents()
        let again = try cli.run(["user", "add", "bt.vp", "--role", "viewer", "--unit", "TC", "--password-stdin", "--lang", "en"], stdin: "một-mật-khẩu-dài\n")
        #expect(again.status == 65 && again.stderr == "Error: The account bt.vp already exists.\nChoose another name.\n", "\(again.stderr)")
        let nobody = try cli.run(["user", "passwd", "nobody", "--password-stdin"], stdin: "một-mật-khẩu-dài\n")
        #expect(nobody.status == 65 && nobody.stderr == "Lỗi: Không có tài khoản nobody.\nXem các tài khoản bằng `sodoan user list`.\n", "\(nobody.stderr)")
        #expect(try cli.run(["user", "disable", "nobody"]).status == 65)
        #expect(try cli.contents() == afterOne, "a refusal wrote")
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func commandLineWritesNameTheOperatingSystemUser(_ kind: RegisterEngineKind) throws {
        let cli = try EngineRegister(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let log = try #require(try JSONSerialization.jsonObject(with: Data(cli.ok(["log", "--format", "json"]).utf8)) as? [[String: Any]])
        let user = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        #expect(!log.isEmpty && log.allSatisfy { $0["actor"] as? String == user })
    }
}
