/// A year-end report: the figures of a unit and its subtree over a period, the balance
/// check, and the fingerprint of the register content they were computed from.
///
/// Nothing in it depends on when it was made: the same register and the same request give
/// the same report, byte for byte in every rendering.
public struct YearEndReport: Hashable, Sendable {
    public var period: ReportPeriod
    public var root: UnitFigures
    /// Hex SHA-256 of the register's content (see `Register.fingerprint()`).
    public var fingerprint: String

    public init(period: ReportPeriod, root: UnitFigures, fingerprint: String) {
        self.period = period
        self.root = root
        self.fingerprint = fingerprint
    }

    public var balance: BalanceCheck { BalanceCheck(root) }

    /// The unit kinds the report counts: `bloc` only when some unit has a nested bloc
    /// below it, so ordinary registers show just the three kinds the conference reads.
    public var countedUnitKinds: [UnitKind] {
        let nestedBlocs = root.flattened().contains { ($0.figures.units[.bloc] ?? 0) > 0 }
        return UnitKind.allCases.filter { $0 != .bloc || nestedBlocs }
    }
}
