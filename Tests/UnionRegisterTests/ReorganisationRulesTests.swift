import Testing
import UnionRegister

private let bloc = Unit(code: "DK", name: "Đoàn Khối", kind: .bloc, parentCode: nil, openedOn: d("2015-01-01"))
private let otherBloc = Unit(code: "DN", name: "Đoàn Khối doanh nghiệp", kind: .bloc, parentCode: nil, openedOn: d("2015-01-01"))
private let union = Unit(code: "YT", name: "Đoàn cơ sở Sở Y tế", kind: .grassrootsUnion, parentCode: "DK", openedOn: d("2018-03-01"))
private let branch = Unit(code: "YT-VP", name: "Chi đoàn Văn phòng", kind: .branch, parentCode: "YT", openedOn: d("2018-03-01"))
private let today = d("2026-11-22")

@Suite struct ReorganisationRulesTests {
    @Test func aRenameIsRefusedTheDayBeforeTheUnitOpenedAndAllowedTheDayOf() {
        #expect(refusal { try ReorganisationRules.validateRename(branch, to: "Chi đoàn Hành chính", on: d("2018-02-28"), previous: nil, today: today) }?.rule == .unitReorganisationDate)
        #expect(refusal { try ReorganisationRules.validateRename(branch, to: "Chi đoàn Hành chính", on: d("2018-03-01"), previous: nil, today: today) } == nil)
    }

    @Test func aRenameComesAfterThePreviousOneAndNotInTheFuture() {
        #expect(refusal { try ReorganisationRules.validateRename(branch, to: "Chi đoàn Hành chính", on: d("2020-05-01"), previous: d("2020-05-01"), today: today) }?.rule == .unitReorganisationDate)
        #expect(refusal { try ReorganisationRules.validateRename(branch, to: "Chi đoàn Hành chính", on: d("2020-05-02"), previous: d("2020-05-01"), today: today) } == nil)
        #expect(refusal { try ReorganisationRules.validateRename(branch, to: "Chi đoàn Hành chính", on: d("2026-11-23"), previous: nil, today: today) }?.kind == .badInput)
    }

    @Test func aMoveIsRefusedUnderItsOwnSubtreeOrAWrongKind() {
        #expect(refusal { try ReorganisationRules.validateMove(union, under: otherBloc, currentParent: "DK", on: d("2020-01-01"), previous: nil, parentInSubtree: true, today: today) }?.rule == .unitMoveCycle)
        #expect(refusal { try ReorganisationRules.validateMove(branch, under: otherBloc, currentParent: "YT", on: d("2020-01-01"), previous: nil, parentInSubtree: false, today: today) }?.rule == .unitParent)
        #expect(refusal { try ReorganisationRules.validateMove(union, under: otherBloc, currentParent: "DK", on: d("2020-01-01"), previous: nil, parentInSubtree: false, today: today) } == nil)
    }

    @Test func aMoveUnderAParentClosedThatDayIsRefusedAndTheDayBeforeAllowed() {
        var closing = otherBloc
        closing.closedOn = d("2020-06-01")
        #expect(refusal { try ReorganisationRules.validateMove(union, under: closing, currentParent: "DK", on: d("2020-06-01"), previous: nil, parentInSubtree: false, today: today) }?.rule == .unitParentOpen)
        #expect(refusal { try ReorganisationRules.validateMove(union, under: closing, currentParent: "DK", on: d("2020-05-31"), previous: nil, parentInSubtree: false, today: today) } == nil)
    }

    @Test func aMoveTheDayBeforeTheUnitOpenedIsRefused() {
        #expect(refusal { try ReorganisationRules.validateMove(union, under: otherBloc, currentParent: "DK", on: d("2018-02-28"), previous: nil, parentInSubtree: false, today: today) }?.rule == .unitReorganisationDate)
        #expect(refusal { try ReorganisationRules.validateMove(union, under: otherBloc, currentParent: "DK", on: d("2018-03-01"), previous: nil, parentInSubtree: false, today: today) } == nil)
    }

