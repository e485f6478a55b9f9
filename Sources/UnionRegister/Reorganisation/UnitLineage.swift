/// The tree of units over time: who each unit's parent is on any day, and the ancestry
/// that follows (docs/DOMAIN.md#units-change).
///
/// A unit's parent is the one it was added under until its first move, then the new
/// parent of each move from that move's day on. The ancestry of a unit is constant between
/// two days on which some unit moved, so it is computed once per such interval and kept as
/// spans of days, which the store writes as its dated closure table.
public struct UnitLineage<ID: Hashable & Comparable & Sendable>: Sendable {
    /// A unit's parent before any move (nil for a root) and its moves in date order.
    public struct Parents: Sendable {
        public var first: ID?
        public var moves: [(on: Day, parent: ID?)]

        public init(first: ID?, moves: [(on: Day, parent: ID?)] = []) {
            self.first = first
            self.moves = moves
        }

        /// The parent on `day`; nil `day` means before every move.
        func parent(on day: Day?) -> ID? {
            guard let day else { return first }
            return moves.last { $0.on <= day }.map(\.parent) ?? first
        }
    }

    /// One (ancestor, descendant, depth) pair and the days it holds: from `from` (nil:
    /// since always) to the day before `until` (nil: still).
    public struct Span: Hashable, Sendable {
        public var ancestor: ID
        public var descendant: ID
        public var depth: Int
        public var from: Day?
        public var until: Day?
    }

    public var parents: [ID: Parents]

    public init(parents: [ID: Parents]) {
        self.parents = parents
    }

    /// The days on which some unit's parent changed, in order.
    var moveDays: [Day] {
        Array(Set(parents.values.flatMap { $0.moves.map(\.on) })).sorted()
    }

    /// The unit, its parent, its parent's parent… on `day` (nil: before every move).
    /// Refuses a cycle: a move under one's own descendant (`unitCycle`).
    public func chain(of unit: ID, on day: Day?) throws -> [ID] {
        var chain = [unit]
        var current = unit
        while let parent = parents[current]?.parent(on: day) {
            guard !chain.contains(parent) else {
                throw RegisterError.refused(.unitMoveCycle, Text(
                    vi: "Cây đơn vị sẽ có vòng lặp\(day.map { " từ ngày \($0)" } ?? ""): một đơn vị trực thuộc chính đơn vị cấp dưới của nó.",
                    en: "The unit tree would loop\(day.map { " from \($0)" } ?? ""): a unit would sit under its own descendant."),
                    fix: Text(vi: "Chọn đơn vị cấp trên không nằm trong cây con của đơn vị được chuyển.",
                              en: "Choose a parent outside the subtree of the unit being moved."))
            }
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// Every span of every unit in `units`: one per unchanged run of (ancestor, depth)
    /// over the intervals between move days. Refuses a tree that loops on any day.
    public func spans(of units: some Sequence<ID>) throws -> [Span] {
        let days = moveDays
        var result: [Span] = []
        for unit in units {
            var open: [ID: Span] = [:]
            for (index, day) in ([nil] + days.map(Optional.some)).enumerated() {
                let chain = try self.chain(of: unit, on: day)
                var now: [ID: Int] = [:]
                for (depth, ancestor) in chain.enumerated() { now[ancestor] = depth }
                for (ancestor, span) in open where now[ancestor] != span.depth {
                    var ended = span
                    ended.until = day
                    result.append(ended)
                    open[ancestor] = nil
                }
                for (ancestor, depth) in now where open[ancestor] == nil {
                    open[ancestor] = Span(ancestor: ancestor, descendant: unit, depth: depth, from: index == 0 ? nil : day)
                }
            }
            result += open.values
        }
        return result.sorted { ($0.descendant, $0.ancestor, $0.from?.description ?? "") < ($1.descendant, $1.ancestor, $1.from?.description ?? "") }
    }
}
