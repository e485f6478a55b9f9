/// Which monthly rate a member pays (Charter guidance on dues, 2011; docs/DOMAIN.md#union-dues).
public enum DuesClass: String, CaseIterable, Codable, Sendable {
    /// Students, pupils, the unemployed: members without a salary.
    case unsalaried
    /// Members with a salary or wage.
    case salaried
    /// Members living or working abroad: at least the salaried rate.
    case abroad

    public var name: Text {
        switch self {
        case .unsalaried: return Text(vi: "Không hưởng lương", en: "Unsalaried")
        case .salaried: return Text(vi: "Hưởng lương", en: "Salaried")
        case .abroad: return Text(vi: "Ở nước ngoài", en: "Abroad")
        }
    }
}

extension DuesClass: NamedCode {}

/// A member's dues class from a month on; the latest change on or before a month decides.
public struct DuesClassChange: Hashable, Sendable, Codable {
    public var duesClass: DuesClass
    public var from: Month

    public init(_ duesClass: DuesClass, from: Month) {
        self.duesClass = duesClass
        self.from = from
    }
}

/// The monthly rate of a class from a month on, in whole VND.
public struct DuesRate: Hashable, Sendable, Codable {
    public var duesClass: DuesClass
    public var from: Month
    public var amount: Int64

    public init(_ duesClass: DuesClass, from: Month, amount: Int64) {
        self.duesClass = duesClass
        self.from = from
        self.amount = amount
    }

    /// The rates in force since 2011 and still applied in 2025.
    public static let defaults = [
        DuesRate(.unsalaried, from: Month(year: 2011, month: 1)!, amount: 2_000),
        DuesRate(.salaried, from: Month(year: 2011, month: 1)!, amount: 5_000),
        DuesRate(.abroad, from: Month(year: 2011, month: 1)!, amount: 5_000),
    ]

    /// The largest monthly rate the register accepts: far above any real rate, and small
    /// enough that years of months at it stay far inside Int64.
    public static let maximum: Int64 = 10_000_000

    /// Checks a rate before it is kept: a whole positive amount within reason, and for
    /// members abroad at least the salaried rate in force that month.
    public static func check(_ rate: DuesRate, schedule: DuesSchedule) throws {
        guard (1...maximum).contains(rate.amount) else {
            throw RegisterError.badInput(Text(
                vi: "Mức đoàn phí \(rate.amount) đồng không hợp lệ: phải từ 1 đến \(maximum) đồng một tháng.",
                en: "A dues rate of \(rate.amount) VND is not valid: it must be 1 to \(maximum) VND a month."))
        }
        if rate.duesClass == .abroad, let salaried = schedule.amount(for: .salaried, in: rate.from), rate.amount < salaried {
            throw RegisterError.refused(.duesRate, Text(
                vi: "Đoàn viên ở nước ngoài đóng ít nhất bằng mức hưởng lương (\(salaried) đồng) từ \(rate.from.vietnamese).",
                en: "Members abroad pay at least the salaried rate (\(salaried) VND) from \(rate.from)."))
        }
    }
}

/// Every rate the register has kept, by class and start month.
public struct DuesSchedule: Hashable, Sendable {
    public private(set) var rates: [DuesRate]

    public init(_ rates: [DuesRate]) {
        self.rates = rates.sorted { ($0.duesClass.rawValue, $0.from) < ($1.duesClass.rawValue, $1.from) }
    }

    /// The monthly amount of `duesClass` in `month`: the latest rate starting on or before it.
    public func amount(for duesClass: DuesClass, in month: Month) -> Int64? {
        rates.last { $0.duesClass == duesClass && $0.from <= month }?.amount
    }
}
