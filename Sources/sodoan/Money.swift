import UnionRegister

/// Amounts of đồng as people read them: `5.000 đồng` in Vietnamese (dots group the
/// thousands), `5,000 VND` in English. JSON and CSV carry the plain integer.
enum Money {
    static func text(_ amount: Int64, _ language: Language) -> String {
        Numerals.count(Int(amount), language) + (language == .vi ? " đồng" : " VND")
    }
}
