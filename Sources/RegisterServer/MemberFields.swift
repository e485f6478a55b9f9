import RegisterViews
import UnionRegister

/// A member's facts as the admission and update forms show them and as the API's bodies
/// send them, under the keys of the member JSON; read into the domain's `Member` with the
/// command line's parsing (`member add`, `member update`).
enum MemberFields {
    static let unit = FormField(name: "unit", label: Text(vi: "Chi đoàn", en: "Branch"), required: true)
    static let code = FormField(name: "code", label: Text(vi: "Mã (để trống: tự cấp)", en: "Code (blank: the next one)"))

    static let facts: [FormField] = [
        FormField(name: "full_name", label: MemberLabel.fullName, required: true),
        FormField(name: "birth_date", label: MemberLabel.born, kind: .day, required: true),
        FormField(name: "gender", label: MemberLabel.gender, kind: FormField.choices(Gender.self) { $0.name }),
        FormField(name: "education", label: MemberLabel.education, kind: FormField.choices(EducationLevel.self) { $0.name }),
        FormField(name: "joined_on", label: MemberLabel.joined, kind: .day),
        FormField(name: "id_number", label: MemberLabel.idNumber),
        FormField(name: "phone", label: MemberLabel.phone),
        FormField(name: "email", label: MemberLabel.email),
        FormField(name: "workplace", label: MemberLabel.workplace),
        FormField(name: "office", label: MemberLabel.office),
        FormField(name: "party_joined_on", label: MemberLabel.party, kind: .day),
    ]

    /// The admission form: the branch and the code, then the facts.
    static let admission = [unit, code] + facts

    /// The optional text facts by field name (computed: key paths are not Sendable).
    private static var optionalText: [(String, WritableKeyPath<Member, String?>)] {
        [("id_number", \.idNumber), ("phone", \.phone), ("email", \.email), ("workplace", \.workplace), ("office", \.office)]
    }

    /// Sets the facts that were typed. A blank name, date, gender or education leaves the
    /// fact as it was (as an option not given on the command line does); a blank optional
    /// fact that was sent clears it (as `member update --office ""` does).
    static func apply(_ input: FormInput, to member: inout Member) throws {
        if input.optional("full_name") != nil { member.fullName = try input.required("full_name") }
        if input.optional("birth_date") != nil { member.birthDate = try input.day("birth_date") }
        if input.optional("gender") != nil { member.gender = try input.choice("gender", Gender.init(parsing:)) }
        if input.optional("education") != nil { member.education = try input.choice("education", EducationLevel.init(parsing:)) }
        if input.optional("joined_on") != nil { member.joinedOn = try input.day("joined_on") }
        for (name, path) in optionalText where input.has(name) { member[keyPath: path] = input.optional(name) }
        if input.has("party_joined_on") { member.partyJoinedOn = try input.optionalDay("party_joined_on") }
    }

    /// A new member from an admission: name, birth date, gender and education are needed;
    /// admitted today unless a joining day is typed; the next free code unless one is.
    static func newMember(_ input: FormInput, today: Day) throws -> Member {
        for name in ["full_name", "birth_date", "gender", "education"] { _ = try input.required(name) }
        var member = Member(code: input.optional("code") ?? "", fullName: "", birthDate: today, gender: .male,
                            education: .none, joinedOn: today)
        try apply(input, to: &member)
        return member
    }

    /// What the update form starts from: the member's facts as they are.
    static func values(of member: Member) -> [String: String] {
        var values = ["full_name": member.fullName, "birth_date": member.birthDate.description, "gender": member.gender.rawValue,
                      "education": member.education.rawValue, "joined_on": member.joinedOn.description,
                      "party_joined_on": member.partyJoinedOn?.description ?? ""]
        for (name, path) in optionalText { values[name] = member[keyPath: path] ?? "" }
        return values
    }
}
