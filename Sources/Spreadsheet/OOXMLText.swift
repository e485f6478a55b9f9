/// Text as OOXML stores it in a cell (ECMA-376 part 1, 22.9.2.19 ST_Xstring): XML 1.0
/// cannot hold most control characters, so a workbook writes one as `_xHHHH_`, and writes
/// a literal `_x` that would read as such an escape as `_x005F_x`.
enum OOXMLText {
    /// `_xHHHH_` escapes read back to their characters.
    static func decoded(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = "", scalars = Array(text.unicodeScalars), index = 0
        while index < scalars.count {
            if index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[index + 2...index + 5])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
                index += 7
            } else {
                out.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    /// The text as a cell's `<t>` holds it: XML-escaped, control characters as `_xHHHH_`.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "_" where index + 6 < scalars.count && scalars[index + 1] == "x" && scalars[index + 6] == "_"
                && scalars[index + 2...index + 5].allSatisfy(\.properties.isASCIIHexDigit):
                out += "_x005F_"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
