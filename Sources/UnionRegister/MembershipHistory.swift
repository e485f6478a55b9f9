/// A member's membership events in order, and the rules for adding one more.
///
/// The history is the source of truth: the member's branch and status on any day is read
/// from it, so a report for last December is not changed by a transfer this March.
public struct MembershipHistory: Hashable, Sendable {
    /// Events in the order they happened (by date, then by the order they were recorded).
    public private(set) var events: [MembershipEvent]

    public init(events: [MembershipEvent]) {
        self.events = events
    }

    /// The member's status at the end of `day`.
    public func status(on day: Day) -> MembershipStatus {
        guard let last = events.last(where: { $0.on <= day }) else { return .notYetMember }
        if last.kind.endsMembership { return .left(last.kind, on: last.on, unitCode: last.unitCode) }
        return .active(unitCode: last.unitCode)
    }

    /// The status after the last event, whatever its date.
    public var latestStatus: MembershipStatus {
        guard let last = events.last else { return .notYetMember }
        if last.kind.endsMembership { return .left(last.kind, on: last.on, unitCode: last.unitCode) }
        return .active(unitCode: last.unitCode)
    }

    /// Whole calendar months of `year` during which the member was a member every day.
    ///
    /// docs/DOMAIN.md: admitted on 1 July counts 6 months (July to December), admitted on
    /// 2 July counts 5. Transfers do not interrupt membership.
    public func wholeMonthsOfMembership(in year: Int) -> Int {
        (1...12).filter { month in
            let first = Day(year: year, month: month, day: 1)!
            let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
            return isMemberThroughout(from: first, to: last)
        }.count
    }

    /// True when the member is active at the end of every day from `from` to `to`, and
    /// was admitted no later than `from` (an admission on the 1st counts the whole month).
    func isMemberThroughout(from: Day, to: Day) -> Bool {
        guard status(on: from).isActive else { return false }
        return !events.contains { $0.on > from && $0.on <= to && $0.kind.endsMembership }
    }

    /// Checks that `event` may follow this history, and returns the history with it.
    ///
    /// Refuses events out of order: anything before admission or after membership ended,
    /// a transfer to the unit the member is already in, an event dated before the last one.
    public func appending(_ event: MembershipEvent) throws -> MembershipHistory {
        if event.kind == .admitted {
            guard events.isEmpty else {
                throw RegisterError.refused(.eventOrder, Text(
                    vi: "Đoàn viên đã được kết nạp ngày \(events[0].on); không thể kết nạp lần nữa.",
                    en: "The member was already admitted on \(events[0].on); cannot admit again."))
            }
            return MembershipHistory(events: [event])
        }
        guard let last = events.last else {
            throw RegisterError.refused(.eventOrder, Text(
                vi: "Đoàn viên chưa được kết nạp nên không thể ghi sự kiện \(event.kind.name.vi).",
                en: "The member was never admitted, so \(event.kind.name.en) cannot be recorded."))
        }
        if last.kind.endsMembership {
            throw RegisterError.refused(.eventOrder, Text(
                vi: "Đoàn viên đã thôi sinh hoạt (\(last.kind.name.vi)) từ ngày \(last.on); không thể ghi thêm \(event.kind.name.vi).",
                en: "Membership already ended (\(last.kind.name.en)) on \(last.on); \(event.kind.name.en) cannot follow."))
        }
        guard event.on >= last.on else {
            throw RegisterError.refused(.eventOrder, Text(
                vi: "Ngày \(event.on) trước sự kiện gần nhất (\(last.kind.name.vi) ngày \(last.on)).",
                en: "\(event.on) is before the latest event (\(last.kind.name.en) on \(last.on))."),
                fix: Text(vi: "Sự kiện phải ghi theo thứ tự thời gian.", en: "Events must be recorded in date order."))
        }
        if event.kind == .transferred, case .active(let unit) = latestStatus, unit == event.unitCode {
            throw RegisterError.refused(.transferSameUnit, Text(
                vi: "Đoàn viên đang sinh hoạt tại \(unit) rồi.",
                en: "The member is already in \(unit)."))
        }
        return MembershipHistory(events: events + [event])
    }

    /// Checks a new event the way every write path does (the command and the import):
    /// dated no later than today, in order after this history (`appending`), and for a
    /// transfer, into a branch-level unit open on that day. Returns the longer history.
    public func recording(_ event: MembershipEvent, today: Day, destination: Unit?) throws -> MembershipHistory {
        try MemberRules.notInFuture(event.on, what: event.kind.name, today: today)
        let updated = try appending(event)
        if event.kind == .transferred, let destination {
            try MemberPlacementRule.check(unit: destination, on: event.on)
        }
        return updated
    }

    /// Checks that the admission may move to `day` (a corrected joining date): no later
    /// than the member's next event, into `admittedTo`, the unit admitted to, open on that
    /// day. Returns the history with the admission moved.
    public func movingAdmission(to day: Day, admittedTo unit: Unit) throws -> MembershipHistory {
        if let second = events.dropFirst().first, day > second.on {
            throw RegisterError.refused(.eventOrder, Text(
                vi: "Ngày vào Đoàn mới \(day) sau sự kiện \(second.kind.name.vi) ngày \(second.on).",
                en: "The new joining date \(day) is after the \(second.kind.name.en) on \(second.on)."))
        }
        try MemberPlacementRule.check(unit: unit, on: day)
        guard let first = events.first else { return self }
        return MembershipHistory(events: [MembershipEvent(kind: first.kind, on: day, unitCode: first.unitCode,
                                                          fromUnitCode: first.fromUnitCode, reason: first.reason)]
                                 + events.dropFirst())
    }
}
