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
        Self.status(after: events.last(where: { $0.on <= day }), on: day)
    }

    /// The status after the last event, whatever its date (a hosted stay is read on its first day).
    public var latestStatus: MembershipStatus {
        Self.status(after: events.last, on: events.last?.on ?? Day(year: 1, month: 1, day: 1)!)
    }

    private static func status(after last: MembershipEvent?, on day: Day) -> MembershipStatus {
        guard let last else { return .notYetMember }
        if last.kind.endsMembership { return .left(last.kind, on: last.on, unitCode: last.unitCode) }
        if last.kind == .hosted, let until = last.until {
            return day <= until ? .temporary(unitCode: last.unitCode, until: until) : .temporaryEnded(unitCode: last.unitCode, on: until)
        }
        return .active(unitCode: last.unitCode)
    }

    /// The temporary stay in force at the end of `day`: the member hosted here, or away
    /// from their branch, with where and until when; nil when there is none.
    public func temporaryStay(on day: Day) -> MembershipEvent? {
        guard let last = events.last(where: { $0.on <= day }), last.kind.hasUntil,
              let until = last.until, day <= until else { return nil }
        return last
    }

    /// True when the member is an active member of this register on some day of `year`.
    public func isActive(during year: Int) -> Bool {
        status(on: Day(year: year, month: 1, day: 1)!).isActive
            || events.contains { $0.on.year == year && $0.kind.leavesActive }
    }

    /// Whole calendar months of `year` during which the person was in the Union every day,
    /// counted for grading here (docs/DOMAIN.md: "Grading's six months count membership in the
    /// Union, not only in this register").
    ///
    /// Admitted on 1 July counts 6 months (July to December), admitted on 2 July counts 5;
    /// transfers do not interrupt membership. A member admitted elsewhere on `joinedOn` is in
    /// the Union from that day, before their arrival here too, and so is a member between a
    /// departure and a later arrival back. After a departure with no return the months are
    /// the receiving unit's to count, so they do not count here.
    public func wholeMonthsInUnion(in year: Int, joinedOn: Day) -> Int {
        (1...12).filter { month in
            let first = Day(year: year, month: month, day: 1)!
            let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
            // The state changes only on event days, so the first day and those are enough.
            return isInUnion(on: first, joinedOn: joinedOn)
                && !events.contains { $0.on > first && $0.on <= last && !isInUnion(on: $0.on, joinedOn: joinedOn) }
        }.count
    }

    /// Whether the person counts as in the Union at the end of `day` for `wholeMonthsInUnion`.
    private func isInUnion(on day: Day, joinedOn: Day) -> Bool {
        guard day >= joinedOn else { return false }
        guard let index = events.lastIndex(where: { $0.on <= day }) else {
            // Before their first event here: in the Union elsewhere, unless admitted here.
            return events.first.map { $0.kind != .admitted } ?? false
        }
        let last = events[index]
        if last.kind == .left { return events[(index + 1)...].contains { $0.kind == .arrived } }
        return !last.kind.endsUnionMembership
    }

    /// Checks that `event` may follow this history, and returns the history with it.
    ///
    /// A history starts with an admission, an arrival or a hosted stay. After that:
    /// nothing out of date order; an arrival or a stay only for someone not active here
    /// (after a departure, or a hosted stay); every other event only for an active member;
    /// no event after membership ended otherwise; a stay that ends on or after its start;
    /// no transfer to the unit the member is already in.
    public func appending(_ event: MembershipEvent) throws -> MembershipHistory {
        if let until = event.until, until < event.on {
            throw RegisterError.refused(.temporaryPeriod, Text(
                vi: "Thời gian sinh hoạt tạm thời kết thúc ngày \(until), trước ngày bắt đầu \(event.on).",
                en: "The temporary stay ends on \(until), before it starts on \(event.on)."),
                fix: Text(vi: "Ghi --until từ \(event.on) trở đi.", en: "Give --until on or after \(event.on)."))
        }
        guard let last = events.last else {
            guard event.kind == .admitted || event.kind == .arrived || event.kind == .hosted else {
                throw RegisterError.refused(.eventOrder, Text(
                    vi: "Đoàn viên chưa được kết nạp hay chuyển đến nên không thể ghi sự kiện \(event.kind.name.vi).",
                    en: "The member was never admitted nor arrived, so \(event.kind.name.en) cannot be recorded."))
            }
            return MembershipHistory(events: [event])
        }
        if event.kind == .admitted {
            throw RegisterError.refused(.eventOrder, Text(
                vi: "Đoàn viên đã có trong sổ từ ngày \(events[0].on) (\(events[0].kind.name.vi)); không thể kết nạp lần nữa.",
                en: "The member is in the register since \(events[0].on) (\(events[0].kind.name.en)); cannot admit again."))
        }
        guard event.on >= last.on else {
            throw RegisterError.refused(.eventOrder, Text(
                vi: "Ngày \(event.on) trước sự kiện gần nhất (\(last.kind.name.vi) ngày \(last.on)).",
                en: "\(event.on) is before the latest event (\(last.kind.name.en) on \(last.on))."),
                fix: Text(vi: "Sự kiện phải ghi theo thứ tự thời gian.", en: "Events must be recorded in date order."))
        }
        switch event.kind {
        case .arrived, .hosted:
            try refuseComingWhile(after: last, event)
        default:
            try refuseUnlessActive(after: last, event)
        }
        if event.kind.movesWithin, last.unitCode == event.unitCode {
            throw RegisterError.refused(.transferSameUnit, Text(
                vi: "Đoàn viên đang sinh hoạt tại \(event.unitCode) rồi.",
                en: "The member is already in \(event.unitCode)."))
        }
        return MembershipHistory(events: events + [event])
    }

    /// An arrival or a hosted stay: for someone who is not active here.
    private func refuseComingWhile(after last: MembershipEvent, _ event: MembershipEvent) throws {
        if last.kind.leavesActive {
            throw RegisterError.refused(.arrivalActive, Text(
                vi: "Đoàn viên đang sinh hoạt tại \(last.unitCode) (\(last.kind.name.vi) ngày \(last.on)); không thể ghi \(event.kind.name.vi).",
                en: "The member is already active in \(last.unitCode) (\(last.kind.name.en) on \(last.on)); \(event.kind.name.en) cannot be recorded."),
                fix: Text(vi: "Chuyển trong sổ bằng `sodoan member transfer`.", en: "Move them inside the register with `sodoan member transfer`."))
        }
        if last.kind.endsUnionMembership {
            throw ended(last, event)
        }
        if event.kind == .hosted, last.kind == .hosted, let until = last.until, event.on <= until {
            throw RegisterError.refused(.temporaryPeriod, Text(
                vi: "Đợt sinh hoạt tạm thời trước kéo dài đến hết \(until); đợt mới bắt đầu \(event.on).",
                en: "The previous temporary stay lasts through \(until); the new one starts on \(event.on)."))
        }
    }

    /// Every event other than an arrival or a stay: for an active member only.
    private func refuseUnlessActive(after last: MembershipEvent, _ event: MembershipEvent) throws {
        guard !last.kind.leavesActive else { return }
        if last.kind == .hosted {
            throw RegisterError.refused(.temporaryMember, Text(
                vi: "Đoàn viên chỉ sinh hoạt tạm thời tại \(last.unitCode) (từ \(last.on)); \(event.kind.name.vi) do đơn vị gốc ghi.",
                en: "The member is only hosted temporarily in \(last.unitCode) (from \(last.on)); \(event.kind.name.en) is for their home unit to record."),
                fix: Text(vi: "Nếu đoàn viên chuyển hẳn về đây, ghi `sodoan member arrive`.",
                          en: "If the member moves here for good, record `sodoan member arrive`."))
        }
        if event.kind == .left {
            throw RegisterError.refused(.departureNotActive, Text(
                vi: "Đoàn viên không còn sinh hoạt tại sổ này (\(last.kind.name.vi) ngày \(last.on)); không thể chuyển đi.",
                en: "The member is not active in this register (\(last.kind.name.en) on \(last.on)); cannot leave."))
        }
        throw ended(last, event)
    }

    private func ended(_ last: MembershipEvent, _ event: MembershipEvent) -> RegisterError {
        .refused(.eventOrder, Text(
            vi: "Đoàn viên đã thôi sinh hoạt (\(last.kind.name.vi)) từ ngày \(last.on); không thể ghi thêm \(event.kind.name.vi).",
            en: "Membership already ended (\(last.kind.name.en)) on \(last.on); \(event.kind.name.en) cannot follow."))
    }

    /// Checks a new event the way every write path does (the command and the import):
    /// dated no later than today, its text within `TextRules`, in order after this history
    /// (`appending`), an arrival or a
    /// stay no earlier than the member's admission to the Union, and for an event that
    /// places the member (admission, transfer, arrival, stay), into a branch-level unit
    /// open on that day. Returns the longer history.
    public func recording(_ event: MembershipEvent, of member: Member, today: Day, destination: Unit?) throws -> MembershipHistory {
        try MemberRules.notInFuture(event.on, what: event.kind.name, today: today)
        try TextRules.check(event.reason, .reason)
        try TextRules.check(event.place, .unitName)
        try TextRules.check(event.letterNo, .line(Text(vi: "Số giấy giới thiệu", en: "The letter number")))
        if event.kind.namesPlace, event.place.map({ $0.allSatisfy(\.isWhitespace) }) ?? true {
            throw RegisterError.badInput(Text(
                vi: "\(event.kind.name.vi) cần ghi đơn vị nơi đến hoặc nơi đi.",
                en: "\(event.kind.name.en) needs the unit outside the register it comes from or goes to."),
                fix: Text(vi: "Ghi --from (đến) hoặc --to (đi).", en: "Give --from (arriving) or --to (leaving)."))
        }
        if event.kind == .arrived || event.kind == .hosted, event.on < member.joinedOn {
            throw RegisterError.refused(.arrivalBeforeAdmission, Text(
                vi: "Ngày chuyển đến \(event.on) trước ngày vào Đoàn \(member.joinedOn) của \(member.fullName).",
                en: "The arrival day \(event.on) is before \(member.fullName)'s admission to the Union on \(member.joinedOn)."),
                fix: Text(vi: "Kiểm tra ngày vào Đoàn (--joined) và ngày chuyển đến (--arrived).",
                          en: "Check the admission day (--joined) and the arrival day (--arrived)."))
        }
        let updated = try appending(event)
        if let destination, event.kind == .admitted || event.kind == .transferred || event.kind == .arrived || event.kind == .hosted {
            try MemberPlacementRule.check(unit: destination, on: event.on, kind: event.kind)
        }
        return updated
    }

    /// Checks that the joining date may move to `day` (a corrected date). An admission here
    /// moves with it: no later than the member's next event, into `admittedTo`, the unit
    /// admitted to, open on that day; a member who arrived keeps their arrival, which the
    /// admission must not follow. Returns the history with the admission moved.
    public func movingAdmission(to day: Day, admittedTo unit: Unit) throws -> MembershipHistory {
        guard let first = events.first, first.kind == .admitted else {
            if let first = events.first, day > first.on {
                throw RegisterError.refused(.arrivalBeforeAdmission, Text(
                    vi: "Ngày vào Đoàn mới \(day) sau ngày \(first.kind.name.vi.lowercased()) \(first.on).",
                    en: "The new joining date \(day) is after the \(first.kind.name.en) on \(first.on)."))
            }
            return self
        }
        if let second = events.dropFirst().first, day > second.on {
            throw RegisterError.refused(.eventOrder, Text(
                vi: "Ngày vào Đoàn mới \(day) sau sự kiện \(second.kind.name.vi) ngày \(second.on).",
                en: "The new joining date \(day) is after the \(second.kind.name.en) on \(second.on)."))
        }
        try MemberPlacementRule.check(unit: unit, on: day)
        var moved = first
        moved.on = day
        return MembershipHistory(events: [moved] + events.dropFirst())
    }
}
