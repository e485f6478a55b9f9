/// Whether the rules allow a referral step for a member on a day, criterion by criterion
/// (docs/DOMAIN.md, "Eligibility"), with the policy values it was judged by.
///
/// Definitions the table of docs/DOMAIN.md leaves open, fixed here:
/// - the latest grade is the grade of the most recent year before the year of the step's
///   date: a year is graded at its end, so its grade counts from 1 January of the next year
///   (a step on 2025-01-20 reads the 2024 grade, never a 2025 grade recorded later, and a
///   check for a past day gives the same answer after later grades are entered); a member
///   with no grade before that year fails with that said;
/// - a discipline counts from its date for `discipline_window_months` (`Validity`), so one
///   dated 2023-06-01 with a 12-month window stops counting on 2024-06-01;
/// - the certificate is the most recent `party-awareness` training completed on or before
///   the day, valid for `certificate_valid_months` from completion (`Validity`);
/// - "no open referral" for a nomination means none open on the day; for the later steps
///   it means the open referral is at the stage the step follows.
public struct Eligibility: Hashable, Sendable {
    /// Lowest education for Party admission: lower secondary (THCS).
    public static let minimumEducation = EducationLevel.lowerSecondary

    public let member: Member
    public let step: EligibilityStep
    public let on: Day
    public let policy: Policy
    public let criteria: [Criterion]

    public init(_ facts: MemberFacts, step: EligibilityStep, on day: Day, policy: Policy) {
        member = facts.member
        self.step = step
        on = day
        self.policy = policy
        let judge = Judge(facts: facts, day: day, policy: policy)
        var criteria = [judge.activeMember(), judge.age(), judge.education(), judge.latestGrade(), judge.discipline()]
        if step.needsCertificate { criteria.append(judge.certificate()) }
        criteria += [judge.openReferral(for: step), judge.notPartyMember()]
        self.criteria = criteria
    }

    public var isEligible: Bool { criteria.allSatisfy(\.passed) }

    public var failing: [Criterion] { criteria.filter { !$0.passed } }

    /// One criterion short: the members a secretary may want to help over the line.
    public var isNearlyEligible: Bool { failing.count == 1 }

    /// The refusal a step command gives when the member is not eligible: the failing rule
    /// codes, each with its evidence.
    public var refusal: RegisterError? {
        guard !isEligible else { return nil }
        let lines = { (language: Language) in
            failing.map { "  - \($0.rule.rawValue): \($0.detail(language))" }.joined(separator: "\n")
        }
        return .refused(.eligibility(failing.map(\.rule)), Text(
            vi: "\(member.fullName) (\(member.code)) chưa đủ điều kiện \(step.name.vi) ngày \(on):\n" + lines(.vi),
            en: "\(member.fullName) (\(member.code)) may not be put forward (\(step.name.en)) on \(on):\n" + lines(.en)),
            fix: Text(vi: "Xem đủ các tiêu chí bằng `sodoan referral check \(member.code) --step \(step.rawValue) --on \(on)`.",
                      en: "See every criterion with `sodoan referral check \(member.code) --step \(step.rawValue) --on \(on)`."))
    }
}

/// Judges each criterion for one member on one day.
private struct Judge {
    let facts: MemberFacts
    let day: Day
    let policy: Policy
    var member: Member { facts.member }

