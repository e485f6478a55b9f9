import Foundation
import PostgresTestSupport
import Testing

/// `sodoan grant ROLE`, end to end on the test cluster: what it gives (the server suites
/// then run as such a role), and the roles it refuses to pretend to restrain, writing nothing.
@Suite("sodoan grant: the servers' PostgreSQL role", .serialized)
struct GrantCommandTests {
    @Test func grantSaysWhatTheRoleMayDoInBothLanguagesAndMayBeRunAgain() throws {
        let register = try EngineRegister(.postgres)
        defer { register.cleanUp() }
        try register.makeSmallTree()
        let role = try PostgresTestCluster.shared().makeRole()
        let vi = try register.ok(["grant", role])
        #expect(vi.hasPrefix("Vai trò \(role) trên sổ \(register.location): đọc và ghi "))
        #expect(vi.contains("chỉ đọc và thêm dòng vào audit_log, không sửa, xoá được dòng nào; chỉ đọc grdb_migrations, register_info."))
        let en = try register.ok(["grant", role, "--lang", "en"])
        #expect(en.hasPrefix("The role \(role) on the register \(register.location): reads and writes "))
        #expect(en.hasSuffix("only reads and adds rows to audit_log, never changes or removes one; only reads grdb_migrations, register_info.\n"))
    }

    @Test func aMissingRoleASuperuserOrTheOwnerIsRefusedAndNothingIsGranted() throws {
        let register = try EngineRegister(.postgres)
        defer { register.cleanUp() }
        try register.makeSmallTree()
        let cluster = try PostgresTestCluster.shared()
        let before = try cluster.psql("postgres", "SELECT count(*) FROM pg_roles")
        for (role, vi, en) in [("khong_co", "không có vai trò khong_co; không cấp gì", "has no role khong_co; nothing was granted"),
                               (cluster.user, "là siêu người dùng, làm được mọi việc", "is a superuser, who can do anything")] {
            let refusedVi = try register.run(["grant", role])
            #expect(refusedVi.status == 65 && refusedVi.stderr.contains(vi), "\(role): \(refusedVi.stderr)")
            let refusedEn = try register.run(["grant", role, "--lang", "en"])
            #expect(refusedEn.status == 65 && refusedEn.stderr.contains(en), "\(role): \(refusedEn.stderr)")
        }
        #expect(try cluster.psql("postgres", "SELECT count(*) FROM pg_roles") == before)
        #expect(try cluster.psql(try #require(URL(string: register.location)?.lastPathComponent),
                                 "SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = 'khong_co'") == ["0"])
    }

    @Test func aRegisterFileIsRefusedItsAccessIsTheFilesPermissions() throws {
        let register = try EngineRegister(.file)
        defer { register.cleanUp() }
        try register.makeSmallTree()
        let before = try register.contents()
        let refused = try register.run(["grant", "sodoan_serve", "--lang", "en"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("who may read and write a register file is set by the file's permissions"))
        #expect(try register.contents() == before)
    }
}
