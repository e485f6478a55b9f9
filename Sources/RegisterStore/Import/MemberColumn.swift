import UnionRegister

/// The columns of a members file (docs/CLI.md), in the order `export members` writes them.
public enum MemberColumn: String, CSVColumns {
    case code
    case fullName = "full_name"
    case birthDate = "birth_date"
    case gender
    case unit
    case joinedOn = "joined_on"
    case education
    case idNumber = "id_number"
    case phone
    case email
    case workplace
    case office
    case partyJoinedOn = "party_joined_on"

    public var aliases: [String] {
        switch self {
        case .code: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .fullName: return ["Họ và tên", "Họ tên"]
        case .birthDate: return ["Ngày sinh"]
        case .gender: return ["Giới tính"]
        case .unit: return ["Chi đoàn"]
        case .joinedOn: return ["Ngày vào Đoàn"]
        case .education: return ["Trình độ"]
        case .idNumber: return ["CCCD", "Số CCCD"]
        case .phone: return ["Điện thoại", "Số điện thoại"]
        case .email: return ["Thư điện tử"]
        case .workplace: return ["Đơn vị công tác"]
        case .office: return ["Chức vụ Đoàn"]
        case .partyJoinedOn: return ["Ngày vào Đảng"]
        }
    }

    public var isRequired: Bool {
        switch self {
        case .code, .fullName, .birthDate, .gender, .unit, .joinedOn, .education: return true
        case .idNumber, .phone, .email, .workplace, .office, .partyJoinedOn: return false
        }
    }

    /// Personal data, written by `export` only with `--include-personal`.
    public var isPersonal: Bool { self == .idNumber || self == .phone }
}

extension CSVRow where Column == MemberColumn {
    /// The row as a member and the code of the unit they are placed in; `normalize` turns
    /// a text cell into the stored text (`VietnameseText.normalized`, cached by the import).
    /// Optional columns
    /// absent from the file are taken from `existing` (a re-import without personal
    /// columns keeps the personal data); every unreadable cell is a problem.
    func member(existing: Member?, normalize: (MemberColumn, String) -> String) throws -> (member: Member, unitCode: String) {
        func optional(_ column: MemberColumn, _ keep: String?) -> String? {
            has(column) ? self[column].map { normalize(column, $0) } : keep
        }
        let member = Member(
            code: try required(.code),
            fullName: normalize(.fullName, try required(.fullName)),
            birthDate: try requiredDay(.birthDate),
            gender: try required(.gender, as: Text(vi: "giới tính (Nam/Nữ)", en: "gender (male/female)"), Gender.init(parsing:)),
            education: try required(.education, as: Text(vi: "trình độ học vấn", en: "education level"), EducationLevel.init(parsing:)),
            idNumber: optional(.idNumber, existing?.idNumber),
            phone: optional(.phone, existing?.phone),
            email: optional(.email, existing?.email),
            workplace: optional(.workplace, existing?.workplace),
            office: optional(.office, existing?.office),
            joinedOn: try requiredDay(.joinedOn),
            partyJoinedOn: has(.partyJoinedOn) ? try day(.partyJoinedOn) : existing?.partyJoinedOn)
        return (member, try required(.unit))
    }
}