    @Test func aRecordedMergerClosesItsUnitThatDayAfterTheDayItOpened() {
        var merged = union
        merged.closedOn = d("2018-03-01")
        #expect(refusal { try ReorganisationRules.validateRecordedMerge(merged, into: otherBloc, on: d("2018-03-01"), today: today) }?.rule == .unitReorganisationDate)
        merged.closedOn = d("2018-03-02")
        #expect(refusal { try ReorganisationRules.validateRecordedMerge(merged, into: otherBloc, on: d("2018-03-01"), today: today) }?.rule == .unitReorganisationDate)
        #expect(refusal { try ReorganisationRules.validateRecordedMerge(merged, into: otherBloc, on: d("2018-03-02"), today: today) } == nil)
        #expect(refusal { try ReorganisationRules.validateRecordedMerge(merged, into: merged, on: d("2018-03-02"), today: today) }?.rule == .unitMerge)
        var closedTarget = otherBloc
        closedTarget.closedOn = d("2018-03-02")
        #expect(refusal { try ReorganisationRules.validateRecordedMerge(merged, into: closedTarget, on: d("2018-03-02"), today: today) }?.rule == .unitMerge)
    }

    @Test func aRecordedSplitIsOfABranchOpenFromTheDayItOpenedToTheDayItClosed() {
        #expect(refusal { try ReorganisationRules.validateRecordedSplit(branch, on: d("2018-02-28"), today: today) }?.rule == .unitReorganisationDate)
        #expect(refusal { try ReorganisationRules.validateRecordedSplit(branch, on: d("2018-03-01"), today: today) } == nil)
        var closed = branch
        closed.closedOn = d("2020-10-01")
        #expect(refusal { try ReorganisationRules.validateRecordedSplit(closed, on: d("2020-10-01"), today: today) } == nil)
        #expect(refusal { try ReorganisationRules.validateRecordedSplit(closed, on: d("2020-10-02"), today: today) }?.rule == .unitReorganisationDate)
        #expect(refusal { try ReorganisationRules.validateRecordedSplit(bloc, on: d("2020-10-01"), today: today) }?.rule == .unitSplitPlan)
    }

    @Test func aMergeIntoAUnitClosedThatDayIsRefusedAndTheDayBeforeAllowed() {
        var target = bloc
        target.closedOn = d("2021-01-01")
        #expect(refusal { try ReorganisationRules.validateMerge([otherBloc], into: target, on: d("2021-01-01"), targetUnder: nil, laterEvent: nil, today: today) }?.rule == .unitMerge)
        #expect(refusal { try ReorganisationRules.validateMerge([otherBloc], into: target, on: d("2020-12-31"), targetUnder: nil, laterEvent: nil, today: today) } == nil)
    }

    @Test func aMergeIsRefusedAcrossLevelsIntoItselfAndBeforeALaterEvent() {
        #expect(refusal { try ReorganisationRules.validateMerge([union], into: bloc, on: d("2020-01-01"), targetUnder: nil, laterEvent: nil, today: today) }?.rule == .unitMerge)
        #expect(refusal { try ReorganisationRules.validateMerge([bloc], into: bloc, on: d("2020-01-01"), targetUnder: nil, laterEvent: nil, today: today) }?.rule == .unitMerge)
        let later = ReorganisationRules.LaterEvent(member: "DV1", unitCode: "DN", on: d("2020-01-02"))
        #expect(refusal { try ReorganisationRules.validateMerge([otherBloc], into: bloc, on: d("2020-01-01"), targetUnder: nil, laterEvent: later, today: today) }?.rule == .unitReorganisationDate)
        #expect(refusal { try ReorganisationRules.validateMerge([otherBloc], into: bloc, on: d("2020-01-02"), targetUnder: nil, laterEvent: nil, today: today) } == nil)
    }

