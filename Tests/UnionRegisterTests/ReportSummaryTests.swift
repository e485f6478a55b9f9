import Testing
import UnionRegister

@Suite("The conference summary: Vietnamese numbers, sentences from the figures, comparisons")
struct ReportSummaryTests {
    @Test func numbersReadTheVietnameseWayAndTheEnglishWay() {
        #expect(Numerals.count(3_250, .vi) == "3.250")
        #expect(Numerals.count(3_250, .en) == "3,250")
        #expect(Numerals.count(999, .vi) == "999")
        #expect(Numerals.count(1_000_000, .vi) == "1.000.000")
        #expect(Numerals.share(Percentage(1, of: 8)!, .vi) == "12,5 %")
        #expect(Numerals.share(Percentage(1, of: 8)!, .en) == "12.5%")
        #expect(Numerals.share(Percentage(1, of: 1)!, .vi) == "100,0 %")
    }

    func report(_ year: Int, members: Int, toClass: Int, sinceAdmitted: Int, excellent: Int = 0) -> YearEndReport {
        let bloc = Unit(code: "DK", name: "Đoàn Khối các cơ quan tỉnh", kind: .bloc, parentCode: nil, openedOn: d("2015-01-01"))
        var root = UnitFigures(unit: bloc)
        for (code, kind) in [("A", UnitKind.grassrootsUnion), ("B", .grassrootsBranch), ("C", .grassrootsBranch)] {
            root.children.append(UnitFigures(unit: Unit(code: code, name: code, kind: kind, parentCode: "DK", openedOn: d("2015-01-01"))))
        }
        root.members.end = members
        root.members.endFemale = members / 2
        root.referral.referredToClass = toClass
        root.referral.referredToClassSinceAdmitted = sinceAdmitted
        root.grades.counts[.excellent] = excellent
        return YearEndReport(period: try! ReportPeriod.year(year), root: root, fingerprint: "f")
    }

    @Test func theSentencesCarryTheReportsFiguresAndLeaveZeroesOut() {
        let summary = ReportSummary(current: report(2019, members: 3_250, toClass: 329, sinceAdmitted: 243), earlier: [])
        let texts = summary.sentences.map { $0.text.vi }
        #expect(texts[0] == "Đoàn Khối các cơ quan tỉnh hiện có 3 cơ sở đoàn trực thuộc, trong đó có 1 đoàn cơ sở và 2 chi đoàn cơ sở, với tổng số 3.250 đoàn viên; nữ 1.625 đoàn viên, chiếm 50,0 %.")
        #expect(texts.contains("Giới thiệu cho Đảng 329 đoàn viên ưu tú học lớp Đối tượng kết nạp Đảng; trong đó có 243 đoàn viên ưu tú được kết nạp vào Đảng Cộng sản Việt Nam."))
        // No admissions, grades or trainings: no sentence says "0".
        #expect(summary.sentences.map(\.topic) == [.organisation, .referral])
        #expect(!texts.joined().contains(" 0 "))
    }

    @Test func eachComparedYearSaysUpDownOrTheSame() {
        let summary = ReportSummary(current: report(2025, members: 3_250, toClass: 10, sinceAdmitted: 0),
                                    earlier: [report(2024, members: 3_130, toClass: 10, sinceAdmitted: 0),
                                              report(2023, members: 3_300, toClass: 12, sinceAdmitted: 0)])
        let organisation = summary.sentences[0]
        #expect(organisation.text.vi.contains("3.250 đoàn viên (tăng 120 đoàn viên so với năm 2024; giảm 50 đoàn viên so với năm 2023)"))
        #expect(organisation.text.en.contains("3,250 members in all (120 more than in 2024; 50 fewer than in 2023)"))
        #expect(organisation.figures[0].earlier.map(\.value) == [3_130, 3_300])
        let referral = summary.sentences.first { $0.topic == .referral }!
        #expect(referral.text.vi.contains("(bằng năm 2024; giảm 2 đoàn viên so với năm 2023)"))
    }
}
