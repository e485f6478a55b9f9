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

    /// Refuses numbers that cannot happen (bad input) before judging the vote.
    public func validateNumbers() throws {
        guard convened > 0, present >= 0, votesFor >= 0, present <= convened, votesFor <= present else {
            throw RegisterError.badInput(Text(
                vi: "Số liệu biểu quyết không hợp lý: triệu tập \(convened), có mặt \(present), tán thành \(votesFor) (cần 0 ≤ tán thành ≤ có mặt ≤ triệu tập, triệu tập > 0).",
                en: "The vote does not add up: convened \(convened), present \(present), for \(votesFor) (need 0 ≤ for ≤ present ≤ convened, convened > 0)."))
        }
    }

    /// At least two thirds present: 3·present ≥ 2·convened, in integers to avoid rounding.
    public var hasQuorum: Bool { 3 * present >= 2 * convened }

    /// More than half of those present: exactly half does not pass.
    public var passes: Bool { 2 * votesFor > present }

    /// "12/15 (80%)": votes for over those present, as documents print it.
    public var ratio: String {
        let percent = present == 0 ? 0 : (votesFor * 1000 / present + 5) / 10
        return "\(votesFor)/\(present) (\(percent)%)"
    }
}
