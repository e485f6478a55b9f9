/// The policy values of a register (docs/DOMAIN.md, referral eligibility), with the defaults
/// of the central guidance. A bloc may set them to follow its local guidance; every check
/// and report says which values it used.
public struct Policy: Hashable, Sendable, Codable {
    /// The lowest acceptable latest yearly grade (policy: `excellent`; some blocs accept `good`).
    public var minGrade: Grade = .excellent
    /// A discipline counts against a referral for this many months from its date.
    public var disciplineWindowMonths: Int = 12
    /// Minimum age in years on the day of the step (Party admission: 18).
    public var minAge: Int = 18
    /// The Party-awareness certificate is valid for this many months from completion.
    public var certificateValidMonths: Int = 60

    public init() {}

    public static let defaults = Policy()

    /// The keys of `policy set`, as stored and as printed in JSON.
    public enum Key: String, CaseIterable, Sendable {
        case minGrade = "min_grade"
        case disciplineWindowMonths = "discipline_window_months"
        case minAge = "min_age"
        case certificateValidMonths = "certificate_valid_months"
    }

    enum CodingKeys: String, CodingKey {
        case minGrade = "min_grade"
        case disciplineWindowMonths = "discipline_window_months"
        case minAge = "min_age"
        case certificateValidMonths = "certificate_valid_months"
    }

    /// The value of `key` as text, as `policy show` prints and the database stores it.
    public func value(of key: Key) -> String {
        switch key {
        case .minGrade: return minGrade.rawValue
        case .disciplineWindowMonths: return String(disciplineWindowMonths)
        case .minAge: return String(minAge)
        case .certificateValidMonths: return String(certificateValidMonths)
        }
    }

    /// A value starts on a day that has come (docs/DOMAIN.md#policy-values): a check of a
    /// step dated before it keeps reading the value in force then.
    public static func checkStart(_ day: Day, today: Day) throws {
        try MemberRules.notInFuture(day, what: Text(vi: "Ngày áp dụng giá trị chính sách", en: "The policy value's first day"), today: today)
    }

    /// Sets `key` from text, refusing values outside what the rules allow.
    public mutating func set(_ key: Key, to text: String) throws {
        func number(_ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(text), range.contains(n) else {
                throw RegisterError.badInput(Text(
                    vi: "\(key.rawValue) phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound); nhận được \"\(text)\".",
                    en: "\(key.rawValue) must be a whole number from \(range.lowerBound) to \(range.upperBound); got \"\(text)\"."))
            }
            return n
        }
        switch key {
        case .minGrade:
            guard let grade = Grade(rawValue: text), grade >= .good else {
                throw RegisterError.badInput(Text(
                    vi: "min_grade phải là excellent hoặc good; nhận được \"\(text)\".",
                    en: "min_grade must be excellent or good; got \"\(text)\"."))
            }
            minGrade = grade
        case .disciplineWindowMonths: disciplineWindowMonths = try number(0...120)
        case .minAge: minAge = try number(18...60)
        case .certificateValidMonths: certificateValidMonths = try number(1...120)
        }
    }
}
