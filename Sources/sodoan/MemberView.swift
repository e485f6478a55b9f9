import RegisterStore
import RegisterViews
import UnionRegister

/// Renders `member show`: the member's facts, where they stand today, and their records.
struct MemberView {
    var record: MemberFacts
    var today: Day
    var language: Language

    private var standing: MemberStanding { MemberStanding(record, today: today) }

    func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(MemberBookJSON(record, today: today))
        case .csv:
            let m = record.member
            return CSVWriter.document(
                header: ["code", "full_name", "birth_date", "gender", "education", "joined_on", "status", "unit"],
                rows: [[m.code, m.fullName, m.birthDate.description, m.gender.rawValue, m.education.rawValue,
                        m.joinedOn.description, standing.status.code, standing.unitCode ?? ""]])
        default: return text
        }
    }

    private var text: String {
        let m = record.member
        var lines: [String] = []
        func field(_ label: Text, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let label = label(language)
            lines.append(label.padding(toLength: max(16, label.count + 1), withPad: " ", startingAt: 0) + value)
        }
        field(MemberLabel.code, m.code)
        field(MemberLabel.fullName, m.fullName)
        field(MemberLabel.born, m.birthDate.description + (m.age(on: today).map { " (\($0.text(language)))" } ?? ""))
        field(MemberLabel.gender, m.gender.name(language))
        field(MemberLabel.education, m.education.name(language))
        field(MemberLabel.idNumber, m.idNumber)
        field(MemberLabel.phone, m.phone)
        field(MemberLabel.email, m.email)
        field(MemberLabel.workplace, m.workplace)
        field(MemberLabel.office, m.office)
        field(MemberLabel.ethnicity, m.ethnicity?.name(language))
        field(MemberLabel.religion, m.religion?.name(language))
        field(MemberLabel.qualification, m.qualification)
        field(MemberLabel.theory, record.theoryLevel(on: today).map { level in
            level.name(language) + (record.theoryFromTrainings ? " (\(MemberLabel.fromTrainings(language)))" : "")
        })
        field(MemberLabel.centralID, m.centralID)
        field(MemberLabel.joined, m.joinedOn.description)
        field(MemberLabel.party, m.partyJoinedOn?.description)
        field(MemberLabel.status, standing.statusText(language))
        field(Heading.note, standing.flag?.name(language))
        lines.append("")
        lines.append(MemberLabel.history(language))
        lines += record.history.events.map { "  \($0.on)  " + RecordWording.describe($0, language) }
        lines.append("")
        lines.append(MemberLabel.grades(language))
        lines += record.grades.isEmpty ? ["  —"] : record.grades.map { "  \($0.year)  \($0.grade.name(language))" }
        lines.append("")
        lines.append(MemberLabel.trainings(language))
        lines += record.trainings.isEmpty ? ["  —"] : record.trainings.map { "  \($0.completedOn)  " + RecordWording.describe($0, language) }
        lines.append("")
        lines.append(MemberLabel.discipline(language))
        lines += record.disciplines.isEmpty ? ["  —"] : record.disciplines.map { "  \($0.on)  " + RecordWording.describe($0, language) }
        lines.append("")
        lines.append(MemberLabel.referral(language))
        if record.referrals.isEmpty { lines.append("  —") }
        for referral in record.referrals {
            lines += referral.steps.map { "  \($0.on)  " + RecordWording.describe($0, language) }
            if let lapse = referral.lapsesOn, lapse <= today { lines.append("  \(lapse)  " + ReferralStage.lapsed.name(language)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
