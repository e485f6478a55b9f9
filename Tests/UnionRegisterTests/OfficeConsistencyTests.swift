import Testing
import UnionRegister

/// `check` judges a kept office by the tree of its first day (docs/DOMAIN.md#union-offices).
@Suite struct OfficeConsistencyTests {
    let units = Dictionary(uniqueKeysWithValues: [
        Unit(code: "DK", name: "Đoàn Khối", kind: .bloc, parentCode: nil, openedOn: d("2015-01-01")),
        Unit(code: "YT", name: "Đoàn cơ sở Sở Y tế", kind: .grassrootsUnion, parentCode: "DK", openedOn: d("2015-01-01")),
        Unit(code: "GD", name: "Đoàn cơ sở Sở Giáo dục", kind: .grassrootsUnion, parentCode: "DK", openedOn: d("2015-01-01")),
        // Under YT until 2021-01-01, under GD from that day.
        Unit(code: "VP", name: "Chi đoàn Văn phòng", kind: .branch, parentCode: "GD", openedOn: d("2015-01-01")),
    ].map { ($0.code, $0) })
    let tree = UnitLineage<String>(parents: [
        "DK": .init(first: nil), "YT": .init(first: "DK"), "GD": .init(first: "DK"),
        "VP": .init(first: "YT", moves: [(on: d("2021-01-01"), parent: "GD")]),
    ])
    let holder = MemberFacts(member: member(born: "1995-01-01", joined: "2015-06-01"),
                             history: MembershipHistory(events: [MembershipEvent(kind: .admitted, on: d("2015-06-01"), unitCode: "VP")]))

    func findings(_ unit: String, from: String) -> [String] {
        let office = Office(memberCode: holder.member.code, unitCode: unit, role: .secretary, from: d(from))
        return OfficeConsistency.check([office], facts: [holder.member.code: holder], units: units, tree: tree, today: d("2026-11-22")).map(\.code)
    }

    @Test func anOfficeOfTheOldParentGivenTheDayBeforeTheMoveStaysRightAndOneGivenTheDayOfItIsFound() {
        #expect(findings("YT", from: "2020-12-31") == [])
        #expect(findings("YT", from: "2021-01-01") == ["office-member"])
        #expect(findings("GD", from: "2020-12-31") == ["office-member"])
        #expect(findings("GD", from: "2021-01-01") == [])
    }
}
