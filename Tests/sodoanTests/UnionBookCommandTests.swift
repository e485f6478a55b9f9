import Foundation
import PostgresTestSupport
import Testing

@Suite("sodoan member: the Union book's profile, end to end", .serialized)
struct UnionBookCommandTests {
    /// The small tree with DV001 in YT-VP, profile given in Vietnamese.
    func registerWithProfile(_ kind: RegisterEngineKind = .file) throws -> CLI {
        let cli = try CLI(kind)
        try cli.makeSmallTree()
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Hoàng Thị Mai", "--born", "2000-05-10", "--gender", "Nữ",
                    "--code", "DV001", "--joined", "2016-03-26", "--education", "Đại học", "--ethnicity", "tay",
                    "--religion", "Phật giáo", "--qualification", "Kỹ sư  xây dựng", "--theory", "Sơ cấp",
                    "--member-id", "TW-000123"])
        return cli
    }

    @Test(arguments: RegisterEngineKind.allCases) func addAndShowTheWholeUnionBookPage(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithProfile(kind)
        defer { cli.cleanUp() }
        let show = try cli.ok(["member", "show", "DV001"])
        #expect(show.contains("Dân tộc         Tày"))
        #expect(show.contains("Tôn giáo        Phật giáo"))
        #expect(show.contains("Chuyên môn      Kỹ sư xây dựng"))
        #expect(show.contains("Lý luận chính trị Sơ cấp"))
        #expect(show.contains("TW-000123"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["member", "show", "DV001", "--format", "json"]).utf8)) as? [String: Any])
        #expect(json["ethnicity"] as? String == "tay")
        #expect(json["religion"] as? String == "Phật giáo")
        #expect(json["qualification"] as? String == "Kỹ sư xây dựng")
        #expect(json["theory"] as? String == "elementary")
        #expect(json["central_id"] as? String == "TW-000123")
        // A recorded theory course takes over from the entered level.
        try cli.ok(["training", "add", "DV001", "--kind", "theory-intermediate", "--completed", "2024-06-30"])
        let after = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["member", "show", "DV001", "--format", "json"]).utf8)) as? [String: Any])
        #expect(after["theory"] as? String == "intermediate")
        #expect(after["theory_entered"] as? String == "elementary")
        #expect(try cli.ok(["member", "show", "DV001", "--lang", "en"]).contains("intermediate (from the recorded courses)"))
    }

    @Test(arguments: RegisterEngineKind.allCases) func anUnknownEthnicGroupIsRefusedWithTheNearestNamesAndChangesNothing(_ kind: RegisterEngineKind) throws {
        let cli = try registerWithProfile(kind)
        defer { cli.cleanUp() }
        let stderr = try cli.refusedLeavingNoTrace(["member", "update", "DV001", "--ethnicity", "Muong x", "--lang", "en"], status: 65)
        #expect(stderr.contains("Nearest: Mường"))
        try cli.ok(["member", "add", "--unit", "TC", "--name", "Lê Văn Bình", "--born", "2001-01-01", "--gender", "Nam",
                    "--code", "DV002", "--joined", "2017-01-01", "--education", "Đại học"])
        let taken = try cli.refusedLeavingNoTrace(["member", "update", "DV002", "--member-id", "TW-000123", "--lang", "en"], status: 65)
        #expect(taken.contains("already belongs to member DV001"))
        try cli.ok(["member", "update", "DV001", "--religion", "Không", "--ethnicity", ""])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.ok(["member", "show", "DV001", "--format", "json"]).utf8)) as? [String: Any])
        #expect(json["religion"] as? String == "none")
        #expect(json["ethnicity"] == nil)
    }

    @Test(arguments: RegisterEngineKind.allCases) func importReadsTheVietnameseHeadersAndExportKeepsEthnicityAndReligionPersonal(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let path = try cli.file("members.csv", """
            Số thẻ,Họ và tên,Ngày sinh,Giới tính,Chi đoàn,Ngày vào Đoàn,Trình độ,Dân tộc,Tôn giáo,Trình độ chuyên môn,Lý luận chính trị,Mã định danh đoàn viên
            DV001,Hoàng Thị Mai,2000-05-10,Nữ,YT-VP,2016-03-26,Đại học,Ê-đê,Công giáo,Cử nhân luật,Trung cấp,TW-1
            DV002,Lê Văn Bình,2001-01-01,Nam,TC,2017-01-01,Đại học,Kinh,Không,,,

            """)
        try cli.ok(["import", "members", path])
        let plain = try cli.ok(["export", "members"])
        let header = plain.split(separator: "\n")[0]
        #expect(!header.contains("ethnicity") && !header.contains("religion"))
        #expect(header.hasSuffix("qualification,theory,central_id"))
        #expect(plain.contains("Cử nhân luật,intermediate,TW-1"))
        let personal = try cli.ok(["export", "members", "--include-personal"])
        #expect(personal.contains("e-de,Công giáo,Cử nhân luật,intermediate,TW-1"))
        #expect(personal.contains("kinh,none,,,"))
        // Back in unchanged.
        #expect(try cli.ok(["import", "members", try cli.file("again.csv", personal), "--lang", "en"]).contains("0 updated, 2 unchanged"))
        // A bad cell names its line and column.
        let bad = try cli.file("bad.csv", "code,full_name,birth_date,gender,unit,joined_on,education,ethnicity\nDV003,Lê An,2001-01-01,Nam,TC,2017-01-01,Đại học,Kihn\n")
        let refused = try cli.refusedLeavingNoTrace(["import", "members", bad, "--lang", "en"], status: 65)
        #expect(refused.contains("2") && refused.contains("ethnicity") && refused.contains("Nearest: Kinh"))
    }

    @Test func checkFindsAProfileValueChangedBehindTheProgramsBack() throws {
        let cli = try registerWithProfile()
        defer { cli.cleanUp() }
        try cli.tamper("UPDATE member SET ethnicity = 'martian', theory_level = 'expert'")
        let check = try cli.run(["check", "--lang", "en"])
        #expect(check.status != 0)
        #expect(check.stdout.contains("member.ethnicity is \"martian\""))
        #expect(check.stdout.contains("member.theory_level is \"expert\""))
    }
}