    func activeMember() -> Criterion {
        switch facts.history.status(on: day) {
        case .active(let unit):
            return Criterion(.activeMember, passed: true, Text(
                vi: "Đang sinh hoạt tại \(unit) ngày \(day)", en: "Active in \(unit) on \(day)"))
        case .notYetMember where day >= member.joinedOn:
            let arrival = facts.history.events.first.map { (vi: ", chuyển đến ngày \($0.on)", en: ", arrived on \($0.on)") }
            return Criterion(.activeMember, passed: false, Text(
                vi: "Đoàn viên từ \(member.joinedOn) nhưng chưa sinh hoạt tại sổ này ngày \(day)\(arrival?.vi ?? "")",
                en: "In the Union since \(member.joinedOn) but not yet in this register on \(day)\(arrival?.en ?? "")"))
        case .notYetMember:
            return Criterion(.activeMember, passed: false, Text(
                vi: "Chưa là đoàn viên ngày \(day) (vào Đoàn \(member.joinedOn))",
                en: "Not yet a member on \(day) (joined \(member.joinedOn))"))
        case .temporary(let unit, let until):
            return Criterion(.activeMember, passed: false, Text(
                vi: "Chỉ sinh hoạt tạm thời tại \(unit) đến hết \(until); đơn vị gốc giới thiệu",
                en: "Only hosted temporarily in \(unit) through \(until); their home unit refers them"))
        case .temporaryEnded(let unit, let on):
            return Criterion(.activeMember, passed: false, Text(
                vi: "Đã hết sinh hoạt tạm thời tại \(unit) ngày \(on)",
                en: "The temporary stay in \(unit) ended on \(on)"))
        case .left(let kind, let on, let unit):
            return Criterion(.activeMember, passed: false, Text(
                vi: "Đã thôi sinh hoạt (\(kind.name.vi)) tại \(unit) ngày \(on)",
                en: (kind == .left ? "Left this register" : "Left the Union") + " (\(kind.name.en)) from \(unit) on \(on)"))
        }
    }

    func age() -> Criterion {
        guard let age = member.age(on: day) else {
            return Criterion(.age, passed: false, Text(
                vi: "Sinh \(member.birthDate), sau ngày \(day)", en: "Born \(member.birthDate), after \(day)"))
        }
        let passed = age.years >= policy.minAge
        let from = Age.birthday(of: member.birthDate, turning: policy.minAge)
        return Criterion(.age, passed: passed, Text(
            vi: "Sinh \(member.birthDate), \(age.text(.vi)) (cần từ \(policy.minAge) tuổi" + (passed ? ")" : ", tức từ \(from))"),
            en: "Born \(member.birthDate), \(age.text(.en)) (at least \(policy.minAge) needed" + (passed ? ")" : ", that is from \(from))")))
    }

    func education() -> Criterion {
        let floor = Eligibility.minimumEducation
        return Criterion(.education, passed: member.education >= floor, Text(
            vi: "\(member.education.name.vi) (cần từ \(floor.name.vi))",
            en: "\(member.education.name.en) (at least \(floor.name.en) needed)"))
    }

    func latestGrade() -> Criterion {
        let floor = policy.minGrade
        guard let latest = facts.grades.filter({ $0.year < day.year }).max(by: { $0.year < $1.year }) else {
            return Criterion(.latestGrade, passed: false, Text(
                vi: "Chưa có xếp loại năm nào trước năm \(day.year) (cần \(floor.name.vi) trở lên)",
                en: "No grade recorded for a year before \(day.year) (\(floor.name.en) or better needed)"))
        }
        return Criterion(.latestGrade, passed: latest.grade >= floor, Text(
            vi: "\(latest.grade.name.vi) năm \(latest.year) (cần \(floor.name.vi) trở lên)",
            en: "\(latest.grade.name.en) for \(latest.year) (\(floor.name.en) or better needed)"))
    }

    func discipline() -> Criterion {
        let months = policy.disciplineWindowMonths
        let past = facts.disciplines.filter { $0.on <= day }
        let inEffect = past.filter { Validity(from: $0.on, months: months).holds(on: day) }
        if let record = inEffect.last {
            let stops = Validity(from: record.on, months: months).end
            return Criterion(.discipline, passed: false, Text(
                vi: "\(record.level.name.vi) ngày \(record.on) (\(record.reason)), còn tính đến hết \(stops.previous), thôi tính từ \(stops) (thời hạn \(months) tháng)",
                en: "\(record.level.name.en) on \(record.on) (\(record.reason)), counts through \(stops.previous), stops counting on \(stops) (window \(months) months)"))
        }
        if let record = past.last {
            let stopped = Validity(from: record.on, months: months).end
            return Criterion(.discipline, passed: true, Text(
                vi: "Không có kỷ luật trong \(months) tháng; lần gần nhất: \(record.level.name.vi) ngày \(record.on), thôi tính từ \(stopped)",
                en: "No discipline in the last \(months) months; latest: \(record.level.name.en) on \(record.on), stopped counting on \(stopped)"))
        }
        return Criterion(.discipline, passed: true, Text(vi: "Chưa bị kỷ luật", en: "Never disciplined"))
    }

