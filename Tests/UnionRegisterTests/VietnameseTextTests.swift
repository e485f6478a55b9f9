import Testing
import UnionRegister

@Suite("Vietnamese text")
struct VietnameseTextTests {
    @Test func foldIgnoresCaseDiacriticsAndReadsĐAsD() {
        #expect(VietnameseText.fold("Nguyễn  Văn   Đức") == "nguyen van duc")
        #expect(VietnameseText.fold("TRẦN THỊ ÁNH") == "tran thi anh")
    }

    @Test func normalisedTextIsNFCWithSingleSpaces() {
        let decomposed = "Nguye\u{0302}\u{0303}n  Va\u{0306}n An "
        #expect(VietnameseText.normalized(decomposed) == "Nguyễn Văn An")
    }

    @Test func sortsByGivenNameFirst() {
        let names = ["Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An"]
        #expect(names.sorted(by: VietnameseText.precedes) == ["Lê Thị An", "Nguyễn Văn An", "Trần Văn Bình"])
    }

    @Test func followsTheVietnameseAlphabet() {
        // a < ă < â < b, d < đ < e, o < ô < ơ, u < ư
        let names = ["Lê Đông", "Lê Dũng", "Lê Ân", "Lê Ăn", "Lê An", "Lê Bảo", "Lê Ơn", "Lê Ôn", "Lê On", "Lê Ưng", "Lê Uyên", "Lê Em"]
        #expect(names.sorted(by: VietnameseText.precedes) ==
                ["Lê An", "Lê Ăn", "Lê Ân", "Lê Bảo", "Lê Dũng", "Lê Đông", "Lê Em", "Lê On", "Lê Ôn", "Lê Ơn", "Lê Uyên", "Lê Ưng"])
    }

    @Test func tonesOnlyBreakTiesInTraditionalOrder() {
        let names = ["Lê Ạn", "Lê Án", "Lê Ãn", "Lê Ản", "Lê Àn", "Lê An"]
        #expect(names.sorted(by: VietnameseText.precedes) == ["Lê An", "Lê Àn", "Lê Ản", "Lê Ãn", "Lê Án", "Lê Ạn"])
        // A base-letter difference outweighs any tone: "Án" before "Anh".
        #expect(VietnameseText.precedes("Lê Án", "Lê Anh"))
    }

    @Test func aShorterWordSortsFirst() {
        #expect(VietnameseText.precedes("Phạm An", "Phạm Anh"))
        #expect(VietnameseText.precedes("Phạm Anh", "Nguyễn Bình"))
    }
}