    @Test func aSplitPlanMustPlaceEveryActiveMemberOnce() throws {
        let other = Unit(code: "YT-BV", name: "Chi đoàn Bệnh viện", kind: .branch, parentCode: "YT", openedOn: d("2018-03-01"))
        let targets = ["YT-BV": other]
        let placed = SplitPlan(placements: [.init(code: "A", unitCode: "YT-BV", line: 2)])
        #expect(refusal { _ = try placed.validate(split: branch, on: d("2020-01-01"), held: ["A", "B"], targets: targets, laterEvent: nil, today: today) }?.rule == .unitSplitPlan)
        let twice = SplitPlan(placements: [.init(code: "A", unitCode: "YT-BV", line: 2), .init(code: "A", unitCode: "YT-VP", line: 3)])
        #expect(refusal { _ = try twice.validate(split: branch, on: d("2020-01-01"), held: ["A"], targets: targets, laterEvent: nil, today: today) }?.message.en.hasPrefix("Line 3") == true)
        let staying = SplitPlan(placements: [.init(code: "A", unitCode: "YT-BV", line: 2), .init(code: "B", unitCode: "YT-VP", line: 3)])
        let moves = try staying.validate(split: branch, on: d("2020-01-01"), held: ["A", "B"], targets: targets, laterEvent: nil, today: today)
        #expect(moves.map(\.code) == ["A"])
        #expect(!staying.closes(branch) && placed.closes(branch))
    }

    @Test func aGrassrootsUnionSplitPlacesEveryOpenBranchUnderAnOpenGrassrootsUnion() throws {
        var other = Unit(code: "SG", name: "Đoàn cơ sở Sở Giáo dục", kind: .grassrootsUnion, parentCode: "DK", openedOn: d("2018-03-01"))
        other.closedOn = d("2020-01-01")
        let moves = SplitPlan(placements: [.init(code: "YT-BV", unitCode: "SG", line: 2), .init(code: "YT-VP", unitCode: "YT", line: 3)])
        let branches: Set<String> = ["YT-VP", "YT-BV"]
        // The target closes on 2020-01-01: the day before is allowed, the day of refused.
        #expect(try moves.validate(split: union, on: d("2019-12-31"), held: branches, targets: ["SG": other], laterEvent: nil, today: today)
                .map(\.code) == ["YT-BV"])
        #expect(refusal { _ = try moves.validate(split: union, on: d("2020-01-01"), held: branches, targets: ["SG": other], laterEvent: nil, today: today) }?.rule == .unitSplitPlan)
        #expect(refusal { _ = try moves.validate(split: union, on: d("2019-12-31"), held: branches, targets: ["SG": bloc], laterEvent: nil, today: today) }?.rule == .unitSplitPlan)
        let unplaced = SplitPlan(placements: [.init(code: "YT-BV", unitCode: "SG", line: 2)])
        #expect(refusal { _ = try unplaced.validate(split: union, on: d("2019-12-31"), held: branches, targets: ["SG": other], laterEvent: nil, today: today) }?
                .message.en.contains("open branch(es) of YT") == true)
        #expect(unplaced.closes(union) && !moves.closes(union))
        #expect(refusal { _ = try moves.validate(split: bloc, on: d("2019-12-31"), held: [], targets: ["SG": other], laterEvent: nil, today: today) }?.rule == .unitSplitPlan)
    }

    @Test func theLineageEndsAndStartsSpansOnTheMoveDay() throws {
        let lineage = UnitLineage<String>(parents: [
            "DK": .init(first: nil), "DN": .init(first: nil),
            "YT": .init(first: "DK", moves: [(on: d("2020-06-01"), parent: "DN")]),
            "YT-VP": .init(first: "YT"),
        ])
        #expect(try lineage.chain(of: "YT-VP", on: d("2020-05-31")) == ["YT-VP", "YT", "DK"])
        #expect(try lineage.chain(of: "YT-VP", on: d("2020-06-01")) == ["YT-VP", "YT", "DN"])
        let spans = try lineage.spans(of: ["YT-VP"])
        #expect(spans.contains { $0.ancestor == "DK" && $0.from == nil && $0.until == d("2020-06-01") })
        #expect(spans.contains { $0.ancestor == "DN" && $0.from == d("2020-06-01") && $0.until == nil })
        #expect(spans.filter { $0.ancestor == "YT" }.count == 1)
        let loop = UnitLineage<String>(parents: ["A": .init(first: nil, moves: [(on: d("2020-01-01"), parent: "B")]), "B": .init(first: "A")])
        #expect(refusal { _ = try loop.spans(of: ["A"]) }?.rule == .unitMoveCycle)
    }

    @Test func theBalanceCountsReorganisations() {
        var m = MemberFigures()
        m.start = 10
        m.reorganisedIn = 4
        m.reorganisedOut = 1
        m.end = 13
        #expect(m.isBalanced)
        m.end = 14
        #expect(!m.isBalanced)
    }
}
