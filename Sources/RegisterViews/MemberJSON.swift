import RegisterStore
import UnionRegister

/// The JSON of one member — `member show --format json` and `GET /api/members/{code}`:
/// the facts, where the member stands on the day, and every record.
public struct MemberJSON: Encodable, Sendable {
    public var code: String
    public var full_name: String
    public var birth_date: String
    public var age: Int?
    public var gender: String
    public var education: String
    public var id_number: String?
    public var phone: String?
    public var email: String?
    public var workplace: String?
    public var office: String?
    public var joined_on: String
    public var party_joined_on: String?
    public var status: String
    public var unit: String?
    public var flag: String?
    public var history: [Event]
    public var grades: [GradeItem]
    public var trainings: [TrainingItem]
    public var discipline: [DisciplineItem]
    public var referrals: [ReferralItem]

    public struct ReferralItem: Encodable, Sendable { public var stage: String?; public var steps: [ReferralStepItem] }
    public struct ReferralStepItem: Encodable, Sendable {
        public var stage, on: String
        public var convened, present, votes_for: Int?
        public var resolution_no, decision_no, reason: String?
    }
    public struct Event: Encodable, Sendable { public var kind, on, unit: String; public var from_unit, reason: String? }
    public struct GradeItem: Encodable, Sendable { public var year: Int; public var grade: String }
    public struct TrainingItem: Encodable, Sendable {
        public var kind: String; public var started_on: String?; public var completed_on: String
        public var provider, certificate_no, result: String?
    }
    public struct DisciplineItem: Encodable, Sendable { public var level, on, reason: String }

    public init(_ record: MemberFacts, today: Day) {
        let m = record.member
        let standing = MemberStanding(record, today: today)
        code = m.code; full_name = m.fullName; birth_date = m.birthDate.description; age = m.age(on: today)?.years
        gender = m.gender.rawValue; education = m.education.rawValue; id_number = m.idNumber; phone = m.phone
        email = m.email; workplace = m.workplace; office = m.office; joined_on = m.joinedOn.description
        party_joined_on = m.partyJoinedOn?.description; status = standing.status.code; unit = standing.unitCode
        flag = standing.flag?.rawValue
        history = record.history.events.map {
            Event(kind: $0.kind.rawValue, on: $0.on.description, unit: $0.unitCode, from_unit: $0.fromUnitCode, reason: $0.reason)
        }
        grades = record.grades.map { GradeItem(year: $0.year, grade: $0.grade.rawValue) }
        trainings = record.trainings.map {
            TrainingItem(kind: $0.kind.rawValue, started_on: $0.startedOn?.description, completed_on: $0.completedOn.description,
                         provider: $0.provider, certificate_no: $0.certificateNo, result: $0.result)
        }
        discipline = record.disciplines.map { DisciplineItem(level: $0.level.rawValue, on: $0.on.description, reason: $0.reason) }
        referrals = record.referrals.map { referral in
            ReferralItem(stage: referral.stage(on: today)?.rawValue, steps: referral.steps.map {
                ReferralStepItem(stage: $0.stage.rawValue, on: $0.on.description, convened: $0.vote?.convened,
                                 present: $0.vote?.present, votes_for: $0.vote?.votesFor,
                                 resolution_no: $0.resolutionNo, decision_no: $0.decisionNo, reason: $0.reason)
            })
        }
    }
}

/// Where a member stands on a day — status, unit, and the maturity flag of an active
/// member — as every view of a member shows it.
public struct MemberStanding: Sendable {
    public var status: MembershipStatus
    public var flag: MaturityRule.Flag?

    public init(_ record: MemberFacts, today: Day) {
        status = record.history.status(on: today)
        flag = status.isActive ? MaturityRule.flag(for: record.member, on: today) : nil
    }

    /// The unit the member is in, or last was in; nil before admission.
    public var unitCode: String? {
        switch status {
        case .active(let unit): return unit
        case .left(_, _, let unit): return unit
        case .notYetMember: return nil
        }
    }

    /// "Đang sinh hoạt tại CD01" / "Active in CD01", or how and when membership ended.
    public func statusText(_ language: Language) -> String {
        let vi = language == .vi
        switch status {
        case .active(let unit): return vi ? "Đang sinh hoạt tại \(unit)" : "Active in \(unit)"
        case .left(let kind, let on, let unit): return "\(kind.name(language)) \(on) (\(unit))"
        case .notYetMember: return vi ? "Chưa kết nạp" : "Not yet admitted"
        }
    }

    /// What the maturity flag asks of the secretary, in words.
    public func flagText(_ language: Language) -> String? {
        guard let flag else { return nil }
        let vi = language == .vi
        return flag == .overAgeLimit
            ? (vi ? "quá 35 tuổi mà vẫn sinh hoạt — cần xử lý" : "over 35 and still active — to fix")
            : (vi ? "quá 30 tuổi, không giữ chức vụ — đến tuổi trưởng thành Đoàn" : "over 30 with no office — due for maturity")
    }
}
