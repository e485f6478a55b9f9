import RegisterStore
import UnionRegister

/// The member as every JSON shows them: a row of `member list` (and `GET /api/members`),
/// the head of `member show` (and `GET /api/members/{code}`), which adds the member's book
/// after these keys. Records that name a member (grades, trainings, referrals, candidates)
/// name them as `member` (the code) and `full_name`.
public struct MemberJSON: Encodable, Sendable {
    public var code: String
    public var full_name: String
    public var birth_date: String
    public var age: Int?
    public var gender: String
    /// The branch the member is in on the day (or left from); nil before admission.
    public var unit: String?
    public var status: String
    public var flag: String?

    public init(_ member: Member, unit: String?, status: String, flag: MaturityRule.Flag?, on day: Day) {
        code = member.code
        full_name = member.fullName
        birth_date = member.birthDate.description
        age = member.age(on: day)?.years
        gender = member.gender.rawValue
        self.unit = unit
        self.status = status
        self.flag = flag?.rawValue
    }
}

extension MemberJSON {
    /// A row of a member list on its day.
    public init(_ row: MemberListing, on day: Day) {
        self.init(row.member, unit: row.unitCode, status: row.status, flag: row.flag, on: day)
    }
}
