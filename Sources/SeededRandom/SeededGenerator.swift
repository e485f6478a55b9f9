/// SplitMix64 (Steele, Lea and Flood, 2014): a small seeded generator, so that a generated
/// register, a generated bloc or a fuzz test's inputs are the same on every run and a
/// failing case can be replayed from its seed. Not for anything secret.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    public mutating func next(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// A number from 0 up to, not including, `bound`.
    public mutating func next(below bound: Int) -> Int {
        Int.random(in: 0..<bound, using: &self)
    }

    /// One of `items`, chosen with the given weights.
    public mutating func pick<T>(_ items: [(T, Int)]) -> T {
        var roll = next(below: items.reduce(0) { $0 + $1.1 })
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }
}
