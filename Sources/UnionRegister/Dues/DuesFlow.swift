/// What one unit did with dues over a period: what its branches' members paid it, what the
/// units below sent it, what it kept and what it sent up (docs/DOMAIN.md#union-dues).
///
/// Each level keeps two thirds of what it receives and sends one third up: a branch of what
/// its members paid, a grassroots union of what its branches sent, and so on to the root,
/// which sends its third to the level above the register. The third is taken of the
/// period's total at each level, rounded down to the whole đồng, and the level keeps the
/// rest, so every level balances exactly: collected + received = kept + sent up.
public struct DuesFlow: Hashable, Sendable {
    public let unit: Unit
    /// Paid by members while in this unit itself (branch-level units only have members).
    public let collected: Int64
    public let receivedFromBelow: Int64
    public let kept: Int64
    public let sentUp: Int64
    /// Active members of the subtree at the period's end three or more months behind.
    public let membersOwing: Int
    public let children: [DuesFlow]

    /// The months behind at which a member counts as owing (three months unpaid without
    /// good reason are grounds for removal).
    public static let owingMonths = 3

    /// The flows of `unit` and its subtree, bottom up: `collected` and `owing` are per unit
    /// code, `children` the units below each unit, in the order to list them.
    public init(_ unit: Unit, collected: [String: Int64], owing: [String: Int], children: [String: [Unit]]) {
        let below = (children[unit.code] ?? []).map { DuesFlow($0, collected: collected, owing: owing, children: children) }
        self.unit = unit
        self.collected = collected[unit.code] ?? 0
        receivedFromBelow = below.reduce(0) { $0 + $1.sentUp }
        let total = self.collected + receivedFromBelow
        sentUp = total / 3
        kept = total - sentUp
        membersOwing = (owing[unit.code] ?? 0) + below.reduce(0) { $0 + $1.membersOwing }
        self.children = below
    }

    /// Every unit balances, and what the subtree kept plus what its top sent up is what its
    /// members paid: nothing created or lost on the way up.
    public var isBalanced: Bool {
        collected + receivedFromBelow == kept + sentUp && children.allSatisfy(\.isBalanced)
            && totalKept + sentUp == totalCollected
    }

    var totalCollected: Int64 { collected + children.reduce(0) { $0 + $1.totalCollected } }
    var totalKept: Int64 { kept + children.reduce(0) { $0 + $1.totalKept } }
}
