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
        // Fast path, byte by byte: the characters replaced all start with a byte below
        // 0x20, 0x7F, 0xC2 (C1 controls), 0xD8 (U+061C) or 0xE2 (U+200E… U+2069).
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar != "\n" && scalar != "\t" && TextRules.isForbidden(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }
}
