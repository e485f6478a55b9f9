import Foundation
import PostgresTestSupport
@testable import RegisterStore
import Testing
import UnionRegister

/// `member list --search` reads candidates from the word index of the names (migration
/// 15); the results must be exactly those of the per-word LIKE conditions it narrows, and
/// the index must equal a rebuild from the names whatever wrote them.
@Suite("Member name search index", .serialized)
struct MemberSearchIndexTests {
    func codes(_ temp: TemporaryRegister, _ search: String) throws -> [String] {
        try temp.register.members(MemberQuery(search: search, asOf: today)).map(\.member.code).sorted()
    }

    /// The index's rows: (word, member code, stored folded name) and (word, members).
    func index(_ register: Register) throws -> (words: [String], counts: [String]) {
        try register.readSQL { db in
            func texts(_ sql: String) throws -> [String] { try db.rows(sql, .none).map { try $0.text("line") } }
            return (try texts("""
                SELECT w.word || ' ' || m.code || ' ' || w.search_name AS line FROM member_word w JOIN member m ON m.id = w.member_id ORDER BY 1
                """),
                    try texts("SELECT word || ' ' || members AS line FROM name_word ORDER BY word"))
        }
    }

    func expectRebuilt(_ register: Register, _ comment: Comment) throws {
        #expect(try register.readSQL { db in try MemberWordTable.wrongRows(in: db) } == 0, comment)
    }

    @Test(arguments: RegisterEngineKind.allCases) func partsOfWordsShortWordsAndCodesFindTheSameMembersAsLike(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV2", "Trần Thị Thu Trang", born: "1996-05-06", joined: "2016-03-26")
        try temp.addMember("Ab-7", "Lê Anh", born: "1996-05-06", joined: "2016-03-26")
        #expect(try codes(temp, "uyê") == ["DV1"])
        #expect(try codes(temp, "TRAN") == ["DV2"])
        #expect(try codes(temp, "an") == ["Ab-7", "DV1", "DV2"])
        #expect(try codes(temp, "thu an") == ["DV2"])
        #expect(try codes(temp, "ab-7") == ["Ab-7"])
        #expect(try codes(temp, "nguyen trang") == [])
        #expect(SchemaMigrations.identifiers.contains("3 member name search index"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func eachWordNarrowsByItsFirstTrigramAndTheWholeWordsDecide(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Trần Minh Khoa", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV2", "Trần Minh Khôi", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV3", "Trương Minh Khoa", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV4", "Lê Khoa Trâm", born: "1995-03-02", joined: "2015-03-26")
        // "khôi" starts as "khoa" does but is not it; "trương" has neither "tran" nor "tra".
        #expect(try codes(temp, "tran minh khoa") == ["DV1"])
        #expect(try codes(temp, "khoa minh") == ["DV1", "DV3"])
        #expect(try codes(temp, "khoa tra") == ["DV1", "DV4"])
        #expect(try codes(temp, "kho") == ["DV1", "DV2", "DV3", "DV4"])
        #expect(try codes(temp, "minh dv2") == ["DV2"])
        #expect(try codes(temp, "dv2") == ["DV2"])
    }

    @Test(arguments: RegisterEngineKind.allCases) func theIndexFollowsNameChanges(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26")
        _ = try temp.register.updateMember("DV1") { $0.fullName = "Phạm Văn An" }
        #expect(try codes(temp, "pham") == ["DV1"])
        #expect(try codes(temp, "nguyen") == [])
        #expect(try temp.count("SELECT COUNT(*) FROM member_word WHERE word = 'nguyen'") == 0)
        #expect(try temp.count("SELECT COUNT(*) FROM name_word WHERE word = 'nguyen'") == 0)
    }

