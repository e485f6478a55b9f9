import Foundation

/// Vietnamese text handling: normalisation, diacritic-blind search, and name order.
public enum VietnameseText {
    /// Stored text is NFC so that the same name typed on two keyboards (precomposed or
    /// with combining marks) is the same string, with runs of spaces (any Unicode space)
    /// made one and none at the ends. Control characters, tabs and line breaks are left in
    /// place for `TextRules` to refuse: normalising must not hide them.
    public static func normalized(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        return text.split(whereSeparator: isSpace).joined(separator: " ").precomposedStringWithCanonicalMapping
    }

    private static func isSpace(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
    }

    /// True for printable ASCII with single inner spaces and none at the ends: text that
    /// normalisation leaves as it is (codes, phones, e-mails), checked without Foundation
    /// because a bulk import normalises millions of cells.
    static func isPlainASCII(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            guard byte > 0x20 && byte < 0x7F || (byte == 0x20 && previous != 0x20) else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// Lower-case ASCII with diacritics removed and `đ` read as `d`, words separated by
    /// single spaces: "Nguyễn Văn Đức" → "nguyen van duc". What `--search` compares.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar == "đ" ? "d" : scalar)
        }
        return String(out)
    }

    /// A byte key whose memcmp order is Vietnamese name order (docs/DOMAIN.md, "Name order
    /// and search"): the given name (the last word) compared completely first, then the family
    /// name (the first word), then the middle names in turn. A word is compared by its
    /// letters in the Vietnamese alphabet (a ă â b c d đ e ê …), then by its tones in the
    /// dictionary order ngang, huyền, hỏi, ngã, sắc, nặng; so every "Anh" comes before every
    /// "Ánh" whatever their family names. SQLite compares BLOBs with memcmp, so
    /// `ORDER BY sort_key` uses it. Registers store the key: change `nameSortKeyVersion`
    /// whenever this function's output changes, and the store recomputes stored keys.
    ///
    /// Each word is its letter ranks, an end mark below every letter (so "An" sorts before
    /// "Anh"), then one tone byte per letter. Two words with the same letters have as many
    /// tone bytes, so the next word always starts at the same offset in both keys.
    public static func nameSortKey(_ fullName: String) -> [UInt8] {
        let words = normalized(fullName).lowercased().split(separator: " ").map(String.init)
        guard let given = words.last else { return [] }
        var key: [UInt8] = []
        for word in [given] + words.dropLast() {
            let letters = letters(of: word)
            key += letters.map(\.rank)
            key.append(endOfLetters)
            key += letters.map(\.tone)
        }
        return key
    }

    /// The version of `nameSortKey`'s output. 1 compared every word's letters before any
    /// tone; 2 compares each word completely, letters then tones, before the next word.
    public static let nameSortKeyVersion = 2

    /// Compares two names in Vietnamese order.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        nameSortKey(a).lexicographicallyPrecedes(nameSortKey(b))
    }

    private struct Letter {
        var rank: UInt8
        var tone: UInt8
    }

    /// Ends a word's letters in the key: below digits (2…11) and letters (16…).
    private static let endOfLetters: UInt8 = 1

    /// The Vietnamese alphabet with the Latin letters it lacks (f j w z) in their Latin
    /// places, so foreign names sort sensibly too. Ranks start at 16, above digits.
    private static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
        "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    private static let letterRank: [String: UInt8] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, UInt8(16 + $0.offset)) })

    /// Tone marks in traditional dictionary order; 0 is the level tone (ngang).
    private static let toneRank: [Unicode.Scalar: UInt8] = [
        "\u{0300}": 1, "\u{0309}": 2, "\u{0303}": 3, "\u{0301}": 4, "\u{0323}": 5,
    ]

    /// Splits a word into letters: base letter with its vowel marks (breve, circumflex,
    /// horn) recomposed, and its tone mark set apart.
    private static func letters(of word: String) -> [Letter] {
        var result: [Letter] = []
        for character in word {
            var base = String.UnicodeScalarView()
            var tone: UInt8 = 0
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                if let t = toneRank[scalar] { tone = t } else { base.append(scalar) }
            }
            let letter = String(base).precomposedStringWithCanonicalMapping
            if let rank = letterRank[letter] {
                result.append(Letter(rank: rank, tone: tone))
            } else if let digit = letter.unicodeScalars.first, ("0"..."9").contains(digit), letter.unicodeScalars.count == 1 {
                result.append(Letter(rank: UInt8(2 + digit.value - 48), tone: 0))  // digits sort before letters
            }
            // Anything else (punctuation, foreign marks) does not affect the order.
        }
        return result
    }
}
