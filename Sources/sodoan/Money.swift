import UnionRegister

/// Amounts of đồng as people read them: `5.000 đồng` in Vietnamese (dots group the
/// thousands), `5,000 VND` in English. JSON and CSV carry the plain integer.
enum Money {
    static func text(_ amount: Int64, _ language: Language) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(language == .vi ? "." : ",") }
            grouped.append(digit)
        }
        return (amount < 0 ? "-" : "") + grouped + (language == .vi ? " đồng" : " VND")
    }
}
