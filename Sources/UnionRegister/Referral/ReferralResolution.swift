/// What the referral resolution (nghị quyết giới thiệu đoàn viên ưu tú, form 4-KNĐ of
/// guidance 12-HD/BTCTW) says: who decided, under which number, on which day, about whom,
/// with which vote. Rendering it (Markdown, HTML for A4) is the CLI's business.
///
/// The deciding body is the committee of the grassroots union above the member's branch,
/// or, for a grassroots branch (chi đoàn cơ sở), that branch's own meeting (docs/DOMAIN.md).
public struct ReferralResolution: Hashable, Sendable {
    public let member: Member
    /// The branch the member was in on the day of the resolution.
    public let branch: Unit
    /// The grassroots union or grassroots branch that passed the resolution.
    public let committee: Unit
    /// The Union organisation above the committee (the header's first line).
    public let upperUnion: Unit?
    /// The branch meeting's nomination: its date and vote, cited as the proposal.
    public let nomination: ReferralStep
    /// The resolution step: its number, date and vote.
    public let resolution: ReferralStep

    /// Builds the resolution of the member's latest referral that reached `referred`.
    /// `ancestors` are the branch's units from the branch itself up to the root.
    public init(member: Member, referrals: [Referral], ancestors: [Unit]) throws {
        guard let referral = referrals.last(where: { $0.step(.referred) != nil }),
              let nomination = referral.step(.nominated), let resolution = referral.step(.referred) else {
            throw RegisterError.refused(.referralStage, Text(
                vi: "\(member.fullName) (\(member.code)) chưa có nghị quyết giới thiệu nào được ghi.",
                en: "No referral resolution is recorded for \(member.fullName) (\(member.code))."),
                fix: Text(vi: "Ghi nghị quyết bằng `sodoan referral refer \(member.code) --on NGÀY --resolution SỐ …`.",
                          en: "Record it with `sodoan referral refer \(member.code) --on DATE --resolution NO …`."))
        }
        guard let branch = ancestors.first,
              let index = ancestors.firstIndex(where: { $0.kind == .grassrootsUnion || $0.kind == .grassrootsBranch }) else {
            throw RegisterError.refused(.referralCommittee, Text(
                vi: "Không tìm thấy đoàn cơ sở hoặc chi đoàn cơ sở phía trên đơn vị của \(member.fullName).",
                en: "There is no grassroots union or grassroots branch above \(member.fullName)'s unit."))
        }
        self.member = member
        self.branch = branch
        self.committee = ancestors[index]
        self.upperUnion = ancestors.dropFirst(index + 1).first
        self.nomination = nomination
        self.resolution = resolution
    }

    /// True when a grassroots branch's meeting, not a committee, decided.
    public var decidedByBranchMeeting: Bool { committee.kind == .grassrootsBranch }

    /// The resolution's number, e.g. `12-NQ/ĐTN`.
    public var number: String { resolution.resolutionNo ?? "" }
}
