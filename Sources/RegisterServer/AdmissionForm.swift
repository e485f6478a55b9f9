import UnionRegister

/// A member's admission as typed: the body of `POST /api/members` (JSON, the keys of the
/// member JSON) and of the admission page's form. Kept as text so that a refused form
/// shows back exactly what was typed; `member(today:)` reads it into the domain's value
/// with the same parsing as the command line's options.
struct AdmissionForm: Decodable, Sendable {
    var unit: String = ""
    var code: String?
    var full_name: String = ""
    var birth_date: String = ""
    var gender: String = ""
    var education: String = ""
    var joined_on: String?
    var id_number: String?
    var phone: String?
    var email: String?
    var workplace: String?
    var party_joined_on: String?

    init() {}

    /// The fields of a submitted page form, by the same names.
    init(fields: [String: String]) {
        func field(_ name: String) -> String? { fields[name].flatMap { $0.isEmpty ? nil : $0 } }
        unit = fields["unit"] ?? ""
        code = field("code")
        full_name = fields["full_name"] ?? ""
        birth_date = fields["birth_date"] ?? ""
        gender = fields["gender"] ?? ""
        education = fields["education"] ?? ""
        joined_on = field("joined_on")
        id_number = field("id_number")
        phone = field("phone")
        email = field("email")
        workplace = field("workplace")
        party_joined_on = field("party_joined_on")
    }

    func member(today: Day) throws -> Member {
        guard !full_name.trimmingCharacters(in: .whitespaces).isEmpty else { throw Self.missing("full_name") }
        guard !unit.isEmpty else { throw Self.missing("unit") }
        guard let gender = Gender(parsing: gender) else {
            throw RegisterError.badInput(Text(vi: "gender: \"\(gender)\" không phải giới tính (male/female, Nam/Nữ).",
                                              en: "gender: \"\(gender)\" is not a gender (male/female, Nam/Nữ)."))
        }
        guard let education = EducationLevel(parsing: education) else {
            throw RegisterError.badInput(Text(vi: "education: \"\(education)\" không phải trình độ học vấn.",
                                              en: "education: \"\(education)\" is not an education level."),
                                         fix: Text(vi: "Dùng một trong: \(EducationLevel.allCases.map(\.rawValue).joined(separator: ", ")).",
                                                   en: "Use one of: \(EducationLevel.allCases.map(\.rawValue).joined(separator: ", "))."))
        }
        return Member(code: code ?? "", fullName: full_name, birthDate: try Self.day(birth_date, "birth_date"),
                      gender: gender, education: education, idNumber: id_number, phone: phone, email: email,
                      workplace: workplace,
                      joinedOn: try joined_on.map { try Self.day($0, "joined_on") } ?? today,
                      partyJoinedOn: try party_joined_on.map { try Self.day($0, "party_joined_on") })
    }

    private static func day(_ text: String, _ field: String) throws -> Day {
        guard let day = Day(parsing: text) else { throw RegisterError.badDate(text, field: field) }
        return day
    }

    private static func missing(_ field: String) -> RegisterError {
        .badInput(Text(vi: "Thiếu \(field).", en: "\(field) is missing."))
    }
}