    func certificate() -> Criterion {
        let months = policy.certificateValidMonths
        guard let record = facts.trainings.filter({ $0.kind == .partyAwareness && $0.completedOn <= day })
            .max(by: { $0.completedOn < $1.completedOn }) else {
            return Criterion(.partyAwarenessCertificate, passed: false, Text(
                vi: "Chưa học lớp bồi dưỡng nhận thức về Đảng đến ngày \(day)",
                en: "No Party-awareness class completed by \(day)"))
        }
        let validity = Validity(from: record.completedOn, months: months)
        let number = record.certificateNo.map { "số \($0)" } ?? "không ghi số"
        let numberEn = record.certificateNo.map { "no. \($0)" } ?? "no number recorded"
        let passed = validity.holds(on: day)
        return Criterion(.partyAwarenessCertificate, passed: passed, Text(
            vi: "Giấy chứng nhận \(number), hoàn thành \(record.completedOn), " + (passed ? "còn hạn đến hết \(validity.lastDay)" : "hết hạn từ \(validity.end)") + " (hiệu lực \(months) tháng)",
            en: "Certificate \(numberEn), completed \(record.completedOn), " + (passed ? "valid through \(validity.lastDay)" : "expired on \(validity.end)") + " (valid \(months) months)"))
    }

    func openReferral(for step: EligibilityStep) -> Criterion {
        let open = facts.latestReferral.flatMap { $0.isOpen(on: day) ? $0 : nil }
        guard let expected = step.follows else {
            guard let open, let stage = open.stage(on: day) else {
                return Criterion(.noOpenReferral, passed: true, Text(vi: "Không có hồ sơ giới thiệu đang mở", en: "No open referral"))
            }
            return Criterion(.noOpenReferral, passed: false, Text(
                vi: "Đang có hồ sơ giới thiệu (đề xuất ngày \(open.nominatedOn!), đang ở bước «\(stage.name.vi)»)",
                en: "A referral is open (nominated on \(open.nominatedOn!), now \(stage.name.en))"))
        }
        guard let open, let stage = open.stage(on: day) else {
            let lapsed = facts.latestReferral.flatMap { $0.stage(on: day) == .lapsed ? $0.lapsesOn : nil }
            return Criterion(.noOpenReferral, passed: false, Text(
                vi: "Không có hồ sơ giới thiệu đang mở ở bước «\(expected.name.vi)»" + (lapsed.map { "; hồ sơ trước hết hiệu lực từ \($0)" } ?? ""),
                en: "No open referral at stage \(expected.name.en)" + (lapsed.map { "; the last one lapsed on \($0)" } ?? "")))
        }
        let since = open.steps.last { $0.on <= day }!.on
        return Criterion(.noOpenReferral, passed: stage == expected, Text(
            vi: "Hồ sơ đề xuất ngày \(open.nominatedOn!) đang ở bước «\(stage.name.vi)» từ \(since) (cần «\(expected.name.vi)»)",
            en: "Referral nominated on \(open.nominatedOn!) is at \(stage.name.en) since \(since) (\(expected.name.en) needed)"))
    }

    func notPartyMember() -> Criterion {
        if let since = facts.partyMemberSince(on: day) {
            return Criterion(.notPartyMember, passed: false, Text(
                vi: "Đã là đảng viên từ \(since)", en: "A Party member since \(since)"))
        }
        return Criterion(.notPartyMember, passed: true, Text(vi: "Chưa là đảng viên", en: "Not a Party member"))
    }
}
