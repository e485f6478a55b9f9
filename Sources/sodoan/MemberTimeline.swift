import RegisterStore
import UnionRegister

/// Renders `member history`: every dated fact about a member in one timeline, oldest
/// first — membership events, discipline, training, and grades (dated 31 December).
struct MemberTimeline {
    var record: MemberFacts
    /// A referral's lapse is listed once it has happened.
    var today: Day

    struct Entry: Encodable {
        var on: String
        var type: String
        var kind: String
        var detail: String
    }

    func entries(_ language: Language) -> [Entry] {
        var entries: [(Day, Int, Entry)] = []
        for event in record.history.events {
            entries.append((event.on, 0, Entry(on: event.on.description, type: "membership", kind: event.kind.rawValue,
                                               detail: MemberTimeline.describe(event, language))))
        }
        for d in record.disciplines {
            entries.append((d.on, 1, Entry(on: d.on.description, type: "discipline", kind: d.level.rawValue,
                                           detail: MemberTimeline.describe(d, language))))
        }
        for t in record.trainings {
            entries.append((t.completedOn, 2, Entry(on: t.completedOn.description, type: "training", kind: t.kind.rawValue,
                                                    detail: MemberTimeline.describe(t, language))))
        }
        for referral in record.referrals {
            for step in referral.steps {
                entries.append((step.on, 4, Entry(on: step.on.description, type: "referral", kind: step.stage.rawValue,
                                                  detail: MemberTimeline.describe(step, language))))
            }
            if let lapse = referral.lapsesOn, lapse <= today {
                entries.append((lapse, 4, Entry(on: lapse.description, type: "referral", kind: ReferralStage.lapsed.rawValue,
                                                detail: ReferralStage.lapsed.name(language))))
            }
        }
        for g in record.grades {
            let day = Day.lastOf(year: g.year)
            entries.append((day, 3, Entry(on: day.description, type: "grade", kind: g.grade.rawValue,
                                          detail: (language == .vi ? "Xếp loại năm \(g.year): " : "Grade for \(g.year): ") + g.grade.name(language))))
        }
        // Stable: by date, then membership, discipline, training, grades, referral steps.
        return entries.enumerated().sorted { ($0.element.0, $0.element.1, $0.offset) < ($1.element.0, $1.element.1, $1.offset) }.map(\.element.2)
    }

    func render(_ format: OutputFormat, language: Language) throws -> String {
        let list = entries(language)
        switch format {
        case .json: return try JSONOutput.encode(list)
        case .csv: return CSVWriter.document(header: ["on", "type", "kind", "detail"], rows: list.map { [$0.on, $0.type, $0.kind, $0.detail] })
        default:
            let title = language == .vi ? "Quá trình của \(record.member.fullName) (\(record.member.code))"
                                        : "History of \(record.member.fullName) (\(record.member.code))"
            return ([title] + list.map { "  \($0.on)  \($0.detail)" }).joined(separator: "\n") + "\n"
        }
    }

    /// The describe functions say what happened, without the date: callers print it.
    static func describe(_ event: MembershipEvent, _ language: Language) -> String {
        let vi = language == .vi
        var text = event.kind.name(language)
        let place = event.place ?? "?"
        switch event.kind {
        case .admitted: text += vi ? " vào \(event.unitCode)" : " into \(event.unitCode)"
        case .transferred: text += vi ? " từ \(event.fromUnitCode ?? "?") sang \(event.unitCode)" : " from \(event.fromUnitCode ?? "?") to \(event.unitCode)"
        case .arrived: text += vi ? " từ \(place) vào \(event.unitCode)" : " from \(place) into \(event.unitCode)"
        case .left: text += vi ? " từ \(event.unitCode) đến \(place)" : " from \(event.unitCode) to \(place)"
        case .hosted: text += vi ? " tại \(event.unitCode) (đơn vị gốc: \(place))" : " in \(event.unitCode) (home unit: \(place))"
        case .away: text += vi ? " tại \(place) (chi đoàn \(event.unitCode))" : " at \(place) (branch \(event.unitCode))"
        default: text += " (\(event.unitCode))"
        }
        if let until = event.until { text += vi ? ", đến hết \(until)" : ", through \(until)" }
        if let letter = event.letterNo { text += vi ? ", giấy giới thiệu số \(letter)" : ", letter no. \(letter)" }
        if let reason = event.reason, !reason.isEmpty { text += " — \(reason)" }
        return text
    }

    static func describe(_ training: TrainingRecord, _ language: Language) -> String {
        var text = training.kind.name(language)
        if let provider = training.provider { text += ", \(provider)" }
        if let certificate = training.certificateNo { text += language == .vi ? ", chứng nhận số \(certificate)" : ", certificate \(certificate)" }
        if let result = training.result { text += " (\(result))" }
        return text
    }

    static func describe(_ step: ReferralStep, _ language: Language) -> String {
        let vi = language == .vi
        var parts = [step.stage.name(language)]
        if let vote = step.vote { parts.append((vi ? "biểu quyết " : "vote ") + vote.ratio) }
        if let number = step.resolutionNo { parts.append((vi ? "nghị quyết " : "resolution ") + number) }
        if let number = step.decisionNo { parts.append((vi ? "quyết định " : "decision ") + number) }
        if let reason = step.reason { parts.append(reason) }
        return parts.joined(separator: ", ")
    }

    static func describe(_ discipline: DisciplineRecord, _ language: Language) -> String {
        "\(discipline.level.name(language)) — \(discipline.reason)"
    }
}
