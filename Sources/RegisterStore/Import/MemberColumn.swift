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
    /// Set for a member admitted to the Union elsewhere: the day they came into the branch.
    case arrivedOn = "arrived_on"
    /// Where they came from (the sending unit, as the letter writes it).
    case arrivedFrom = "arrived_from"
    case arrivalLetter = "arrival_letter"
    /// Set for a member of another unit hosted here: the last day of the stay.
    case temporaryUntil = "temporary_until"
    /// The Union book's profile (docs/DOMAIN.md#the-union-book).
    case ethnicity
    case religion
    case qualification
    /// The political theory level entered (none, elementary, intermediate, advanced).
    case theory
    /// The member's identifier in the Central Union's member system.
    case centralID = "central_id"

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
        case .arrivedOn: return ["Ngày chuyển đến"]
        case .arrivedFrom: return ["Nơi chuyển đến"]
        case .arrivalLetter: return ["Số giấy giới thiệu"]
        case .temporaryUntil: return ["Sinh hoạt tạm thời đến"]
        case .ethnicity: return ["Dân tộc"]
        case .religion: return ["Tôn giáo"]
        case .qualification: return ["Trình độ chuyên môn", "Chuyên môn"]
        case .theory: return ["Lý luận chính trị", "Trình độ lý luận chính trị"]
        case .centralID: return ["Mã định danh đoàn viên", "Mã định danh"]
        }
    }

    /// The birth date is required of a new member only (`member(existing:)`): a file
    /// exported without personal data still updates the members already registered.
    public var isRequired: Bool {
        switch self {
        case .code, .fullName, .gender, .unit, .joinedOn, .education: return true
        case .birthDate, .idNumber, .phone, .email, .workplace, .office, .partyJoinedOn,
             .arrivedOn, .arrivedFrom, .arrivalLetter, .temporaryUntil, .ethnicity, .religion, .qualification,
             .theory, .centralID: return false
        }
    }

    /// Personal data (birth date, national ID, phone, e-mail, workplace; ethnicity and
    /// religion, which the law on personal data counts as sensitive), written by `export`
    /// only with `--include-personal`: a list of members sent round a bloc must not carry
    /// them by default (docs/SECURITY.md).
    public var isPersonal: Bool {
        switch self {
        case .birthDate, .idNumber, .phone, .email, .workplace, .ethnicity, .religion: return true
        case .code, .fullName, .gender, .unit, .joinedOn, .education, .office, .partyJoinedOn,
             .arrivedOn, .arrivedFrom, .arrivalLetter, .temporaryUntil, .qualification, .theory, .centralID: return false
        }
    }
}

extension CSVRow where Column == MemberColumn {
    /// The row as a member, the code of the unit they came into and, for a member admitted
    /// elsewhere, their arrival (a hosted stay with `temporary_until`); `normalize` turns
    /// a text cell into the stored text (`VietnameseText.normalized`, cached by the import).
    /// Optional columns
    /// absent from the file are taken from `existing` (a re-import without personal
    /// columns keeps the personal data); every unreadable cell is a problem.
    func member(existing: Member?, normalize: (MemberColumn, String) -> String) throws -> (member: Member, unitCode: String, arrival: Arrival?) {
        func optional(_ column: MemberColumn, _ keep: String?) -> String? {
            has(column) ? self[column].map { normalize(column, $0) } : keep
        }
        let member = Member(
            code: try required(.code),
            fullName: normalize(.fullName, try required(.fullName)),
            birthDate: try existing.flatMap { has(.birthDate) ? nil : $0.birthDate } ?? requiredDay(.birthDate),
            gender: try required(.gender, as: Text(vi: "giới tính (Nam/Nữ)", en: "gender (male/female)"), Gender.init(parsing:)),
            education: try required(.education, as: Text(vi: "trình độ học vấn", en: "education level"), EducationLevel.init(parsing:)),
            idNumber: optional(.idNumber, existing?.idNumber),
            phone: optional(.phone, existing?.phone),
            email: optional(.email, existing?.email),
            workplace: optional(.workplace, existing?.workplace),
            office: optional(.office, existing?.office),
            joinedOn: try requiredDay(.joinedOn),
            partyJoinedOn: has(.partyJoinedOn) ? try day(.partyJoinedOn) : existing?.partyJoinedOn,
            ethnicity: has(.ethnicity) ? try ethnicity() : existing?.ethnicity,
            religion: has(.religion) ? self[.religion].flatMap(Religion.init(parsing:)) : existing?.religion,
            qualification: optional(.qualification, existing?.qualification),
            enteredTheory: has(.theory)
                ? try parsed(.theory, as: Text(vi: "trình độ lý luận chính trị", en: "political theory level"), TheoryLevel.init(parsing:))
                : existing?.enteredTheory,
            centralID: optional(.centralID, existing?.centralID))
        return (member, try required(.unit), try arrival())
    }

    /// The ethnic group of the row, its refusal (with the nearest names) pointing at the cell.
    private func ethnicity() throws -> Ethnicity? {
        guard let text = self[.ethnicity] else { return nil }
        do { return try Ethnicity(parsing: text) } catch let refusal as RegisterError { throw problem(.ethnicity, refusal.message) }
    }

    /// The arrival the row describes, or nil for a member admitted in the branch.
    private func arrival() throws -> Arrival? {
        guard let on = try day(.arrivedOn) else {
            for column in [MemberColumn.arrivedFrom, .arrivalLetter, .temporaryUntil] where self[column] != nil {
                throw problem(column, Text(vi: "Cột \(column.rawValue) chỉ dùng cùng ngày chuyển đến (arrived_on).",
                                           en: "The \(column.rawValue) column goes with an arrival day (arrived_on)."))
            }
            return nil
        }
        guard let from = self[.arrivedFrom] else {
            throw problem(.arrivedFrom, Text(vi: "Thiếu nơi chuyển đến (đơn vị cũ của đoàn viên).",
                                             en: "The unit the member arrived from is missing."))
        }
        return Arrival(on: on, from: VietnameseText.normalized(from), letterNo: self[.arrivalLetter], until: try day(.temporaryUntil))
    }
}
