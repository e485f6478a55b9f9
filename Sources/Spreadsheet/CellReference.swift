/// A1-style references: column letters, `C7`, and the `Sheet1!C7` form problems are named in.
public enum CellReference {
    /// The letters of a 0-based column: 0 → A, 25 → Z, 26 → AA.
    public static func letters(ofColumn index: Int) -> String {
        var index = index + 1, letters: [Character] = []
        while index > 0 {
            let remainder = (index - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            index = (index - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The 0-based column and 1-based row of `C7`; nil when it is not such a reference.
    public static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, sawLetter = false, sawDigit = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                column = column * 26 + Int(byte - 64)
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9") where sawLetter:
                row = row * 10 + Int(byte - 48)
                sawDigit = true
                guard row < 1 << 24 else { return nil }
            default:
                return nil
            }
            guard column < 1 << 16 else { return nil }
        }
        return sawLetter && sawDigit ? (column - 1, row) : nil
    }

    /// The sheet's name as a reference writes it: quoted (with quotes doubled) unless it is
    /// letters, digits and underscores only.
    public static func sheetPrefix(_ sheet: String) -> String {
        let plain = !sheet.isEmpty && sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return (plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'") + "!"
    }
}
