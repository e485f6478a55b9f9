/// A member's identity and contact facts: who they are, not where they are.
///
/// Where a member is (their branch) and whether they are a member on a day comes from
/// their `MembershipHistory`, so that any past day can be asked about.
public struct Member: Hashable, Sendable, Codable {
    /// The register code, unique: usually the Union card number (số thẻ đoàn viên).
    public var code: String
    public var fullName: String
    public var birthDate: Day
    public var gender: Gender
    public var education: EducationLevel
    /// National ID (CCCD), 12 digits. Personal data: exported only when asked.
    public var idNumber: String?
    public var phone: String?
    public var email: String?
    public var workplace: String?
    /// A Union office held (committee member, full-time cadre): keeps a member over 30
    /// from being due for maturity.
    public var office: String?
    /// The day the member was admitted to the Union.
    public var joinedOn: Day
    /// Set when the member joined the Party before the register knew them.
    public var partyJoinedOn: Day?
    /// The Union book's profile (docs/DOMAIN.md#the-union-book). Ethnicity and religion are
    /// personal data: exported only when asked, like the national ID.
    public var ethnicity: Ethnicity?
    public var religion: Religion?
    /// Professional qualification (trình độ chuyên môn), as written: "Kỹ sư xây dựng".
    public var qualification: String?
    /// The political theory level the secretary entered; the level in force on a day is
    /// `TheoryLevel.level(entered:trainings:on:)`, which prefers the recorded courses.
    public var enteredTheory: TheoryLevel?
    /// The member's identifier in the Central Union's member system, separate from the
    /// Union card number that is the register code.
    public var centralID: String?

    public init(code: String, fullName: String, birthDate: Day, gender: Gender,
                education: EducationLevel, idNumber: String? = nil, phone: String? = nil,
                email: String? = nil, workplace: String? = nil, office: String? = nil,
                joinedOn: Day, partyJoinedOn: Day? = nil, ethnicity: Ethnicity? = nil, religion: Religion? = nil,
                qualification: String? = nil, enteredTheory: TheoryLevel? = nil, centralID: String? = nil) {
        self.code = code
        self.fullName = fullName
        self.birthDate = birthDate
        self.gender = gender
        self.education = education
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
        self.workplace = workplace
        self.office = office
        self.joinedOn = joinedOn
        self.partyJoinedOn = partyJoinedOn
        self.ethnicity = ethnicity
        self.religion = religion
        self.qualification = qualification
        self.enteredTheory = enteredTheory
        self.centralID = centralID
    }

    public func age(on day: Day) -> Age? { Age(born: birthDate, on: day) }
}
