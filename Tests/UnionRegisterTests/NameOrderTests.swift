import Foundation
import SeededRandom
import Testing
import UnionRegister

/// The name order of docs/DOMAIN.md ("Name order"), pinned on the cases a roster meets and
/// checked against a reference written here from the rule's statement, not from the key.
@Suite("Vietnamese name order")
struct NameOrderTests {
    private func sorted(_ names: [String]) -> [String] {
        names.sorted(by: VietnameseText.precedes)
    }

    @Test func aGivenNameIsComparedWithItsToneBeforeTheFamilyName() {
        // Every "Anh" before every "Ánh", every "Dung" before every "Dũng", whatever the family.
        #expect(sorted(["Lê Thị Ánh", "Ngô Hữu Anh", "Nguyễn Hồng Ánh", "Phạm Minh Anh"]) ==
                ["Ngô Hữu Anh", "Phạm Minh Anh", "Lê Thị Ánh", "Nguyễn Hồng Ánh"])
        #expect(sorted(["Đỗ Ngọc Dũng", "Lê Phương Dung", "Vũ Dung"]) == ["Lê Phương Dung", "Vũ Dung", "Đỗ Ngọc Dũng"])
        // All six tones of one syllable, in dictionary order, across family names.
        #expect(sorted(["An Thị Mạnh", "Bùi Mánh", "Cao Mãnh", "Đặng Mảnh", "Hà Mành", "Vương Manh"]) ==
                ["Vương Manh", "Hà Mành", "Đặng Mảnh", "Cao Mãnh", "Bùi Mánh", "An Thị Mạnh"])
    }

    @Test func aLetterWithItsMarkIsAnotherLetter() {
        // a < ă < â and d < đ are letters of the alphabet, compared before any tone.
        #expect(sorted(["Lê Ân", "Bùi Ăn", "Trần An", "Hồ Ấn", "Lý Ắn"]) == ["Trần An", "Bùi Ăn", "Lý Ắn", "Lê Ân", "Hồ Ấn"])
        #expect(sorted(["An Đức", "Vũ Dức", "Bạch Dực"]) == ["Vũ Dức", "Bạch Dực", "An Đức"])
        #expect(VietnameseText.precedes("Trần Dừa", "An Đua"))
    }

    @Test func theFamilyNameThenTheMiddleNamesBreakTies() {
        #expect(sorted(["Trần Văn An", "Lê Văn An", "Lê Thị An"]) == ["Lê Thị An", "Lê Văn An", "Trần Văn An"])
        // Only the middle name differs, by a tone then by a letter.
        #expect(sorted(["Nguyễn Vân Hà", "Nguyễn Văn Hà", "Nguyễn Vàn Hà", "Nguyễn Van Hà"]) ==
                ["Nguyễn Van Hà", "Nguyễn Vàn Hà", "Nguyễn Văn Hà", "Nguyễn Vân Hà"])
        // The first middle name decides before the second.
        #expect(sorted(["Tôn Nữ Thị Lan", "Tôn Nữ Ngọc Lan", "Tôn Ngọc Thị Lan"]) ==
                ["Tôn Ngọc Thị Lan", "Tôn Nữ Ngọc Lan", "Tôn Nữ Thị Lan"])
    }

    @Test func namesOfOneAndOfFourWords() {
        // One word is a given name alone: before the same given name with a family name.
        #expect(sorted(["Nguyễn Anh", "Anh", "Ánh", "Lê Anh"]) == ["Anh", "Lê Anh", "Nguyễn Anh", "Ánh"])
        #expect(sorted(["Nguyễn Văn Minh Khoa", "Khoa", "Lê Khoa", "Nguyễn Khoa", "Nguyễn Văn Khoa", "Nguyễn Ánh Minh Khoa"]) ==
                ["Khoa", "Lê Khoa", "Nguyễn Khoa", "Nguyễn Ánh Minh Khoa", "Nguyễn Văn Khoa", "Nguyễn Văn Minh Khoa"])
        #expect(VietnameseText.nameSortKey("") == [])
    }

    @Test func theSameNameTypedTwoWaysHasOneKey() {
        let decomposed = "Nguye\u{0302}\u{0303}n  Thi\u{0323} A\u{0301}nh"
        #expect(VietnameseText.nameSortKey(decomposed) == VietnameseText.nameSortKey("Nguyễn Thị Ánh"))
        #expect(VietnameseText.nameSortKey("NGUYỄN THỊ ÁNH") == VietnameseText.nameSortKey("Nguyễn Thị Ánh"))
    }

    @Test func hundredsOfGeneratedNamesOrderAsTheReferenceSays() {
        var random = SeededGenerator(seed: 19)
        let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ", "Đặng", "Đỗ", "Bùi", "Ngô", "Dương", "Lý", "Ân", "Âu"]
        let middle = ["Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Hồng", "Kim", "Phương", "Quốc", "Xuân"]
        // Given names in families that differ only by tone, by a mark, or by a last letter.
        let given = ["An", "Ân", "Ăn", "Án", "Anh", "Ánh", "Ảnh", "Dung", "Dũng", "Đức", "Dức", "Dực", "Hà", "Hạ", "Ha", "Hải",
                     "Lan", "Lân", "Lận", "Mai", "Mại", "Nga", "Ngà", "Ngã", "Ngân", "Thư", "Thu", "Thủ", "Thứ", "Uyên", "Ưng", "Y", "Ý", "Yến"]
        var names: [String] = []
        for _ in 0..<400 {
            let words = random.next(below: 4) + 1  // one to four words
            var name = words > 1 ? [family[random.next(below: family.count)]] : []
            for _ in 0..<max(0, words - 2) { name.append(middle[random.next(below: middle.count)]) }
            name.append(given[random.next(below: given.count)])
            names.append(name.joined(separator: " "))
        }
        #expect(Set(names.map { $0.split(separator: " ").count }) == [1, 2, 3, 4])
        let keys = names.map(VietnameseText.nameSortKey)
        let reference = names.map(ReferenceNameOrder.words)
        var disagreements: [String] = []
        for i in names.indices {
            for j in names.indices where i != j {
                let byKey = keys[i].lexicographicallyPrecedes(keys[j])
                if byKey != ReferenceNameOrder.precedes(reference[i], reference[j]) {
                    disagreements.append("\(names[i]) / \(names[j])")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(names.sorted(by: VietnameseText.precedes) ==
                names.sorted { ReferenceNameOrder.precedes(ReferenceNameOrder.words($0), ReferenceNameOrder.words($1)) })
    }
}

/// The rule written again from its statement, with a table of letters and their six tone
/// forms instead of Unicode decomposition: names compared word by word (given, family, then
/// middle names), each word by its letters in alphabet order, then by its tones.
private enum ReferenceNameOrder {
    /// Each letter of the alphabet in order, with its forms in tone order
    /// (ngang, huyền, hỏi, ngã, sắc, nặng) when it is a vowel.
    static let letters = ["aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "b", "c", "d", "đ", "eèẻẽéẹ", "êềểễếệ", "f", "g", "h",
                          "iìỉĩíị", "j", "k", "l", "m", "n", "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "p", "q", "r", "s", "t",
                          "uùủũúụ", "ưừửữứự", "v", "w", "x", "yỳỷỹýỵ", "z"]
    static let table: [Character: (letter: Int, tone: Int)] = {
        var table: [Character: (Int, Int)] = [:]
        for (letter, forms) in letters.enumerated() {
            for (tone, form) in forms.enumerated() { table[form] = (letter, tone) }
        }
        return table
    }()

    typealias Word = [(letter: Int, tone: Int)]

    /// The name's words in the order they are compared: given, family, middle names.
    static func words(_ name: String) -> [Word] {
        let words = name.lowercased().split(separator: " ").map { $0.compactMap { table[$0] } }
        guard let given = words.last else { return [] }
        return [given] + words.dropLast()
    }

    static func precedes(_ left: [Word], _ right: [Word]) -> Bool {
        for (x, y) in zip(left, right) {
            let (xl, yl) = (x.map(\.letter), y.map(\.letter))
            if xl != yl { return xl.lexicographicallyPrecedes(yl) }
            let (xt, yt) = (x.map(\.tone), y.map(\.tone))
            if xt != yt { return xt.lexicographicallyPrecedes(yt) }
        }
        return left.count < right.count
    }
}
