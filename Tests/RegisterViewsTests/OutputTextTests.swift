import RegisterViews
import Testing
import UnionRegister

/// `OutputText.safe` guards the terminal; its fast path looks at bytes, so these tests
/// check it against the rule itself (`TextRules.isForbidden`) for every scalar of the
/// first planes, alone and between neighbours whose bytes look like a forbidden one's.
@Suite struct OutputTextTests {
    /// Characters whose UTF-8 shares a lead byte with a forbidden one: Latin-1 letters
    /// (C2/C3), a Hebrew-Arabic neighbour (D8), dashes and table rules (E2 80, E2 94).
    static let neighbours = ["é", "\u{00A0}", "\u{0600}", "—", "–", "─", "\u{2070}", "ả"]

    @Test func replacesExactlyTheForbiddenScalars() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let forbidden = scalar != "\n" && scalar != "\t" && TextRules.isForbidden(scalar)
            let expected = forbidden ? "\u{FFFD}" : String(scalar)
            for before in Self.neighbours {
                let text = before + String(scalar) + "x"
                #expect(OutputText.safe(text) == before + expected + "x", "U+\(String(value, radix: 16, uppercase: true)) after \(before)")
            }
        }
    }

    @Test func keepsATableUntouched() {
        let table = "Mã  Họ và tên\n──  ─────────\nA1  Trần Minh Khoa — Chi đoàn 1\t\n"
        #expect(OutputText.safe(table) == table)
    }

    @Test func replacesDirectionOverridesInsideATable() {
        #expect(OutputText.safe("─\u{202E}─\u{2066}x\u{061C}\u{85}") == "─\u{FFFD}─\u{FFFD}x\u{FFFD}\u{FFFD}")
    }
}
