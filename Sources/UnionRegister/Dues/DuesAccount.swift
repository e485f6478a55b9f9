/// One member's dues: which months they owe, what they paid and were exempted from, and
/// the rules for a new payment or exemption (docs/DOMAIN.md#union-dues).
///
/// A member owes dues for every month they are an active member of this register on its
/// first or its last day (admitted on 15 March: March is owed; matured on 10 June: June is
/// owed), from the month the register keeps dues from (`keptFrom`) on. A month is paid when a
/// payment received by the day asked about covers it, and excused when an exemption covers
/// it. The current month is not late until it is over: "behind" counts the owed months
/// before the month of the day asked about that are neither paid nor exempt.
public struct DuesAccount: Sendable {
    public let member: Member
    public let history: MembershipHistory
    public let classes: [DuesClassChange]
    public let payments: [DuesPayment]
    public let exemptions: [DuesExemption]
    /// The first month the register keeps dues for.
    public let keptFrom: Month

    public init(member: Member, history: MembershipHistory, classes: [DuesClassChange], payments: [DuesPayment],
                exemptions: [DuesExemption], keptFrom: Month) {
        self.member = member
        self.history = history
        self.classes = classes.sorted { $0.from < $1.from }
        self.payments = payments.sorted { ($0.through, $0.on) < ($1.through, $1.on) }
        self.exemptions = exemptions.sorted { $0.from < $1.from }
        self.keptFrom = keptFrom
    }

    /// True when the member owes dues for `month`.
    public func owes(_ month: Month) -> Bool {
        month >= keptFrom && (history.status(on: month.firstDay).isActive || history.status(on: month.lastDay).isActive)
    }

    /// The member's class in `month`; salaried when no class was ever recorded (the common
    /// case in an agency bloc, and the higher rate, so a missing class never under-charges).
    public func duesClass(in month: Month) -> DuesClass {
        classes.last { $0.from <= month }?.duesClass ?? .salaried
    }

    /// The last month paid, if any.
    public var paidThrough: Month? { payments.last?.through }

    /// The last month paid by the payments received on or before `day`.
    public func paidThrough(on day: Day) -> Month? {
        payments.filter { $0.on <= day }.map(\.through).max()
    }

    public func isExempt(_ month: Month) -> Bool { exemptions.contains { $0.covers(month) } }

    /// The first month a payment after those through `paidThrough` covers: the first owed
    /// month after it (a member who left and came back owes nothing for the months between),
    /// or the month after it when none is owed any more (a payment is then refused).
    private func firstUnpaid(after paidThrough: Month?) -> Month? {
        guard let admitted = history.events.first?.on, let last = history.events.last?.on else { return nil }
        let start = max(paidThrough?.advanced(by: 1) ?? keptFrom, keptFrom, Month(admitted))
        // After the last event a member's standing no longer changes: the search ends there.
        return (start...max(start, Month(last))).first(where: owes) ?? start
    }

    /// Owed months before the month of `day` that the payments received by `day` do not
    /// cover and no exemption excuses, oldest first.
    public func behind(on day: Day) -> [Month] {
        guard let start = firstUnpaid(after: paidThrough(on: day)), start < Month(day) else { return [] }
        return (start..<Month(day)).filter { owes($0) && !isExempt($0) }
    }

    /// What the months from the next unpaid one through `through` cost at `schedule`'s rates,
    /// exempt months excluded; and whether every charged month is one abroad (where the rate
    /// is a minimum, so more may be paid).
    public func charge(through: Month, schedule: DuesSchedule) throws -> (from: Month, amount: Int64, allAbroad: Bool) {
        guard let from = firstUnpaid(after: paidThrough) else {
            throw RegisterError.refused(.duesMonths, Text(
                vi: "\(member.fullName) (\(member.code)) chưa là đoàn viên nên chưa đóng đoàn phí.",
                en: "\(member.fullName) (\(member.code)) is not a member yet, so owes no dues."))
        }
        guard through >= from else {
            throw RegisterError.refused(.duesMonths, Text(
                vi: "\(member.code) đã đóng đoàn phí đến tháng \(paidThrough?.vietnamese ?? "?"); tháng \(through.vietnamese) đã đóng.",
                en: "\(member.code) has paid dues through \(paidThrough?.description ?? "?"); \(through) is already paid."))
        }
        guard from.distance(to: through) < 12 * 10 else {
            throw RegisterError.badInput(Text(
                vi: "Một lần đóng chỉ gồm tối đa 120 tháng (từ \(from.vietnamese) đến \(through.vietnamese) là quá dài).",
                en: "One payment covers at most 120 months (\(from) to \(through) is too long)."))
        }
        var amount: Int64 = 0
        var allAbroad = true
        for month in from...through {
            guard owes(month) else {
                throw RegisterError.refused(.duesMonths, Text(
                    vi: "\(member.fullName) (\(member.code)) không sinh hoạt Đoàn trong tháng \(month.vietnamese) nên không đóng đoàn phí tháng đó.",
                    en: "\(member.fullName) (\(member.code)) is not an active member in \(month), so owes no dues for it."))
            }
            if isExempt(month) { continue }
            let duesClass = duesClass(in: month)
            guard let rate = schedule.amount(for: duesClass, in: month) else {
                throw RegisterError.refused(.duesRate, Text(
                    vi: "Chưa có mức đoàn phí cho loại \(duesClass.name.vi.lowercased()) tháng \(month.vietnamese).",
                    en: "There is no dues rate for \(duesClass.name.en.lowercased()) members in \(month)."),
                    fix: Text(vi: "Đặt mức bằng `sodoan dues rate set \(duesClass.rawValue) SỐ_TIỀN --from \(month)`.",
                              en: "Set one with `sodoan dues rate set \(duesClass.rawValue) AMOUNT --from \(month)`."))
            }
            amount += rate
            allAbroad = allAbroad && duesClass == .abroad
        }
        guard amount > 0 else {
            throw RegisterError.refused(.duesMonths, Text(
                vi: "Các tháng từ \(from.vietnamese) đến \(through.vietnamese) đều được miễn; không có gì phải đóng.",
                en: "Every month from \(from) to \(through) is exempt; there is nothing to pay."))
        }
        return (from, amount, allAbroad)
    }