    @Test func aBulkImportIndexesItsMembersAndKeepsTheTriggerWhetherItSucceedsOrNot() throws {
        let temp = try TemporaryRegister()
        let header = "code,full_name,birth_date,gender,unit,joined_on,education\n"
        let good = temp.directory.appending(path: "good.csv").path
        try (header + "DV1,Trần Thị Thu Trang,1996-05-06,female,YT-VP,2016-03-26,university\n").write(toFile: good, atomically: true, encoding: .utf8)
        let bad = temp.directory.appending(path: "bad.csv").path
        try (header + "DV2,Lê Văn Bình,1996-05-06,male,XX,2016-03-26,university\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let trigger = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'member_word_insert'"
        #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: bad, dryRun: false) }
        #expect(try temp.count(trigger) == 1)
        _ = try temp.register.importFile(.members, from: good, dryRun: false)
        #expect(try temp.count(trigger) == 1)
        #expect(try codes(temp, "thu tra") == ["DV1"])
        try temp.addMember("DV3", "Phạm Thu Hà", born: "1996-05-06", joined: "2016-03-26")
        #expect(try codes(temp, "thu") == ["DV1", "DV3"])
        try expectRebuilt(temp.register, "after an import and an addition")
    }

    /// The bulk build after an import keeps each member's distinct words once, as the
    /// triggers do, both into an empty register (counts read from the new rows) and into
    /// one with members (counts added to the words already there).
    @Test(arguments: RegisterEngineKind.allCases) func aBulkImportKeepsEachMembersDistinctWordsIntoAnEmptyRegisterAndIntoAFullOne(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        let header = "code,full_name,birth_date,gender,unit,joined_on,education\n"
        let first = temp.directory.appending(path: "first.csv").path
        try (header + "DV1,Nguyễn Nguyễn An,1995-03-02,male,YT-VP,2015-03-26,university\n"
                    + "DV2,Trần Thị An,1996-05-06,female,YT-VP,2016-03-26,university\n").write(toFile: first, atomically: true, encoding: .utf8)
        _ = try temp.register.importFile(.members, from: first, dryRun: false)
        #expect(try index(temp.register).words == [
            "an DV1 nguyen nguyen an", "an DV2 tran thi an", "nguyen DV1 nguyen nguyen an", "thi DV2 tran thi an", "tran DV2 tran thi an",
        ])
        #expect(try index(temp.register).counts == ["an 2", "nguyen 1", "thi 1", "tran 1"])
        let second = temp.directory.appending(path: "second.csv").path
        try (header + "DV3,Lê Lê Bình,1995-03-02,male,YT-VP,2015-03-26,university\n"
                    + "DV4,Nguyễn Văn Bình,1996-05-06,male,YT-VP,2016-03-26,university\n").write(toFile: second, atomically: true, encoding: .utf8)
        _ = try temp.register.importFile(.members, from: second, dryRun: false)
        #expect(try index(temp.register).counts == ["an 2", "binh 2", "le 1", "nguyen 2", "thi 1", "tran 1", "van 1"])
        #expect(try codes(temp, "nguyen") == ["DV1", "DV4"])
        try expectRebuilt(temp.register, "after a load into an empty register and an import into a full one")
    }

    @Test(arguments: RegisterEngineKind.allCases) func theTriggersKeepEachMembersDistinctWordsWithTheNameAndTheirCounts(_ kind: RegisterEngineKind) throws {
        let temp = try TemporaryRegister(on: kind)
        try temp.addMember("DV1", "Nguyễn Nguyễn An", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV2", "Trần Thị An", born: "1996-05-06", joined: "2016-03-26")
        #expect(try index(temp.register).words == [
            "an DV1 nguyen nguyen an", "an DV2 tran thi an", "nguyen DV1 nguyen nguyen an", "thi DV2 tran thi an", "tran DV2 tran thi an",
        ])
        #expect(try index(temp.register).counts == ["an 2", "nguyen 1", "thi 1", "tran 1"])
        _ = try temp.register.updateMember("DV1") { $0.fullName = "Phạm Văn An" }
        #expect(try index(temp.register).words == [
            "an DV1 pham van an", "an DV2 tran thi an", "pham DV1 pham van an", "thi DV2 tran thi an", "tran DV2 tran thi an", "van DV1 pham van an",
        ])
        #expect(try index(temp.register).counts == ["an 2", "pham 1", "thi 1", "tran 1", "van 1"])
        _ = try temp.register.updateMember("DV1") { $0.phone = "0912345678" }
        #expect(try index(temp.register).counts == ["an 2", "pham 1", "thi 1", "tran 1", "van 1"])
        // Written behind sodoan's back, with a quote and a backslash in a name: the triggers still follow.
        let byte = kind == .file ? "x'00'" : "'\\x00'::bytea"
        try temp.tamper("""
            INSERT INTO member (code, full_name, search_name, sort_key, birth_date, gender, education, joined_on)
            VALUES ('DV3', 'Lê An', 'le an', \(byte), '1995-03-02', 'male', 'university', '2015-03-26');
            UPDATE member SET search_name = 'tran "q\\ an' WHERE code = 'DV2'
            """)
        #expect(try index(temp.register).counts == ["\"q\\ 1", "an 3", "le 1", "pham 1", "tran 1", "van 1"])
        try temp.tamper("DELETE FROM member WHERE code = 'DV3'")
        #expect(try index(temp.register).words == [
            "\"q\\ DV2 tran \"q\\ an", "an DV1 pham van an", "an DV2 tran \"q\\ an", "pham DV1 pham van an", "tran DV2 tran \"q\\ an",
            "van DV1 pham van an",
        ])
        #expect(try index(temp.register).counts == ["\"q\\ 1", "an 2", "pham 1", "tran 1", "van 1"])
        try expectRebuilt(temp.register, "after commands and hand-written SQL")
    }

    @Test func anOlderRegisterGetsTheIndexOnMigrationAndLosesTheTrigramIndex() throws {
        let old = try OlderRegister(upTo: "13 unit grades and policy in time", rows: """
            INSERT INTO member (code, full_name, search_name, sort_key, birth_date, gender, education, joined_on) VALUES
                ('DV1', 'Trần Minh Khoa', 'tran minh khoa', x'00', '1995-03-02', 'male', 'university', '2015-03-26'),
                ('DV2', 'Lê Khoa', 'le khoa', x'00', '1995-03-02', 'male', 'university', '2015-03-26');
            """)
        let register = try Register.open(at: old.path, command: "test", clock: .fixed(today: today))
        #expect(try register.appliedMigrations().contains("15 member name words"))
        #expect(try index(register).counts == ["khoa 2", "le 1", "minh 1", "tran 1"])
        try expectRebuilt(register, "after the migration")
        #expect(try register.read { db in try db.tableExists("member_name_search") } == false)
    }

    @Test(arguments: RegisterEngineKind.allCases) func checkFindsAWordRowMissingOrWrongAndACountChanged(_ kind: RegisterEngineKind) throws {
        for damage in ["DELETE FROM member_word WHERE word = 'khoa'",
                       "UPDATE member_word SET search_name = 'tran minh' WHERE word = 'tran'",
                       "UPDATE name_word SET members = 5 WHERE word = 'minh'",
                       "INSERT INTO name_word (word, members) VALUES ('binh', 1)"] {
            let temp = try TemporaryRegister(on: kind)
            try temp.addMember("DV1", "Trần Minh Khoa", born: "1995-03-02", joined: "2015-03-26")
            #expect(try !temp.register.check().contains { $0.code == "name-words" })
            try temp.tamper(damage)
            #expect(try temp.register.check().contains { $0.code == "name-words" && $0.severity == .error }, "\(damage)")
        }
    }

    @Test func aSearchReadsTheRangeOfItsRarestWordNotTheMembers() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Trần Minh Khoa", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV2", "Trần Minh Tuấn", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV3", "Trần Văn Minh", born: "1995-03-02", joined: "2015-03-26")
        var found: [String] = []
        let sql = try QueryPlans.statements(temp) { found = try codes(temp, "tran minh khoa") }
        #expect(found == ["DV1"])
        let search = try #require(sql.first { $0.contains("member_word") })
        #expect(search.contains("LIKE '%khoa%'"), "the rarest word starts the search: \(search)")
        let plan = try QueryPlans.plan(temp, search)
        #expect(plan.contains { $0.hasPrefix("SEARCH w USING PRIMARY KEY (word=?)") }, "\(plan)")
        // The dictionary of distinct words is read whole; it grows with the names' variety, not the members.
        #expect(try QueryPlans.scans(temp, search).filter { !$0.hasPrefix("SCAN name_word") } == [], "\(plan)")
    }
}
