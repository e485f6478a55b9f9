/// The domain's consistency checks on one member's stored record, for `sodoan check`.
///
/// The write paths refuse all of these; a finding here means the file was changed behind
/// sodoan's back or by an older version, so each one names what to fix.
public enum MemberConsistency {
    public static func check(_ member: Member, events: [MembershipEvent], grades: [GradeRecord], offices: [Office],
                             units: [String: Unit], today: Day) -> [Finding] {
        var findings: [Finding] = []
        func error(_ code: String, _ message: Text) { findings.append(Finding(.error, code: code, subject: member.code, message)) }

        // Replay the history through the same rule the write paths use.
        var history = MembershipHistory(events: [])
        for event in events {
            do {
                history = try history.appending(event)
            } catch let refusal as RegisterError {
                error("event-order", refusal.message)
                return findings
            } catch {
                return findings
            }
            if [.admitted, .transferred, .reorganised, .arrived, .hosted].contains(event.kind), let unit = units[event.unitCode] {
                do { try MemberPlacementRule.check(unit: unit, on: event.on, kind: event.kind) } catch let refusal as RegisterError {
                    error("member-unit", refusal.message)
                } catch {}
            }
        }
        if let first = events.first, first.kind == .admitted, first.on != member.joinedOn {
            error("joined-date", Text(
                vi: "Ngày vào Đoàn \(member.joinedOn) khác ngày kết nạp trong lịch sử \(first.on).",
                en: "The joining date \(member.joinedOn) differs from the admission event on \(first.on)."))
        }
        if let first = events.first, first.kind != .admitted, first.on < member.joinedOn {
            error("arrival-before-admission", Text(
                vi: "Ngày chuyển đến \(first.on) trước ngày vào Đoàn \(member.joinedOn).",
                en: "The arrival on \(first.on) is before the admission to the Union on \(member.joinedOn)."))
        }
        if events.isEmpty {
            error("no-admission", Text(vi: "Đoàn viên không có sự kiện kết nạp hay chuyển đến.", en: "The member has no admission nor arrival event."))
        }
        for grade in grades {
            do { try GradeRule.check(member, history: history, year: grade.year, today: today) } catch let refusal as RegisterError {
                error(refusal.rule?.code ?? "grade-months", refusal.message)
            } catch {}
        }
        if case .active(let unitCode) = history.status(on: today) {
            if let unit = units[unitCode], !unit.isOpen(on: today) {
                error("member-unit", Text(
                    vi: "Đang sinh hoạt tại \(unitCode), đơn vị đã giải thể.",
                    en: "Active in \(unitCode), a closed unit."))
            }
            if let flag = MaturityRule.flag(for: member, offices: offices, on: today) {
                let text = Text(vi: "\(member.fullName) (sinh \(member.birthDate)): \(flag.name.vi).",
                                en: "\(member.fullName) (born \(member.birthDate)): \(flag.name.en).")
                if flag == .overAgeLimit { error(flag.rawValue, text) } else {
                    findings.append(Finding(.warning, code: flag.rawValue, subject: member.code, text))
                }
            }
        }
        return findings
    }
}
