import RegisterStore
import UnionRegister

/// Where a member stands on a day — status, unit, a temporary stay, and the maturity flag
/// of an active member — as every view of a member shows it.
public struct MemberStanding: Sendable {
    public var status: MembershipStatus
    public var flag: MaturityRule.Flag?
    /// The member's temporary stay on the day, if any.
    public var stay: MembershipEvent?
    let today: Day
    let joinedOn: Day

    public init(_ record: MemberFacts, today: Day) {
        status = record.history.status(on: today)
        flag = status.isActive ? MaturityRule.flag(for: record.member, offices: record.offices, on: today) : nil
        stay = record.history.temporaryStay(on: today)
        self.today = today
        joinedOn = record.member.joinedOn
    }

    /// The unit the member is in, or last was in; nil before admission.
    public var unitCode: String? { status.unitCode }

    /// "Đang sinh hoạt tại CD01" / "Active in CD01", a temporary stay, or how and when
    /// membership ended.
    public func statusText(_ language: Language) -> String {
        let vi = language == .vi
        switch status {
        case .active(let unit):
            let away = stay.map { vi ? "; sinh hoạt tạm thời tại \($0.place ?? "") đến hết \($0.until!)" : "; away at \($0.place ?? "") through \($0.until!)" }
            return (vi ? "Đang sinh hoạt tại \(unit)" : "Active in \(unit)") + (away ?? "")
        case .temporary(let unit, let until):
            let home = stay?.place ?? ""
            return vi ? "Sinh hoạt tạm thời tại \(unit) đến hết \(until) (đơn vị gốc: \(home)); không tính vào số đoàn viên"
                      : "Hosted temporarily in \(unit) through \(until) (home unit: \(home)); not counted"
        case .temporaryEnded(let unit, let on):
            return vi ? "Đã hết sinh hoạt tạm thời tại \(unit) ngày \(on)" : "Temporary stay in \(unit) ended on \(on)"
        case .left(let kind, let on, let unit): return "\(kind.name(language)) \(on) (\(unit))"
        case .notYetMember where today >= joinedOn:
            return vi ? "Đoàn viên từ \(joinedOn), chưa sinh hoạt tại sổ này" : "In the Union since \(joinedOn), not yet in this register"
        case .notYetMember: return vi ? "Chưa kết nạp" : "Not yet admitted"
        }
    }
}
