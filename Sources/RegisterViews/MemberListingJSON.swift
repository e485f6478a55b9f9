import RegisterStore
import UnionRegister

/// One row of `member list --format json` and of `GET /api/members`.
public struct MemberListingJSON: Encodable, Sendable {
    public var code: String
    public var full_name: String
    public var birth_date: String
    public var age: Int?
    public var gender: String
    public var unit: String
    public var status: String
    public var flag: String?

    public init(_ row: MemberListing, asOf: Day) {
        code = row.member.code
        full_name = row.member.fullName
        birth_date = row.member.birthDate.description
        age = row.member.age(on: asOf)?.years
        gender = row.member.gender.rawValue
        unit = row.unitCode
        status = row.status
        flag = row.flag?.rawValue
    }
}

/// The words of a listing's status and flag, on the command line and on pages.
public enum ListingWording {
    public static func status(_ code: String, _ language: Language) -> String {
        if code == "active" { return language == .vi ? "Đang sinh hoạt" : "active" }
        return MembershipEventKind(rawValue: code)?.name(language) ?? code
    }

    public static func flag(_ flag: MaturityRule.Flag?, _ language: Language) -> String {
        switch flag {
        case .dueForMaturity: return language == .vi ? "đến tuổi trưởng thành" : "due for maturity"
        case .overAgeLimit: return language == .vi ? "quá 35 tuổi!" : "over 35!"
        case nil: return ""
        }
    }
}
