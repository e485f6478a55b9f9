/// What the register flags about age, without refusing (docs/DOMAIN.md, maturity): members over
/// 30 who neither matured nor hold a Union office are due for maturity; members over 35
/// who are still active are an error to fix.
public enum MaturityRule {
    public static let dueAfter = 30
    public static let limit = 35

    public enum Flag: String, Sendable, Codable {
        /// Over 30, active, no Union office: the branch should hold the maturity ceremony
        /// (or decide to keep them, until 35).
        case dueForMaturity = "due-maturity"
        /// Over 35 and still active: an error in the register.
        case overAgeLimit = "over-35"

        /// The flag's one wording, wherever a member is shown with it (lists, `member show`,
        /// `check`).
        public var name: Text {
            switch self {
            case .dueForMaturity: return Text(vi: "quá 30 tuổi, không giữ chức vụ Đoàn: đến tuổi trưởng thành",
                                              en: "over 30 with no Union office: due for maturity")
            case .overAgeLimit: return Text(vi: "quá 35 tuổi mà vẫn sinh hoạt Đoàn", en: "over 35 and still active")
            }
        }
    }

    /// The flag for an active member on `day`, or nil when there is nothing to say.
    /// `offices` are the member's: the ones held on `day` keep a member over 30.
    public static func flag(for member: Member, offices: [Office], on day: Day) -> Flag? {
        flag(for: member, holdsOffice: offices.contains { $0.isHeld(on: day) }, on: day)
    }

    /// The flag when the caller already knows whether the member holds an office on `day`
    /// (a list asks SQL for it).
    public static func flag(for member: Member, holdsOffice: Bool, on day: Day) -> Flag? {
        if Age.isOlder(born: member.birthDate, than: limit, on: day) { return .overAgeLimit }
        if Age.isOlder(born: member.birthDate, than: dueAfter, on: day), !holdsOffice { return .dueForMaturity }
        return nil
    }

    /// The latest birth date that can make a member older than `years` on `day`: everyone
    /// older was born on or before it (a few born on it are not, e.g. around 29 February,
    /// so callers still apply `flag`). Lets the store narrow candidates with an index.
    public static func latestBirthDate(olderThan years: Int, on day: Day) -> Day {
        day.adding(months: -12 * years)
    }
}
