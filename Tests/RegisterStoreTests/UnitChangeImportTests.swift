import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// `import unit-changes`: each bad row is reported at its line and column, and a file with
/// any bad row writes nothing.
@Suite(.serialized) struct UnitChangeImportTests {
    @Test(arguments: RegisterEngineKind.allCases) func everyBadChangeRowIsReportedAtItsCellAndNothingIsWritten(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister.reorganisationScenario(on: kind)
        let audits = try temp.count("SELECT COUNT(*) FROM audit_log")
        let path = temp.directory.appending(path: "unit-changes.csv").path
        try """
            change,on,unit,old_name,new_name,old_parent,new_parent,into
            renamed,2020-03-01,YT-VP,Chi đoàn Hành chính,Chi đoàn Văn thư,,,
            renamed,2020-03-01,YT-BV,Chi đoàn Bệnh viện,Chi đoàn Khám bệnh,,,
            moved,2020-09-01,SG,,SG1,,SG1,
            merged,2020-06-01,DN,,,,,DK
            renamed,2020-03-01,XX,,Chi đoàn Mới,,,
            split,2020-10-01,NB,,,,,
            moved,2020-13-01,SG,,,DK,NB,
            reshaped,2020-10-01,YT,,,,,
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try #require(throws: ImportRefused.self) { try temp.register.importFile(.unitChanges, from: path, dryRun: false) }
        #expect(refused.report.problems.map { "\($0.line) \($0.column ?? "")" }
                == ["2 old_name", "4 new_parent", "5 on", "6 unit", "7 unit", "8 on", "9 change"])
        #expect(refused.report.problems.allSatisfy { $0.file == path })
        #expect(try temp.count("SELECT COUNT(*) FROM unit_change") == 0)
        #expect(try temp.count("SELECT COUNT(*) FROM audit_log") == audits)
        #expect(try temp.register.unit("YT-BV").name == "Chi đoàn Bệnh viện")
    }
}
