import Testing
import UnionRegister

@Suite("Text rules and overflow-safe votes")
struct TextRulesTests {
    @Test(arguments: ["Lan\u{1B}[31m", "Lan\u{07}", "Lan\u{0}", "Lan\tAn", "Lan\nAn", "Lan\r", "Lan\u{7F}", "Lan\u{85}",
                      "Lan\u{202E}", "Lan\u{2066}", "Lan\u{200F}", "Lan\u{061C}", "Lan\u{2028}"])
    func controlAndDirectionCharactersAreRefused(_ text: String) {
        #expect(throws: RegisterError.self) { try TextRules.check(text, .fullName) }
    }

    @Test func vietnameseAndPunctuationAreAccepted() throws {
        try TextRules.check("Nguyễn Thị Ánh Tuyết-Hoà (Đức) 'Út' \"Bé\" =x @y", .fullName)
        try TextRules.check(nil, .fullName)
    }

    @Test func theLimitIsTheLastLengthAccepted() throws {
        try TextRules.check(String(repeating: "a", count: 100), .fullName)
        #expect(throws: RegisterError.self) { try TextRules.check(String(repeating: "a", count: 101), .fullName) }
        // Combining marks count: a thousand of them on one letter is not one character.
        #expect(throws: RegisterError.self) { try TextRules.check("a" + String(repeating: "\u{0301}", count: 100), .fullName) }
    }

    @Test func normalisingLeavesControlCharactersForTheRuleToRefuse() {
        #expect(VietnameseText.normalized("  Nguyễn\u{00A0}\u{00A0}An ") == "Nguyễn An")
        #expect(VietnameseText.normalized("Nguyễn\tAn").contains("\t"))
    }

    @Test func votesFromADamagedRegisterNeverOverflow() {
        let huge = Vote(convened: Int.max, present: Int.max, votesFor: Int.max)
        #expect(huge.hasQuorum)
        #expect(huge.passes)
        #expect(huge.ratio == "\(Int.max)/\(Int.max) (100%)")
        let negative = Vote(convened: Int.min, present: -1, votesFor: Int.min)
        #expect(!negative.passes)
        #expect(negative.ratio.hasSuffix("(0%)"))
    }

    @Test func voteNumbersAreRangeCheckedAtTheEdge() throws {
        try Vote(convened: Vote.maxConvened, present: Vote.maxConvened, votesFor: 1).validateNumbers()
        #expect(throws: RegisterError.self) { try Vote(convened: Vote.maxConvened + 1, present: 1, votesFor: 1).validateNumbers() }
        #expect(Vote(convened: 3, present: 2, votesFor: 1).ratio == "1/2 (50%)")
        #expect(Vote(convened: 15, present: 12, votesFor: 11).ratio == "11/12 (92%)")
        #expect(Vote(convened: 8, present: 8, votesFor: 1).ratio == "1/8 (13%)")
    }
}
