/// What the introduction letter of a departure says (giấy giới thiệu sinh hoạt đoàn,
/// guidance 16-HD/TWĐTN-BTC pt 3.3.đ): who leaves, from which branch, to which unit outside
/// the register, under which number and on which day, issued by which committee. Rendering
/// it (Markdown, HTML for A4) is the CLI's business.
///
/// The issuing committee is that of the grassroots union or grassroots branch above the
/// member's branch (as for the referral resolution), or the root when there is none.
public struct DepartureLetter: Hashable, Sendable {
    public let member: Member
    /// The `left` event: its day, destination and letter number.
    public let departure: MembershipEvent
    /// The branch the member leaves.
    public let branch: Unit
    /// The committee that signs the letter.
    public let issuer: Unit
    /// The Union organisation above the issuer (the header's first line).
    public let upperUnion: Unit?
    /// The last month of dues paid by the day of the departure ("đã đóng đoàn phí đến hết
    /// tháng"), nil when the register holds no payment.
    public let duesPaidThrough: Month?

    /// Builds the letter of the member's latest departure. `ancestors` are the units from
    /// the branch left up to the root.
    public init(member: Member, history: MembershipHistory, ancestors: [Unit], duesPaidThrough: Month? = nil) throws {
        guard let departure = history.events.last(where: { $0.kind == .left }) else {
            throw RegisterError.refused(.letterNoDeparture, Text(
                vi: "\(member.fullName) (\(member.code)) chưa chuyển sinh hoạt đi nên không có giấy giới thiệu.",
                en: "\(member.fullName) (\(member.code)) has not left, so there is no introduction letter."),
                fix: Text(vi: "Ghi việc chuyển đi bằng `sodoan member leave \(member.code) --on NGÀY --to NƠI_ĐẾN --letter SỐ`.",
                          en: "Record the departure with `sodoan member leave \(member.code) --on DATE --to UNIT --letter NO`."))
        }
        guard let branch = ancestors.first else {
            preconditionFailure("a departure is recorded from a unit of the register")
        }
        let index = ancestors.firstIndex { $0.kind == .grassrootsUnion || $0.kind == .grassrootsBranch } ?? ancestors.count - 1
        self.member = member
        self.departure = departure
        self.branch = branch
        self.issuer = ancestors[index]
        self.upperUnion = ancestors.dropFirst(index + 1).first
        self.duesPaidThrough = duesPaidThrough
    }

    /// The receiving unit, as the departure names it.
    public var destination: String { departure.place ?? "" }
}
