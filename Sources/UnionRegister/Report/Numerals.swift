/// Numbers as a conference report writes them: Vietnamese groups thousands with dots and
/// writes a decimal comma (3.250; 12,5 %), English with commas and a decimal point
/// (3,250; 12.5%).
public enum Numerals {
    public static func count(_ n: Int, _ language: Language) -> String {
        let digits = String(n.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(language == .vi ? "." : ",") }
            grouped.append(digit)
        }
        return (n < 0 ? "-" : "") + grouped
    }

    /// A share with its unit: `12,5 %` (Vietnamese sets the sign apart), `12.5%`.
    public static func share(_ percentage: Percentage, _ language: Language) -> String {
        let whole = count(percentage.tenths / 10, language)
        return language == .vi ? "\(whole),\(percentage.tenths % 10) %" : "\(whole).\(percentage.tenths % 10)%"
    }
}
