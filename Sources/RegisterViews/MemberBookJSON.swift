import RegisterStore
import UnionRegister

/// `member show --format json` and `GET /api/members/{code}`: `MemberJSON`'s keys, then at
/// the same level the member's other facts and their book (history, grades, trainings,
/// discipline, referrals).
public struct MemberBookJSON: Encodable, Sendable {
    public var member: MemberJSON
    public var book: Book

    public func encode(to encoder: Encoder) throws {
        try member.encode(to: encoder)
        try book.encode(to: encoder)
    }


    public struct Book: Encodable, Sendable {
        public var education: String
        public var id_number: String?
        public var phone: String?
        public var email: String?
        public var workplace: String?
        public var office: String?
        public var joined_on: String
        public var party_joined_on: String?
        public var ethnicity: String?
        public var religion: String?
        public var qualification: String?
        /// The political theory level in force today, and the one entered (which only
        /// counts while no theory training is recorded).
        public var theory: String?
        public var theory_entered: String?
        public var central_id: String?
        /// The temporary stay in force today (hosted here, or away), if any.
        public var temporary: StayItem?
        public var history: [EventItem]
        public var grades: [GradeItem]
        public var trainings: [TrainingItem]
        public var discipline: [DisciplineItem]
        public var referrals: [ReferralItem]
    }
    public struct ReferralItem: Encodable, Sendable { public var stage: String?; public var steps: [ReferralStepItem] }

    public struct ReferralStepItem: Encodable, Sendable {
        public var stage, on: String
        public var convened, present, votes_for: Int?
        public var resolution_no, decision_no, reason: String?
    }
    public struct EventItem: Encodable, Sendable { public var kind, on, unit: String; public var from_unit, reason, place, letter_no, until: String? }
    public struct StayItem: Encodable, Sendable { public var kind, place, until: String }
    public struct GradeItem: Encodable, Sendable { public var year: Int; public var grade: String }
    public struct TrainingItem: Encodable, Sendable { public var kind: String; public var started_on: String?; public var completed_on: String; public var provider, certificate_no, result: String? }
    public struct DisciplineItem: Encodable, Sendable { public var level, on, reason: String }

    public init(_ record: MemberFacts, today: Day) {
        let m = record.member
        let standing = MemberStanding(record, today: today)
        let stay = standing.stay
        member = MemberJSON(m, unit: standing.unitCode, status: standing.status.code, flag: standing.flag, on: today)
        book = Book(
            education: m.education.rawValue, id_number: m.idNumber, phone: m.phone,
            email: m.email, workplace: m.workplace, office: m.office, joined_on: m.joinedOn.description,
            party_joined_on: m.partyJoinedOn?.description,
            ethnicity: m.ethnicity?.code, religion: m.religion?.stored, qualification: m.qualification,
            theory: record.theoryLevel(on: today)?.rawValue, theory_entered: m.enteredTheory?.rawValue, central_id: m.centralID,
            temporary: stay.map { StayItem(kind: $0.kind.rawValue, place: $0.place ?? "", until: $0.until?.description ?? "") },
            history: record.history.events.map {
                EventItem(kind: $0.kind.rawValue, on: $0.on.description, unit: $0.unitCode, from_unit: $0.fromUnitCode,
                          reason: $0.reason, place: $0.place, letter_no: $0.letterNo, until: $0.until?.description)
            },
            grades: record.grades.map { GradeItem(year: $0.year, grade: $0.grade.rawValue) },
            trainings: record.trainings.map { TrainingItem(kind: $0.kind.rawValue, started_on: $0.startedOn?.description, completed_on: $0.completedOn.description, provider: $0.provider, certificate_no: $0.certificateNo, result: $0.result) },
            discipline: record.disciplines.map { DisciplineItem(level: $0.level.rawValue, on: $0.on.description, reason: $0.reason) },
            referrals: record.referrals.map { referral in
                ReferralItem(stage: referral.stage(on: today)?.rawValue, steps: referral.steps.map {
                    ReferralStepItem(stage: $0.stage.rawValue, on: $0.on.description, convened: $0.vote?.convened,
                                     present: $0.vote?.present, votes_for: $0.vote?.votesFor,
                                     resolution_no: $0.resolutionNo, decision_no: $0.decisionNo, reason: $0.reason)
                })
            })
    }
}
