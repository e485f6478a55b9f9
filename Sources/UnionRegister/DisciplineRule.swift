import Foundation

/// Checks on a discipline decision before it is kept (Charter arts. 32-34): it has a
/// reason, it is not dated in the future, and the person was a member on its date — a
/// branch can only discipline its own members.
///
/// Whether an expulsion may end membership on that date (not after membership already
/// ended, not before the latest event) is `MembershipHistory.appending`'s rule, checked
/// when the store writes the `expelled` event.
public enum DisciplineRule {
    /// The offices a removal from office on `record.on` ends: every office begun before
    /// that day and not ended before it. One already ending on that day (kept as the
    /// removal left it, e.g. by an import of an export) is ended by it too and stays as it
    /// is. Refused (`discipline-office`) when there is none: the member holds no office to
    /// be removed from.
    public static func officesEnded(by record: DisciplineRecord, of member: Member, offices: [Office]) throws -> [Office] {
        let held = offices.filter { $0.from < record.on && ($0.to.map { $0 >= record.on } ?? true) }
        guard !held.isEmpty else {
            throw RegisterError.refused(.disciplineOffice, Text(
                vi: "\(member.fullName) không giữ chức vụ Đoàn nào vào ngày \(record.on); không thể cách chức.",
                en: "\(member.fullName) holds no Union office on \(record.on); cannot be removed from office."),
                fix: Text(vi: "Xem `sodoan office list`; chọn hình thức kỷ luật khác nếu đoàn viên không giữ chức vụ.",
                          en: "See `sodoan office list`; choose another level if the member holds no office."))
        }
        return held.filter { $0.to != record.on }
    }

    public static func check(_ record: DisciplineRecord, of member: Member, history: MembershipHistory, today: Day) throws {
        guard !record.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RegisterError.badInput(
                Text(vi: "Chưa ghi lý do kỷ luật.", en: "The reason for the discipline is empty."),
                fix: Text(vi: "Ghi lý do bằng --reason, ví dụ số quyết định và hành vi vi phạm.",
                          en: "Give the reason with --reason, e.g. the decision number and the offence."))
        }
        try TextRules.check(record.reason, .reason)
        try MemberRules.notInFuture(record.on, what: Text(vi: "Ngày kỷ luật", en: "Discipline date"), today: today)
        switch history.status(on: record.on) {
        case .active:
            return
        case .notYetMember:
            let joined = history.events.first.map { " (kết nạp ngày \($0.on))" } ?? ""
            let joinedEN = history.events.first.map { " (admitted on \($0.on))" } ?? ""
            throw RegisterError.refused(.disciplineMembership, Text(
                vi: "\(member.fullName) chưa là đoàn viên vào ngày \(record.on)\(joined); không thể kỷ luật.",
                en: "\(member.fullName) was not yet a member on \(record.on)\(joinedEN); cannot be disciplined."),
                fix: Text(vi: "Kiểm tra ngày của quyết định kỷ luật.", en: "Check the date of the discipline decision."))
        case .temporary(let unit, _), .temporaryEnded(let unit, _):
            throw RegisterError.refused(.disciplineMembership, Text(
                vi: "\(member.fullName) chỉ sinh hoạt tạm thời tại \(unit) vào ngày \(record.on); đơn vị gốc xét kỷ luật.",
                en: "\(member.fullName) was only hosted temporarily in \(unit) on \(record.on); their home unit decides discipline."))
        case .left(let kind, let on, _):
            throw RegisterError.refused(.disciplineMembership, Text(
                vi: "\(member.fullName) đã thôi sinh hoạt Đoàn (\(kind.name.vi)) từ ngày \(on); không thể kỷ luật ngày \(record.on).",
                en: "\(member.fullName) left \(kind == .left ? "this register" : "the Union") (\(kind.name.en)) on \(on); cannot be disciplined on \(record.on)."),
                fix: Text(vi: "Kiểm tra ngày của quyết định kỷ luật.", en: "Check the date of the discipline decision."))
        }
    }
}
