/// A payment of dues: the months it covers, in order, and the amount in whole VND.
public struct DuesPayment: Hashable, Sendable, Codable {
    /// The day the branch received it.
    public var on: Day
    /// The first and last month it covers (a payment ahead covers months to come).
    public var from: Month
    public var through: Month
    public var amount: Int64

    public init(on: Day, from: Month, through: Month, amount: Int64) {
        self.on = on
        self.from = from
        self.through = through
        self.amount = amount
    }
}

/// An exemption decided by the grassroots union's committee for a member in hardship.
public struct DuesExemption: Hashable, Sendable, Codable {
    public var from: Month
    public var to: Month
    public var decisionNo: String
    public var reason: String

    public init(from: Month, to: Month, decisionNo: String, reason: String) {
        self.from = from
        self.to = to
        self.decisionNo = decisionNo
        self.reason = reason
    }

    public func covers(_ month: Month) -> Bool { (from...to).contains(month) }

    /// At most this many months at a time.
    public static let longest = 6
}
