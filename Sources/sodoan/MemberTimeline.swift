import RegisterStore
import RegisterViews
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
                                               detail: RecordWording.describe(event, language))))
        }
        for d in record.disciplines {
            entries.append((d.on, 1, Entry(on: d.on.description, type: "discipline", kind: d.level.rawValue,
                                           detail: RecordWording.describe(d, language))))
        }
        for t in record.trainings {
            entries.append((t.completedOn, 2, Entry(on: t.completedOn.description, type: "training", kind: t.kind.rawValue,
                                                    detail: RecordWording.describe(t, language))))
        }
        for referral in record.referrals {
            for step in referral.steps {
                entries.append((step.on, 4, Entry(on: step.on.description, type: "referral", kind: step.stage.rawValue,
                                                  detail: RecordWording.describe(step, language))))
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
}
