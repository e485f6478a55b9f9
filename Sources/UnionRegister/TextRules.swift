/// The one rule for every piece of text a secretary types or imports (docs/SECURITY.md, "Input"):
/// names, reasons, numbers of documents, contact details. Checked by the domain's rules
/// for each record, so the command line and CSV imports are judged alike.
///
/// Refused, never silently stripped: control characters (U+0000–U+001F and U+007F–U+009F,
/// tab and line breaks included: every field is one line), the line and paragraph
/// separators, and the bidirectional controls that make text display in another order
/// than it is stored (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). These have no
/// place in a name and can rewrite what a terminal or a spreadsheet shows. Lengths are
/// counted in Unicode scalars, so combining marks cannot hide a huge value.
public enum TextRules {
    /// What a field is called in messages and how long it may be.
    public struct Field: Sendable {
        public var name: Text
        public var limit: Int

        public init(_ name: Text, limit: Int) {
            self.name = name
            self.limit = limit
        }

        public static let fullName = Field(Text(vi: "Họ và tên", en: "The full name"), limit: 100)
        public static let unitName = Field(Text(vi: "Tên đơn vị", en: "The unit name"), limit: 200)
        public static let reason = Field(Text(vi: "Lý do", en: "The reason"), limit: 1000)

        /// A short one-line field: contact details, a workplace, a document's number.
        public static func line(_ name: Text) -> Field { Field(name, limit: 200) }
    }

    /// Refuses text with a forbidden character or over the field's limit (bad input, 65).
    public static func check(_ text: String?, _ field: Field) throws {
        guard let text else { return }
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if isForbidden(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                throw RegisterError.badInput(Text(
                    vi: "\(field.name.vi) chứa ký tự điều khiển \(code) ở vị trí \(count); không nhận ký tự điều khiển, xuống dòng hay ký tự đảo chiều văn bản.",
                    en: "\(field.name.en) holds the control character \(code) at position \(count); control characters, line breaks and text-direction overrides are refused."),
                    fix: Text(vi: "Gõ lại giá trị chỉ với chữ, số, dấu câu và dấu cách.",
                              en: "Type the value again with letters, digits, punctuation and spaces only."))
            }
        }
        guard count <= field.limit else {
            throw RegisterError.badInput(Text(
                vi: "\(field.name.vi) dài \(count) ký tự, quá giới hạn \(field.limit).",
                en: "\(field.name.en) is \(count) characters long, over the limit of \(field.limit)."),
                fix: Text(vi: "Rút gọn giá trị.", en: "Shorten the value."))
        }
    }

    /// True for the characters `check` refuses.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return true
        default:
            return false
        }
    }
}
