import Foundation
import Testing

@Suite("sodoan init and unit, end to end")
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

    @Test func initRefusesToOverwriteAnExistingRegister() throws {
        let cli = try CLI()
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

    @Test func aMissingRegisterExits66() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["unit", "list"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("sodoan init"))
    }

    @Test func aBranchCannotSitDirectlyUnderTheBlocAndNothingChanges() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let before = try cli.registerBytes()
        let result = try cli.run(["unit", "add", "X", "--name", "X", "--kind", "branch", "--parent", "DK"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unit-parent"))
        #expect(try cli.registerBytes() == before)
    }

    @Test func treeListShowsStructuralWarnings() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let tree = try cli.ok(["unit", "list", "--tree", "--lang", "en"])
        #expect(tree.contains("  YT "))
        #expect(tree.contains("    YT-VP"))
        #expect(tree.contains("Grassroots union YT has 0 members (at least 30 needed)"))
        #expect(tree.contains("Branch YT-VP has 0 members (at least 3 needed)"))
    }
}
