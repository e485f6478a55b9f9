import RegisterStore
import UnionRegister

/// What every output needs so that a value read from the register cannot act on whoever
/// reads it: here the terminal (escape sequences); documents are escaped by `Escaping`,
/// spreadsheets by `CSVWriter`. The register refuses these characters on input
/// (`TextRules`); this guards the output too, for files changed behind sodoan's back and
/// for the options a document prints without storing them.
public enum OutputText {
    /// Every control character except line break and tab, and every bidirectional
    /// control, replaced with U+FFFD: what sodoan writes to stdout and stderr.
    public static func safe(_ text: String) -> String {
        guard mayHoldForbidden(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar != "\n" && scalar != "\t" && TextRules.isForbidden(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// The fast path, byte by byte over the UTF-8: whether a character `safe` replaces is
    /// there. Those are the bytes below 0x20 (but line break and tab) and 0x7F, and the
    /// sequences C2 80…9F (C1 controls), D8 9C (U+061C), E2 80 8E…8F, E2 80 A8…AE and
    /// E2 81 A6…A9 (U+200E…U+2069). Matching whole sequences keeps text with a table rule
    /// (U+2500) or a dash (U+2014) on this path: a whole report goes through here.
    private static func mayHoldForbidden(_ text: String) -> Bool {
        var first: UInt8 = 0, second: UInt8 = 0
        for byte in text.utf8 {
            switch (first, second, byte) {
            case (_, _, 0x00...0x08), (_, _, 0x0B...0x1F), (_, _, 0x7F), (_, 0xC2, 0x80...0x9F), (_, 0xD8, 0x9C),
                 (0xE2, 0x80, 0x8E...0x8F), (0xE2, 0x80, 0xA8...0xAE), (0xE2, 0x81, 0xA6...0xA9):
                return true
            default:
                (first, second) = (second, byte)
            }
        }
        return false
    }
}
