import Foundation
@testable import RegisterStore
import Testing
import UnionRegister

/// `member list --search` reads candidates from the trigram index (migration 3); the
/// results must be exactly those of the per-word LIKE conditions it narrows.
@Suite("Member name search index")
struct MemberSearchIndexTests {
    func codes(_ temp: TemporaryRegister, _ search: String) throws -> [String] {
        try temp.register.members(MemberQuery(search: search, asOf: today)).map(\.member.code).sorted()
    }

    @Test func partsOfWordsShortWordsAndCodesFindTheSameMembersAsLike() throws {
        let temp = try TemporaryRegister()
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

    @Test func eachWordNarrowsByItsFirstTrigramAndTheWholeWordsDecide() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Trần Minh Khoa", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV2", "Trần Minh Khôi", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV3", "Trương Minh Khoa", born: "1995-03-02", joined: "2015-03-26")
        try temp.addMember("DV4", "Lê Khoa Trâm", born: "1995-03-02", joined: "2015-03-26")
        // "khôi" has the trigram "kho" of "khoa" but not the word; "trương" has neither "tran" nor "tra".
        #expect(try codes(temp, "tran minh khoa") == ["DV1"])
        #expect(try codes(temp, "khoa minh") == ["DV1", "DV3"])
        #expect(try codes(temp, "khoa tra") == ["DV1", "DV4"])
        #expect(try codes(temp, "kho") == ["DV1", "DV2", "DV3", "DV4"])
        #expect(try codes(temp, "minh dv2") == ["DV2"])
        #expect(try codes(temp, "dv2") == ["DV2"])
    }

    @Test func theIndexFollowsNameChanges() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26")
        _ = try temp.register.updateMember("DV1") { $0.fullName = "Phạm Văn An" }
        #expect(try codes(temp, "pham") == ["DV1"])
        #expect(try codes(temp, "nguyen") == [])
        #expect(try temp.count("SELECT COUNT(*) FROM member_name_search WHERE member_name_search MATCH 'nguyen'") == 0)
    }

    @Test func aBulkImportIndexesItsMembersAndKeepsTheTriggerWhetherItSucceedsOrNot() throws {
        let temp = try TemporaryRegister()
        let header = "code,full_name,birth_date,gender,unit,joined_on,education\n"
        let good = temp.directory.appending(path: "good.csv").path
        try (header + "DV1,Trần Thị Thu Trang,1996-05-06,female,YT-VP,2016-03-26,university\n").write(toFile: good, atomically: true, encoding: .utf8)
        let bad = temp.directory.appending(path: "bad.csv").path
        try (header + "DV2,Lê Văn Bình,1996-05-06,male,XX,2016-03-26,university\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let trigger = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'member_name_search_insert'"
        #expect(throws: ImportRefused.self) { try temp.register.importFile(.members, from: bad, dryRun: false) }
        #expect(try temp.count(trigger) == 1)
        _ = try temp.register.importFile(.members, from: good, dryRun: false)
        #expect(try temp.count(trigger) == 1)
        #expect(try codes(temp, "thu tra") == ["DV1"])
        try temp.addMember("DV3", "Phạm Thu Hà", born: "1996-05-06", joined: "2016-03-26")
        #expect(try codes(temp, "thu") == ["DV1", "DV3"])
    }
}
