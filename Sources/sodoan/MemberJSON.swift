import RegisterStore
import UnionRegister

/// The member as every JSON shows them: a row of `member list`, the head of `member show`
/// (which adds the member's book after these keys). Records that name a member
/// (grades, trainings, referrals, candidates) name them as `member` (the code) and
/// `full_name`.
struct MemberJSON: Encodable {
    var code: String
    var full_name: String
    var birth_date: String
    var age: Int?
    var gender: String
    /// The branch the member is in on the day (or left from); nil before admission.
    var unit: String?
    var status: String
    var flag: String?

    init(_ member: Member, unit: String?, status: String, flag: MaturityRule.Flag?, on day: Day) {
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
