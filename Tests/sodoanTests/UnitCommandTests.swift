import Foundation
import PostgresTestSupport
import Testing

@Suite("sodoan init and unit, end to end", .serialized)
struct UnitCommandTests {
    @Test func initCreatesAnOwnerOnlyRegisterWithItsRootUnit() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok(["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK"])
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.db)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let list = try cli.ok(["unit", "list", "--format", "csv"])
        #expect(list.contains("DK,Đoàn Khối các cơ quan tỉnh,bloc,"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func initRefusesToOverwriteAnExistingRegister(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.ok(["init", "--name", "A", "--code", "DK"])
        let before = try cli.registerBytes()
        let again = try cli.run(["init", "--name", "B", "--code", "DK"])
        #expect(again.status == 65)
        #expect(try cli.registerBytes() == before)
    }

    @Test func sodoanDBEnvironmentChoosesTheFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["init", "--name", "A", "--code", "DK"], useDB: false, environment: ["SODOAN_DB": cli.db])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.db))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aMissingRegisterExits66(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        let result = try cli.run(["unit", "list"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("sodoan init"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func aBranchCannotSitDirectlyUnderTheBlocAndNothingChanges(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let before = try cli.registerBytes()
        let result = try cli.run(["unit", "add", "X", "--name", "X", "--kind", "branch", "--parent", "DK"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unit-parent"))
        #expect(try cli.registerBytes() == before)
    }

    @Test(arguments: RegisterEngineKind.allCases) func treeListShowsStructuralWarnings(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let tree = try cli.ok(["unit", "list", "--tree", "--lang", "en"])
        #expect(tree.contains("  YT "))
        #expect(tree.contains("    YT-VP"))
        #expect(tree.contains("Grassroots union YT has 0 members (at least 30 needed)"))
        #expect(tree.contains("Branch YT-VP has 0 members (at least 3 needed)"))
    }
}
