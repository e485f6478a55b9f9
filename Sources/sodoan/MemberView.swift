import RegisterStore
import UnionRegister

/// Renders `member show`: the member's facts, where they stand today, and their records.
struct MemberView {
    var record: MemberFacts
    var today: Day
    var language: Language

    /// `MemberJSON`'s keys, then at the same level the member's other facts and book.
    struct Item: Encodable {
        var member: MemberJSON
        var book: Book

        func encode(to encoder: Encoder) throws {
            try member.encode(to: encoder)
            try book.encode(to: encoder)
        }
    }

    struct Book: Encodable {
        var education: String
        var id_number: String?
        var phone: String?
        var email: String?
        var workplace: String?
        var office: String?
        var joined_on: String
        var party_joined_on: String?
        /// The temporary stay in force today (hosted here, or away), if any.
        var temporary: StayItem?
        var history: [EventItem]
        var grades: [GradeItem]
        var trainings: [TrainingItem]
        var discipline: [DisciplineItem]
        var referrals: [ReferralItem]
    }
    struct ReferralItem: Encodable { var stage: String?; var steps: [ReferralStepItem] }

    struct ReferralStepItem: Encodable {
        var stage, on: String
        var convened, present, votes_for: Int?
        var resolution_no, decision_no, reason: String?
    }
    struct EventItem: Encodable { var kind, on, unit: String; var from_unit, reason, place, letter_no, until: String? }
    struct StayItem: Encodable { var kind, place, until: String }
    struct GradeItem: Encodable { var year: Int; var grade: String }
    struct TrainingItem: Encodable { var kind: String; var started_on: String?; var completed_on: String; var provider, certificate_no, result: String? }
    struct DisciplineItem: Encodable { var level, on, reason: String }

    private var status: MembershipStatus { record.history.status(on: today) }

    private var unitCode: String? { status.unitCode }

    private var stay: MembershipEvent? { record.history.temporaryStay(on: today) }

    private var flag: MaturityRule.Flag? {
        status.isActive ? MaturityRule.flag(for: record.member, on: today) : nil
    }

    func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(item)
        case .csv:
            let m = record.member
            return CSVWriter.document(
                header: ["code", "full_name", "birth_date", "gender", "education", "joined_on", "status", "unit"],
                rows: [[m.code, m.fullName, m.birthDate.description, m.gender.rawValue, m.education.rawValue,
                        m.joinedOn.description, status.code, unitCode ?? ""]])
        default: return text
        }
    }

    private var item: Item {
        let m = record.member
        return Item(member: MemberJSON(m, unit: unitCode, status: status.code, flag: flag, on: today), book: Book(
            education: m.education.rawValue, id_number: m.idNumber, phone: m.phone,
            email: m.email, workplace: m.workplace, office: m.office, joined_on: m.joinedOn.description,
            party_joined_on: m.partyJoinedOn?.description,
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
            }))
    }

    private var text: String {
        let m = record.member
        let vi = language == .vi
        var lines: [String] = []
        func field(_ label: Text, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(label(language).padding(toLength: 16, withPad: " ", startingAt: 0) + value)
        }
        field(Text(vi: "Mã", en: "Code"), m.code)
        field(Text(vi: "Họ và tên", en: "Full name"), m.fullName)
        field(Text(vi: "Ngày sinh", en: "Born"), m.birthDate.description + (m.age(on: today).map { " (\($0.text(language)))" } ?? ""))
        field(Text(vi: "Giới tính", en: "Gender"), m.gender.name(language))
        field(Text(vi: "Trình độ", en: "Education"), m.education.name(language))
        field(Text(vi: "CCCD", en: "National ID"), m.idNumber)
        field(Text(vi: "Điện thoại", en: "Phone"), m.phone)
        field(Text(vi: "Email", en: "E-mail"), m.email)
        field(Text(vi: "Nơi công tác", en: "Workplace"), m.workplace)
        field(Text(vi: "Chức vụ Đoàn", en: "Union office"), m.office)
        field(Text(vi: "Ngày vào Đoàn", en: "Joined"), m.joinedOn.description)
        field(Text(vi: "Ngày vào Đảng", en: "Party member"), m.partyJoinedOn?.description)
        field(Text(vi: "Tình trạng", en: "Status"), statusText)
        field(Heading.note, flag?.name(language))
        lines.append("")
        lines.append(vi ? "Quá trình sinh hoạt Đoàn" : "Membership history")
        lines += record.history.events.map { "  \($0.on)  " + MemberTimeline.describe($0, language) }
        lines.append("")
        lines.append(vi ? "Xếp loại đoàn viên" : "Yearly grades")
        lines += record.grades.isEmpty ? ["  —"] : record.grades.map { "  \($0.year)  \($0.grade.name(language))" }
        lines.append("")
        lines.append(vi ? "Học tập, bồi dưỡng" : "Training")
        lines += record.trainings.isEmpty ? ["  —"] : record.trainings.map { "  \($0.completedOn)  " + MemberTimeline.describe($0, language) }
        lines.append("")
        lines.append(vi ? "Kỷ luật" : "Discipline")
        lines += record.disciplines.isEmpty ? ["  —"] : record.disciplines.map { "  \($0.on)  " + MemberTimeline.describe($0, language) }
        lines.append("")
        lines.append(vi ? "Giới thiệu đoàn viên ưu tú cho Đảng" : "Referral to the Party")
        if record.referrals.isEmpty { lines.append("  —") }
        for referral in record.referrals {
            lines += referral.steps.map { "  \($0.on)  " + MemberTimeline.describe($0, language) }
            if let lapse = referral.lapsesOn, lapse <= today { lines.append("  \(lapse)  " + ReferralStage.lapsed.name(language)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var statusText: String {
        let vi = language == .vi
        switch status {
        case .active(let unit):
            let away = stay.map { vi ? "; sinh hoạt tạm thời tại \($0.place ?? "") đến hết \($0.until!)" : "; away at \($0.place ?? "") through \($0.until!)" }
            return (vi ? "Đang sinh hoạt tại \(unit)" : "Active in \(unit)") + (away ?? "")
        case .temporary(let unit, let until):
            let home = stay?.place ?? ""
            return vi ? "Sinh hoạt tạm thời tại \(unit) đến hết \(until) (đơn vị gốc: \(home)); không tính vào số đoàn viên"
                      : "Hosted temporarily in \(unit) through \(until) (home unit: \(home)); not counted"
        case .temporaryEnded(let unit, let on):
            return vi ? "Đã hết sinh hoạt tạm thời tại \(unit) ngày \(on)" : "Temporary stay in \(unit) ended on \(on)"
        case .left(let kind, let on, let unit): return "\(kind.name(language)) \(on) (\(unit))"
        case .notYetMember where today >= record.member.joinedOn:
            return vi ? "Đoàn viên từ \(record.member.joinedOn), chưa sinh hoạt tại sổ này" : "In the Union since \(record.member.joinedOn), not yet in this register"
        case .notYetMember: return vi ? "Chưa kết nạp" : "Not yet admitted"
        }
    }
}
