import Foundation
import GRDB
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("A load into an empty register builds its indexes at the end")
struct DeferredIndexTests {
    func indexes(_ temp: TemporaryRegister) throws -> [String] {
        try temp.register.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
    }

    @Test func everyIndexIsBackAfterALoadAndAfterARefusedOne() throws {
        let temp = try TemporaryRegister()
        let before = try indexes(temp)
        #expect(before.contains { $0.contains("member_sort") })
        let bad = temp.directory.appending(path: "bad.csv").path
        try "code,full_name,birth_date,gender,unit,joined_on,education\nDV1,Bé Tí,2015-01-01,male,YT-VP,2020-01-01,primary\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: bad, dryRun: false) }
        #expect(try indexes(temp) == before)

        let good = temp.directory.appending(path: "good.csv").path
        try "code,full_name,birth_date,gender,unit,joined_on,education\nDV1,Lê Văn An,1995-01-01,male,YT-VP,2015-06-01,university\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        _ = try temp.register.importFile(.members, from: good, dryRun: false)
        #expect(try indexes(temp) == before)
        // The rebuilt indexes hold the loaded rows: the sorted list and the search use them.
        #expect(try temp.register.members(MemberQuery(search: "le van", asOf: today)).map(\.member.code) == ["DV1"])
        #expect(try temp.register.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
    }
}
