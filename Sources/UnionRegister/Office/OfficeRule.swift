/// The rules an office must meet before it is kept (docs/DOMAIN.md#union-offices): a term
/// that ends after it starts, begun by today; a unit open for the whole term; a member
/// active in that unit or below it on the first day; one term of a role per member and
/// unit at a time, and one secretary of a unit on any day.
public enum OfficeRule {
    /// Checks a new office. `history` is the member's, `unit` the office's unit,
    /// `lineage(code)` the codes of a unit and every unit above it, and `others` the offices
    /// of that unit already kept (any member's).
    public static func check(_ office: Office, holder member: Member, history: MembershipHistory, unit: Unit,
                             lineage: (String) throws -> [String], others: [Office], today: Day) throws {
        try MemberRules.notInFuture(office.from, what: Text(vi: "Ngày bắt đầu giữ chức vụ", en: "The office's first day"), today: today)
        if let to = office.to { try checkTerm(from: office.from, to: to) }
        let role = office.role.name, code = unit.code
        guard unit.isOpen(on: office.from) else {
            throw RegisterError.refused(.officeUnit, Text(
                vi: "Đơn vị \(code) không hoạt động ngày \(office.from) (thành lập \(unit.openedOn)\(unit.closedOn.map { ", giải thể \($0)" } ?? "")); không thể giao chức vụ \(role.vi).",
                en: "Unit \(code) is not open on \(office.from) (opened \(unit.openedOn)\(unit.closedOn.map { ", closed \($0)" } ?? "")); no \(role.en) can start then."),
                fix: Text(vi: "Giao chức vụ ở đơn vị đang hoạt động, hoặc sửa ngày.", en: "Give the office in an open unit, or correct the date."))
        }
        if let closed = unit.closedOn, (office.to ?? .endOfTime) > closed {
            throw RegisterError.refused(.officeUnit, Text(
                vi: "Đơn vị \(code) giải thể ngày \(closed); nhiệm kỳ \(role.vi) phải kết thúc chậm nhất ngày đó.",
                en: "Unit \(code) closed on \(closed); the \(role.en)'s term must end by that day."),
                fix: Text(vi: "Ghi --to không sau \(closed).", en: "Give --to no later than \(closed)."))
        }
        let status = history.status(on: office.from)
        guard let memberUnit = status.activeUnitCode, try lineage(memberUnit).contains(code) else {
            let place = status.activeUnitCode.map { Text(vi: "sinh hoạt tại \($0)", en: "in \($0)") }
                ?? Text(vi: "không là đoàn viên đang sinh hoạt", en: "not an active member")
            throw RegisterError.refused(.officeMember, Text(
                vi: "\(member.fullName) \(place.vi) ngày \(office.from), không thuộc \(code); không thể giữ chức vụ \(role.vi) của \(code).",
                en: "\(member.fullName) is \(place.en) on \(office.from), not within \(code); cannot hold the office of \(role.en) of \(code)."),
                fix: Text(vi: "Kiểm tra đơn vị và ngày bắt đầu.", en: "Check the unit and the first day."))
        }
        for other in others where other.overlaps(office) {
            if other.memberCode == office.memberCode && other.role == office.role {
                throw RegisterError.refused(.officeOverlap, Text(
                    vi: "\(member.fullName) đã giữ chức vụ \(role.vi) của \(code) từ \(other.from)\(other.to.map { " đến \($0)" } ?? ""), trùng nhiệm kỳ mới.",
                    en: "\(member.fullName) already holds the office of \(role.en) of \(code) from \(other.from)\(other.to.map { " to \($0)" } ?? ""), which overlaps the new term."),
                    fix: Text(vi: "Kết thúc nhiệm kỳ cũ bằng `sodoan office end` trước.", en: "End the earlier term with `sodoan office end` first."))
            }
            if other.role == .secretary && office.role == .secretary {
                throw RegisterError.refused(.officeSecretary, Text(
                    vi: "\(code) đã có Bí thư \(other.memberCode) từ \(other.from)\(other.to.map { " đến \($0)" } ?? ""); một đơn vị chỉ có một Bí thư mỗi ngày.",
                    en: "\(code) already has secretary \(other.memberCode) from \(other.from)\(other.to.map { " to \($0)" } ?? ""); a unit has one secretary on any day."),
                    fix: Text(vi: "Kết thúc nhiệm kỳ của Bí thư trước (ngày kết thúc là ngày Bí thư mới bắt đầu).",
                              en: "End the previous secretary's term first (it ends on the day the new one starts)."))
            }
        }
    }

    /// The office ended on `day` (`office end`, a removal from office): a day after it
    /// started, not after today, and not after it already ended.
    public static func ending(_ office: Office, on day: Day, today: Day) throws -> Office {
        try MemberRules.notInFuture(day, what: Text(vi: "Ngày kết thúc chức vụ", en: "The office's end"), today: today)
        try checkTerm(from: office.from, to: day)
        if let to = office.to, to <= day {
            throw RegisterError.refused(.officeTerm, Text(
                vi: "Chức vụ \(office.role.name.vi) của \(office.unitCode) đã kết thúc ngày \(to).",
                en: "The office of \(office.role.name.en) of \(office.unitCode) already ended on \(to)."))
        }
        var ended = office
        ended.to = day
        return ended
    }

    /// A term ends after it starts: the day it ends is no longer in office.
    private static func checkTerm(from: Day, to: Day) throws {
        guard to > from else {
            throw RegisterError.refused(.officeTerm, Text(
                vi: "Nhiệm kỳ kết thúc ngày \(to), không sau ngày bắt đầu \(from).",
                en: "The term ends on \(to), not after it starts on \(from)."),
                fix: Text(vi: "Ngày kết thúc là ngày đầu tiên không còn giữ chức vụ, sau ngày bắt đầu.",
                          en: "The end is the first day no longer in office, after the first day."))
        }
    }
}
