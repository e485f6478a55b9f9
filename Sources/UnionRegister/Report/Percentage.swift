/// A share of a whole in tenths of a percent, for the grade columns of a report.
///
/// Rounding rule: to one decimal place, half away from zero, in integer arithmetic so the
/// same counts always print the same digits (1 of 3 is 33.3 %, 1 of 8 is 12.5 %, 1 of 16 is
/// 6.3 %). Rounded shares need not add up to exactly 100 %. A share of nothing has no
/// percentage at all rather than a misleading 0 %.
public struct Percentage: Hashable, Sendable {
    /// The share in tenths of a percent: 333 is 33.3 %.
    public let tenths: Int

    /// `part` of `whole`, or nil when `whole` is zero.
    public init?(_ part: Int, of whole: Int) {
        guard whole > 0 else { return nil }
        tenths = (part * 2000 + whole) / (2 * whole)
    }

    /// "33,3%" in Vietnamese (decimal comma), "33.3%" in English.
    public func formatted(_ language: Language) -> String {
        let separator = language == .vi ? "," : "."
        return "\(tenths / 10)\(separator)\(tenths % 10)%"
    }
}
