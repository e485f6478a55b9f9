/// The vote of a meeting that decides a step (Charter art. 5): valid when at least two
/// thirds of those convened are present, passed with more than half of those present.
public struct Vote: Hashable, Sendable, Codable {
    public var convened: Int
    public var present: Int
    public var votesFor: Int

    public init(convened: Int, present: Int, votesFor: Int) {
        self.convened = convened
        self.present = present
        self.votesFor = votesFor
    }

    /// The most people a meeting can convene: a bloc's congress is a few hundred, so a
    /// larger figure is a typing error, refused before any rule (and before any arithmetic).
    public static let maxConvened = 100_000

    /// Refuses numbers that cannot happen (bad input) before judging the vote.
    public func validateNumbers() throws {
        guard convened <= Self.maxConvened else {
            throw RegisterError.badInput(Text(
                vi: "Số người triệu tập \(convened) vượt quá \(Self.maxConvened): không phải số liệu của một cuộc họp.",
                en: "\(convened) convened is over \(Self.maxConvened): not the figure of a meeting."),
                fix: Text(vi: "Kiểm tra lại --convened, --present, --for.", en: "Check --convened, --present and --for."))
        }
        guard convened > 0, present >= 0, votesFor >= 0, present <= convened, votesFor <= present else {
            throw RegisterError.badInput(Text(
                vi: "Số liệu biểu quyết không hợp lý: triệu tập \(convened), có mặt \(present), tán thành \(votesFor) (cần 0 ≤ tán thành ≤ có mặt ≤ triệu tập, triệu tập > 0).",
                en: "The vote does not add up: convened \(convened), present \(present), for \(votesFor) (need 0 ≤ for ≤ present ≤ convened, convened > 0)."))
        }
    }

    /// At least two thirds present: 3·present ≥ 2·convened, in integers to avoid rounding.
    /// The products are taken at double width: a vote read from a damaged register may hold
    /// any number, and must not crash the program that reads it.
    public var hasQuorum: Bool { Self.product(3, present) >= Self.product(2, convened) }

    /// More than half of those present: exactly half does not pass.
    public var passes: Bool { Self.product(2, votesFor) > Self.product(1, present) }

    /// "12/15 (80%)": votes for over those present, rounded half up, as documents print it.
    /// In floating point, which is exact for every vote `validateNumbers` accepts and cannot
    /// overflow for any other.
    public var ratio: String {
        let percent = present <= 0 ? 0 : Int(exactly: (Double(votesFor) * 100 / Double(present)).rounded()) ?? 0
        return "\(votesFor)/\(present) (\(percent)%)"
    }

    private static func product(_ factor: Int, _ value: Int) -> (high: Int, low: UInt) {
        let (high, low) = factor.multipliedFullWidth(by: value)
        return (high, low)
    }
}
