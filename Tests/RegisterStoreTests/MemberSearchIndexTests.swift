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
        #expect(SchemaMigrations.identifiers.last == "3 member name search index")
    }

    @Test func theIndexFollowsNameChanges() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26")
        _ = try temp.register.updateMember("DV1", today: today) { $0.fullName = "Phạm Văn An" }
        #expect(try codes(temp, "pham") == ["DV1"])
        #expect(try codes(temp, "nguyen") == [])
        #expect(try temp.count("SELECT COUNT(*) FROM member_name_search WHERE member_name_search MATCH 'nguyen'") == 0)
    }
}