    /// Checks a payment received on `day` covering the months through `through`; `amount`
    /// defaults to what those months cost. Returns the payment to keep.
    public func payment(through: Month, amount: Int64?, on day: Day, schedule: DuesSchedule, today: Day) throws -> DuesPayment {
        try MemberRules.notInFuture(day, what: Text(vi: "Ngày đóng đoàn phí", en: "Payment date"), today: today)
        guard history.status(on: day).isActive else {
            throw RegisterError.refused(.duesMonths, Text(
                vi: "\(member.fullName) (\(member.code)) không sinh hoạt Đoàn ngày \(day) nên không thể ghi khoản đóng đoàn phí ngày đó.",
                en: "\(member.fullName) (\(member.code)) is not an active member on \(day), so no payment can be recorded then."))
        }
        let charge = try self.charge(through: through, schedule: schedule)
        let paid = amount ?? charge.amount
        guard paid == charge.amount || (charge.allAbroad && paid > charge.amount && paid <= DuesRate.maximum * 120) else {
            throw RegisterError.refused(.duesAmount, Text(
                vi: "Đoàn phí từ tháng \(charge.from.vietnamese) đến tháng \(through.vietnamese) là \(charge.amount) đồng, không phải \(paid) đồng.",
                en: "The dues from \(charge.from) through \(through) are \(charge.amount) VND, not \(paid) VND."),
                fix: Text(vi: "Ghi đúng \(charge.amount) đồng, hoặc bỏ --amount để tính theo mức đoàn phí.",
                          en: "Record \(charge.amount) VND, or leave out --amount to charge the rates in force."))
        }
        return DuesPayment(on: day, from: charge.from, through: through, amount: paid)
    }

    /// Checks an exemption: at most six months, every one of them owed, overlapping no other,
    /// its decision number and reason within `TextRules`.
    public func checkExemption(_ exemption: DuesExemption) throws {
        guard exemption.from <= exemption.to else {
            throw RegisterError.badInput(Text(
                vi: "Tháng bắt đầu miễn \(exemption.from.vietnamese) sau tháng kết thúc \(exemption.to.vietnamese).",
                en: "The exemption starts in \(exemption.from), after it ends in \(exemption.to)."))
        }
        guard exemption.from.distance(to: exemption.to) < DuesExemption.longest else {
            throw RegisterError.refused(.duesExemption, Text(
                vi: "Mỗi lần miễn đoàn phí tối đa \(DuesExemption.longest) tháng; từ \(exemption.from.vietnamese) đến \(exemption.to.vietnamese) là \(exemption.from.distance(to: exemption.to) + 1) tháng.",
                en: "An exemption lasts at most \(DuesExemption.longest) months; \(exemption.from) to \(exemption.to) is \(exemption.from.distance(to: exemption.to) + 1)."),
                fix: Text(vi: "Ban Chấp hành có thể xét miễn tiếp bằng một quyết định khác khi hết hạn.",
                          en: "The committee may decide a further exemption when this one ends."))
        }
        if let other = exemptions.first(where: { $0.from <= exemption.to && exemption.from <= $0.to }) {
            throw RegisterError.refused(.duesExemption, Text(
                vi: "\(member.code) đã được miễn từ \(other.from.vietnamese) đến \(other.to.vietnamese) (quyết định \(other.decisionNo)).",
                en: "\(member.code) is already exempt from \(other.from) to \(other.to) (decision \(other.decisionNo))."))
        }
        if let unowed = (exemption.from...exemption.to).first(where: { !owes($0) }) {
            throw RegisterError.refused(.duesMonths, Text(
                vi: "\(member.code) không sinh hoạt Đoàn trong tháng \(unowed.vietnamese) nên không có đoàn phí để miễn.",
                en: "\(member.code) is not an active member in \(unowed), so there are no dues to exempt."))
        }
        for (text, what) in [(exemption.decisionNo, Text(vi: "Số quyết định", en: "The decision number")),
                             (exemption.reason, Text(vi: "Lý do", en: "The reason"))]
        where text.allSatisfy(\.isWhitespace) {
            throw RegisterError.badInput(Text(vi: "\(what.vi) không được để trống.", en: "\(what.en) is empty."))
        }
        try TextRules.check(exemption.decisionNo, .line(Text(vi: "Số quyết định", en: "The decision number")))
        try TextRules.check(exemption.reason, .reason)
    }
}
