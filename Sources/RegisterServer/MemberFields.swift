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
        FormField(name: "ethnicity", label: MemberLabel.ethnicity,
                  kind: FormField.optionalChoices(Ethnicity.all.map { ($0.code, $0.name) })),
        FormField(name: "religion", label: MemberLabel.religion),
        FormField(name: "theory", label: MemberLabel.theory,
                  kind: FormField.optionalChoices(TheoryLevel.allCases.map { ($0.rawValue, $0.name) })),
        FormField(name: "qualification", label: MemberLabel.qualification),
        FormField(name: "central_id", label: MemberLabel.centralID),
        FormField(name: "party_joined_on", label: MemberLabel.party, kind: .day),
    ]

    /// The admission form: the branch and the code, then the facts.
    static let admission = [unit, code] + facts

    /// The optional text facts by field name (computed: key paths are not Sendable).
    private static var optionalText: [(String, WritableKeyPath<Member, String?>)] {
        [("id_number", \.idNumber), ("phone", \.phone), ("email", \.email), ("workplace", \.workplace),
         ("qualification", \.qualification), ("central_id", \.centralID)]
    }

    /// Sets the facts that were typed. A blank name, date, gender or education leaves the
    /// fact as it was (as an option not given on the command line does); a blank optional
    /// fact that was sent clears it (as `member update --phone ""` does).
    static func apply(_ input: FormInput, to member: inout Member) throws {
        if input.optional("full_name") != nil { member.fullName = try input.required("full_name") }
        if input.optional("birth_date") != nil { member.birthDate = try input.day("birth_date") }
        if input.optional("gender") != nil { member.gender = try input.choice("gender", Gender.init(parsing:)) }
        if input.optional("education") != nil { member.education = try input.choice("education", EducationLevel.init(parsing:)) }
        if input.optional("joined_on") != nil { member.joinedOn = try input.day("joined_on") }
        for (name, path) in optionalText where input.has(name) { member[keyPath: path] = input.optional(name) }
        if input.has("party_joined_on") { member.partyJoinedOn = try input.optionalDay("party_joined_on") }
        try applyProfile(input, to: &member)
    }

    /// The Union book's profile, read as `--ethnicity`, `--religion` and `--theory` are: an
    /// ethnic group by its code (the form's choice) or its name (an API body may send
    /// either; an unknown name is refused with the nearest ones), a religion as written or
    /// "Không", the entered theory level by code or Vietnamese name. Blank clears each.
    private static func applyProfile(_ input: FormInput, to member: inout Member) throws {
        if input.has("ethnicity") {
            member.ethnicity = try input.optional("ethnicity").map { try Ethnicity(code: $0) ?? Ethnicity(parsing: $0) }
        }
        if input.has("religion") { member.religion = input.optional("religion").flatMap(Religion.init(parsing:)) }
        if input.has("theory") {
            member.enteredTheory = input.optional("theory") == nil ? nil : try input.choice("theory", TheoryLevel.init(parsing:))
        }
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
                      "party_joined_on": member.partyJoinedOn?.description ?? "", "ethnicity": member.ethnicity?.code ?? "",
                      "religion": member.religion?.name.vi ?? "", "theory": member.enteredTheory?.rawValue ?? ""]
        for (name, path) in optionalText { values[name] = member[keyPath: path] ?? "" }
        return values
    }
}
