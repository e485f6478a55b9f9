/// The referral's state machine (docs/DOMAIN.md): which stage may follow which, on which day,
/// with which vote.
///
/// nominated → referred-to-class → (the class: a training record) → referred → admitted →
/// official; rejected or withdrawn from any open stage; lapsed (derived) 12 months after
/// `referred` without admission. The Union's own steps (nominate, refer-to-class, refer)
/// re-check every eligibility criterion on their date; the Party's steps check the stage:
/// `admit` needs a resolution that has not lapsed, `confirm` needs 12 months of probation.
public enum ReferralProcess {
    /// Decides whether `action` may be recorded on `day`, and returns the step to record.
    /// A `nominate` step opens a new referral; every other step extends the latest one.
    public static func step(for action: ReferralAction, on day: Day, facts: MemberFacts, policy: Policy) throws -> ReferralStep {
        try validateInput(action)
        try checkDateOrder(day, facts: facts)
        if let step = action.eligibilityStep,
           let refusal = Eligibility(facts, step: step, on: day, policy: policy).refusal {
            throw refusal
        }
        switch action {
        case .nominate(let vote):
            try check(vote, deciding: Text(vi: "chi đoàn", en: "the branch"))
            return ReferralStep(stage: .nominated, on: day, vote: vote)
        case .referToClass:
            return ReferralStep(stage: .referredToClass, on: day)
        case .refer(let number, let vote):
            try check(vote, deciding: Text(vi: "Ban Chấp hành", en: "the committee"))
            let number = number.trimmingCharacters(in: .whitespaces)
            // A bare number is the committee's sequence number: the form's full number adds -NQ/ĐTN.
            return ReferralStep(stage: .referred, on: day, vote: vote,
                                resolutionNo: number.allSatisfy(\.isNumber) ? number + "-NQ/ĐTN" : number)
        case .admit(let decision):
            try openReferral(at: .referred, for: action, on: day, facts: facts)
            return ReferralStep(stage: .admitted, on: day, decisionNo: decision)
        case .confirm(let decision):
            let referral = try openReferral(at: .admitted, for: action, on: day, facts: facts)
            let admitted = referral.step(.admitted)!.on, ends = referral.probationEnds!
            guard day >= ends else {
                throw RegisterError.refused(.probation, Text(
                    vi: "\(facts.member.fullName) kết nạp Đảng ngày \(admitted); thời gian dự bị \(Referral.probationMonths) tháng chưa hết ngày \(day).",
                    en: "\(facts.member.fullName) was admitted on \(admitted); the \(Referral.probationMonths)-month probation has not ended on \(day)."),
                    fix: Text(vi: "Có thể công nhận chính thức từ ngày \(ends).", en: "Confirmation is possible from \(ends)."))
            }
            return ReferralStep(stage: .official, on: day, decisionNo: decision)
        case .reject(let reason), .withdraw(let reason):
            try openReferral(at: nil, for: action, on: day, facts: facts)
            return ReferralStep(stage: action.stage, on: day, reason: reason.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Bad input comes before any rule (exit 65, not 1): votes that cannot happen, a
    /// missing resolution number, a missing reason.
    static func validateInput(_ action: ReferralAction) throws {
        let decision = TextRules.Field.line(Text(vi: "Số quyết định", en: "The decision number"))
        switch action {
        case .nominate(let vote):
            try vote.validateNumbers()
        case .refer(let number, let vote):
            guard !number.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw RegisterError.badInput(Text(vi: "Thiếu số nghị quyết (ví dụ 12-NQ/ĐTN).",
                                                  en: "The resolution number is missing (e.g. 12-NQ/ĐTN)."))
            }
            try TextRules.check(number, .line(Text(vi: "Số nghị quyết", en: "The resolution number")))
            try vote.validateNumbers()
        case .reject(let reason), .withdraw(let reason):
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw RegisterError.badInput(Text(vi: "Cần ghi lý do (--reason).", en: "A reason is required (--reason)."))
            }
            try TextRules.check(reason, .reason)
        case .admit(let number), .confirm(let number):
            try TextRules.check(number, decision)
        case .referToClass:
            break
        }
    }

    /// Refuses a meeting without quorum or a proposal without a majority (rule refused):
    /// a failed vote is recorded with `reject`.
    static func check(_ vote: Vote, deciding body: Text) throws {
        let fix = Text(vi: "Nếu cuộc họp đã biểu quyết không thông qua, ghi lại bằng `sodoan referral reject`.",
                       en: "If the meeting voted the proposal down, record it with `sodoan referral reject`.")
        guard vote.hasQuorum else {
            let needed = (2 * vote.convened + 2) / 3
            throw RegisterError.refused(.voteQuorum, Text(
                vi: "Cuộc họp của \(body.vi) không hợp lệ: có mặt \(vote.present)/\(vote.convened), cần ít nhất hai phần ba (\(needed)).",
                en: "The meeting of \(body.en) had no quorum: \(vote.present) of \(vote.convened) present, at least two thirds (\(needed)) needed."),
                fix: fix)
        }
        guard vote.passes else {
            throw RegisterError.refused(.voteMajority, Text(
                vi: "Không đủ quá nửa số có mặt tán thành: \(vote.ratio); cần ít nhất \(vote.present / 2 + 1).",
                en: "Not more than half of those present voted for: \(vote.ratio); at least \(vote.present / 2 + 1) needed."),
                fix: fix)
        }
    }

    /// A step may not be dated before the member's latest recorded referral step.
    static func checkDateOrder(_ day: Day, facts: MemberFacts) throws {
        guard let last = facts.referrals.flatMap(\.steps).max(by: { $0.on < $1.on }), day < last.on else { return }
        throw RegisterError.refused(.stepOrder, Text(
            vi: "Ngày \(day) trước bước gần nhất của hồ sơ giới thiệu (\(last.stage.name.vi) ngày \(last.on)).",
            en: "\(day) is before the latest referral step (\(last.stage.name.en) on \(last.on))."),
            fix: Text(vi: "Các bước phải ghi theo thứ tự thời gian.", en: "Steps must be recorded in date order."))
    }

    /// The member's referral open on `day`, at `stage` when one is named.
    @discardableResult
    static func openReferral(at stage: ReferralStage?, for action: ReferralAction, on day: Day, facts: MemberFacts) throws -> Referral {
        let member = facts.member
        let current = facts.latestReferral.flatMap { $0.stage(on: day) }
        if let referral = facts.latestReferral, let current, !current.isFinal, stage == nil || current == stage {
            return referral
        }
        let wanted = stage.map { "«\($0.name.vi)»" } ?? "đang mở"
        let wantedEn = stage.map { $0.name.en } ?? "open"
        let now = current.map { "đang ở bước «\($0.name.vi)»" } ?? "chưa có hồ sơ giới thiệu"
        let nowEn = current.map { "it is \($0.name.en)" } ?? "there is no referral"
        let lapsed = current == .lapsed ? facts.latestReferral?.lapsesOn : nil
        throw RegisterError.refused(.referralStage, Text(
            vi: "Không thể ghi «\(action.stage.name.vi)» cho \(member.fullName) ngày \(day): cần hồ sơ \(wanted), nhưng \(now)" + (lapsed.map { " (hết hiệu lực từ \($0))" } ?? "") + ".",
            en: "Cannot record \(action.stage.name.en) for \(member.fullName) on \(day): the referral must be \(wantedEn), but \(nowEn)" + (lapsed.map { " (since \($0))" } ?? "") + "."),
            fix: lapsed.map { _ in Text(vi: "Nghị quyết giới thiệu đã quá 12 tháng: chi đoàn đề xuất lại (`sodoan referral nominate`).",
                                        en: "The resolution is over 12 months old: the branch must nominate again (`sodoan referral nominate`).") })
    }
}
