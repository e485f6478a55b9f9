/// Amounts of money in whole đồng, as written on the command line and in spreadsheets.
public enum Amount {
    /// Parses digits, optionally with the thousands grouped by dots as Vietnamese write them
    /// (`5000`, `5.000`, `1.200.000`). Nil for anything else, zero or negative amounts, and
    /// numbers of more than 12 digits (never an overflow).
    public static func parse(_ text: String) -> Int64? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        let grouped = groups.count == 1 || ((1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 })
        let digits = groups.joined()
        guard grouped, (1...12).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let amount = Int64(digits), amount > 0 else { return nil }
        return amount
    }
}
