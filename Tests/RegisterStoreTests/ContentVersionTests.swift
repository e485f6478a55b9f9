import Foundation
import GRDB
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("The fingerprint is kept for a content version", .serialized)
struct ContentVersionTests {
    func state(_ temp: TemporaryRegister) throws -> (version: Int64, keptFor: Int64?) {
        try temp.register.readSQL { db in
            let row = try #require(try db.row("SELECT version, fingerprint_version FROM content_version"))
            return (try row.integer("version"), try row.optionalInteger("fingerprint_version"))
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func computedOnceThenKeptUntilTheContentChanges(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        let first = try temp.register.fingerprint()
        let version = try state(temp).version
        #expect(try state(temp).keptFor == version)
        #expect(try temp.register.fingerprint() == first)
        #expect(try state(temp).version == version)
        #expect(try temp.register.readSQL { db in try Fingerprint.compute(in: db) } == first)
    }

    @Test(arguments: RegisterEngineKind.allCases) func anyChangeToTheContentMovesTheVersionEvenByHand(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1994-01-01", joined: "2015-06-01")
        let before = try temp.register.fingerprint()
        // As if edited in the sqlite3 shell or psql: no sodoan code involved.
        try temp.tamper("UPDATE member SET birth_date = '1994-01-02'")
        let after = try temp.register.fingerprint()
        #expect(after != before)
        #expect(after == (try temp.register.readSQL { db in try Fingerprint.compute(in: db) }))
    }

    @Test func importsSuspendTheTriggersAndPutThemBack() throws {
        let temp = try TemporaryRegister()
        func triggers() throws -> Int {
            try temp.count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'content_version_*'")
        }
        let all = try triggers()
        // Three per hashed table of migration 4, those of the dues (migration 10), of the
        // unit changes (migration 11), of the offices (migration 12) and of the unit
        // grades (migration 13).
        #expect(all == 24 + 13 + 3 + 3 + 3)
        let version = try state(temp).version
        let good = temp.directory.appending(path: "members.csv").path
        try """
            code,full_name,birth_date,gender,unit,joined_on,education
            DV1,Nguyễn Văn An,1994-01-01,male,YT-VP,2015-06-01,university
            DV2,Lê Thị Bình,1995-01-01,female,YT-VP,2015-06-01,university
            """.write(toFile: good, atomically: true, encoding: .utf8)
        _ = try temp.register.importFile(.members, from: good, dryRun: false)
        #expect(try triggers() == all)
        #expect(try state(temp).version == version + 1)

        let bad = temp.directory.appending(path: "bad.csv").path
        try "code,full_name,birth_date,gender,unit,joined_on,education\nDV3,Bé Tí,2015-01-01,male,YT-VP,2020-01-01,primary\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: bad, dryRun: false) }
        #expect(try triggers() == all)
        #expect(try state(temp).version == version + 1)
    }
}
