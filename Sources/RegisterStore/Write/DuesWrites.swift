import UnionRegister

/// The writes of Union dues, shared by the `dues` commands and `import dues`; each is
/// decided by the domain's dues rules (`DuesAccount`, `DuesRate`).
extension WriteTransaction {
    /// A member's dues account as the register holds it now.
    func duesAccount(memberID id: Int64) throws -> DuesAccount {
        try DuesTable.accounts(ofMembers: "SELECT :member", arguments: ["member": id], in: connection)[0]
    }

    /// Keeps a monthly rate from its month on, after `DuesRate.check`; returns the rate it
    /// replaced for the same class and month, if any.
    func setDuesRate(_ rate: DuesRate) throws -> DuesRate? {
        let schedule = try DuesTable.schedule(in: connection)
        try DuesRate.check(rate, schedule: schedule)
        try DuesTable.storeRate(rate, in: connection)
        return schedule.rates.first { $0.duesClass == rate.duesClass && $0.from == rate.from }
    }

    /// Checks and records a payment through `through` received on `day`.
    func payDues(memberID id: Int64, through: Month, amount: Int64?, on day: Day) throws -> DuesPayment {
        let payment = try duesAccount(memberID: id).payment(through: through, amount: amount, on: day,
                                                             schedule: try DuesTable.schedule(in: connection), today: today)
        try DuesTable.insert(payment, memberID: id, in: connection)
        return payment
    }

    /// Checks and records an exemption.
    func exemptDues(memberID id: Int64, _ exemption: DuesExemption) throws {
        try duesAccount(memberID: id).checkExemption(exemption)
        try DuesTable.insert(exemption, memberID: id, in: connection)
    }

    /// Records the member's dues class from a month on, which must be one the member owes
    /// dues in or later; returns the class they had in that month.
    func setDuesClass(memberID id: Int64, _ change: DuesClassChange) throws -> DuesClass {
        let account = try duesAccount(memberID: id)
        if let admitted = account.history.events.first?.on, change.from < Month(admitted) {
            throw RegisterError.refused(.duesMonths, Text(
                vi: "\(account.member.code) vào Đoàn tháng \(Month(admitted).vietnamese); không đặt loại đoàn phí từ tháng \(change.from.vietnamese).",
                en: "\(account.member.code) joined in \(Month(admitted)); no dues class can start in \(change.from)."))
        }
        try DuesTable.storeClass(change, memberID: id, in: connection)
        return account.duesClass(in: change.from)
    }
}
