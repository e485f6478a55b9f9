import RegisterStore
import RegisterViews
import UnionRegister

/// The member's page: the Union book of one member — facts, dated history, grades,
/// trainings, discipline, the referral with its steps — and the criteria of the next
/// referral step, each with its evidence. Labels and descriptions are those of `member
/// show` and `referral check`.
struct MemberPage {
    struct Fact { var label: String; var value: String }
    struct Dated { var on: String; var text: String }
    struct Criterion { var passed: Bool; var name: String; var detail: String }
    /// A link to one of the member's forms or documents.
    struct Link { var href: String; var id: String; var text: String }

    var code: String
    var codePath: String
    var facts: [Fact]
    var history: [Dated]
    var grades: [Dated]
    var trainings: [Dated]
    var discipline: [Dated]
    var referral: [Dated]
    var step: String?
    var eligible: Bool
    var criteria: [Criterion]
    var notice: String?
    var actions: [Link]
    /// Whether the member has a referral resolution (form 4-KNĐ) to print.
    var hasResolution: Bool
    /// Whether the member has left, so that there is an introduction letter to print.
    var hasDeparture: Bool
    var t: [String: String]

    init(_ record: MemberFacts, today: Day, eligibility: Eligibility?, language: Language, notice: String?,
         actions: [MemberAction]) {
        let m = record.member
        let standing = MemberStanding(record, today: today)
        code = m.code
        codePath = URLText.escaped(m.code)
        let values: [(Text, String?)] = [
            (MemberLabel.code, m.code), (MemberLabel.fullName, m.fullName),
            (MemberLabel.born, m.birthDate.description + (m.age(on: today).map { " (\($0.text(language)))" } ?? "")),
            (MemberLabel.gender, m.gender.name(language)), (MemberLabel.education, m.education.name(language)),
            (MemberLabel.idNumber, m.idNumber), (MemberLabel.phone, m.phone), (MemberLabel.email, m.email),
            (MemberLabel.workplace, m.workplace), (MemberLabel.office, RecordWording.officesHeld(record.offices, on: today, language)),
            (MemberLabel.joined, m.joinedOn.description), (MemberLabel.party, m.partyJoinedOn?.description),
            (MemberLabel.status, standing.statusText(language)), (Heading.note, standing.flag?.name(language)),
        ]
        facts = values.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : Fact(label: label(language), value: $0) } }
        history = record.history.events.map { Dated(on: $0.on.description, text: RecordWording.describe($0, language)) }
        grades = record.grades.map { Dated(on: String($0.year), text: $0.grade.name(language)) }
        trainings = record.trainings.map { Dated(on: $0.completedOn.description, text: RecordWording.describe($0, language)) }
        discipline = record.disciplines.map { Dated(on: $0.on.description, text: RecordWording.describe($0, language)) }
        referral = record.referrals.flatMap { referral in
            referral.steps.map { Dated(on: $0.on.description, text: RecordWording.describe($0, language)) }
                + (referral.lapsesOn.flatMap { $0 <= today ? [Dated(on: $0.description, text: ReferralStage.lapsed.name(language))] : nil } ?? [])
        }
        step = eligibility.map { $0.step.name(language) }
        eligible = eligibility?.isEligible ?? false
        criteria = eligibility.map { Self.criteria(of: $0, language) } ?? []
        self.notice = notice
        let path = codePath
        hasResolution = record.referrals.contains { $0.step(.referred) != nil }
        hasDeparture = record.history.events.contains { $0.kind == .left }
        self.actions = actions.map { Link(href: "/members/\(path)/\($0.path)", id: "action-\($0.path)", text: $0.title(language)) }
        t = PageWords.words(PageWords.member, language)
    }

    /// Every criterion of a step with its evidence, as `referral check` lists them.
    static func criteria(of eligibility: Eligibility, _ language: Language) -> [Criterion] {
        eligibility.criteria.map { Criterion(passed: $0.passed, name: $0.rule.name(language), detail: $0.detail(language)) }
    }
}
