/// Whether members at start plus movements equal members at end for every unit of a
/// report (docs/DOMAIN.md: "a report that does not balance is a bug").
///
/// The history makes the balance hold by construction: every event moves one member from
/// the state its predecessor left. A unit that does not balance therefore means a bug in
/// the counting or a register whose history was damaged outside sodoan, and the report
/// must say so loudly rather than print figures no one can trust.
public struct BalanceCheck: Hashable, Sendable {
    /// The units that do not balance, in report order, with their figures.
    public let unbalanced: [UnitFigures]

    public init(_ root: UnitFigures) {
        unbalanced = root.flattened().map(\.figures).filter { !$0.members.isBalanced }
    }

    public var holds: Bool { unbalanced.isEmpty }

    /// The refusal naming each unit with its arithmetic, or nil when the report balances.
    public var failure: RegisterError? {
        guard !holds else { return nil }
        func describe(_ language: Language) -> String {
            unbalanced.map { figures in
                let m = figures.members
                let sum = "\(m.start) + \(m.admitted) + \(m.transferredIn) − \(m.transferredOut) + \(m.reorganisedIn) − \(m.reorganisedOut) − \(m.matured) − \(m.removed) − \(m.expelled) − \(m.deceased) = \(m.expectedEnd)"
                return language == .vi
                    ? "\(figures.unit.code): \(sum), nhưng cuối kỳ có \(m.end)"
                    : "\(figures.unit.code): \(sum), but \(m.end) at end"
            }.joined(separator: "; ")
        }
        return .refused(.reportBalance, Text(
            vi: "SỐ LIỆU KHÔNG CÂN ĐỐI (đầu kỳ + biến động ≠ cuối kỳ) ở \(unbalanced.count) đơn vị: \(describe(.vi)). Lịch sử sinh hoạt trong sổ bị hỏng hoặc sodoan có lỗi; không dùng các số liệu này.",
            en: "THE FIGURES DO NOT BALANCE (start + movements ≠ end) in \(unbalanced.count) unit(s): \(describe(.en)). The register's membership history is damaged or sodoan has a bug; do not use these figures."),
            fix: Text(vi: "Chạy `sodoan check` và xem `sodoan member history` của các đoàn viên trong các đơn vị trên.",
                      en: "Run `sodoan check` and look at `sodoan member history` for the members of these units."))
    }
}
