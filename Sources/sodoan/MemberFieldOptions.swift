import ArgumentParser
import UnionRegister

/// The member fields `member add` and `member update` share. On update, an option given
/// as an empty string clears an optional field (e.g. `--office ""`).
struct MemberFieldOptions: ParsableArguments {
    @Option(help: "Full name, e.g. \"Nguyễn Thị Lan\".") var name: String?
    @Option(help: "Birth date (YYYY-MM-DD or DD/MM/YYYY).") var born: String?
    @Option(help: "male or female (Nam / Nữ).") var gender: Gender?
    @Option(help: "Day of admission to the Union (default for add: today).") var joined: String?
    @Option(help: "none, primary, lower-secondary, upper-secondary, vocational, college, university, postgraduate.")
    var education: EducationLevel?
    @Option(name: .customLong("id-number"), help: "National ID (CCCD), 12 digits.") var idNumber: String?
    @Option var phone: String?
    @Option var email: String?
    @Option(help: "Occupation or workplace.") var workplace: String?
    @Option(help: "Union office held (committee member, full-time cadre).") var office: String?
    @Option(name: .customLong("party-joined"), help: "Day the member joined the Party, if before this register.")
    var partyJoined: String?
    @Option(help: "Ethnic group by its official name (diacritics and case ignored), e.g. \"Tày\", \"Ê Đê\", or \"foreign\".")
    var ethnicity: String?
    @Option(help: "Religion as written, or \"none\" (Không).") var religion: String?
    @Option(help: "Professional qualification (trình độ chuyên môn), e.g. \"Kỹ sư xây dựng\".") var qualification: String?
    @Option(help: "Political theory level: none, elementary, intermediate, advanced (Sơ cấp, Trung cấp, Cao cấp); the recorded theory trainings take precedence.")
    var theory: TheoryLevel?
    @Option(name: .customLong("member-id"), help: "The member's identifier in the Central Union's member system.") var memberID: String?

    /// Applies the options that were given to `member`; dates are parsed by `day`.
    func apply(to member: inout Member, day: (String, String) throws -> Day) throws {
        if let name { member.fullName = name }
        if let born { member.birthDate = try day(born, "--born") }
        if let gender { member.gender = gender }
        if let joined { member.joinedOn = try day(joined, "--joined") }
        if let education { member.education = education }
        if let idNumber { member.idNumber = idNumber.isEmpty ? nil : idNumber }
        if let phone { member.phone = phone.isEmpty ? nil : phone }
        if let email { member.email = email.isEmpty ? nil : email }
        if let workplace { member.workplace = workplace.isEmpty ? nil : workplace }
        if let office { member.office = office.isEmpty ? nil : office }
        if let partyJoined { member.partyJoinedOn = partyJoined.isEmpty ? nil : try day(partyJoined, "--party-joined") }
        if let ethnicity { member.ethnicity = ethnicity.isEmpty ? nil : try Ethnicity(parsing: ethnicity) }
        if let religion { member.religion = Religion(parsing: religion) }
        if let qualification { member.qualification = qualification.isEmpty ? nil : qualification }
        if let theory { member.enteredTheory = theory }
        if let memberID { member.centralID = memberID.isEmpty ? nil : memberID }
    }
}

extension Gender: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension TheoryLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension EducationLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
