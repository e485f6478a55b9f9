/// Where a member may be placed: members belong to branch-level units only
/// (`branch` or `grassroots-branch`), and only while that unit is open.
public enum MemberPlacementRule {
    /// `kind` is the event that places the member: an admission into a branch that did not
    /// exist yet is most often a member admitted elsewhere, and the fix says so.
    public static func check(unit: Unit, on day: Day, kind: MembershipEventKind = .admitted) throws {
        guard unit.kind.holdsMembers else {
            throw RegisterError.refused(.memberUnitKind, Text(
                vi: "\(unit.code) là \(unit.kind.name.vi); đoàn viên chỉ sinh hoạt ở chi đoàn hoặc chi đoàn cơ sở.",
                en: "\(unit.code) is a \(unit.kind.name.en); members belong to a branch or a grassroots branch."),
                fix: Text(vi: "Chọn một chi đoàn trực thuộc (sodoan unit list --tree).",
                          en: "Choose a branch under it (sodoan unit list --tree)."))
        }
        guard unit.isOpen(on: day) else {
            let admittedBefore = kind == .admitted && day < unit.openedOn
            throw RegisterError.refused(.memberUnitOpen, Text(
                vi: "Chi đoàn \(unit.code) không hoạt động vào ngày \(day) (thành lập \(unit.openedOn)\(unit.closedOn.map { ", giải thể \($0)" } ?? "")).",
                en: "Unit \(unit.code) is not open on \(day) (opened \(unit.openedOn)\(unit.closedOn.map { ", closed \($0)" } ?? ""))."),
                fix: admittedBefore
                    ? Text(vi: "Nếu đoàn viên được kết nạp ở nơi khác rồi mới về chi đoàn, ghi ngày chuyển đến (--arrived NGÀY --from ĐƠN_VỊ_CŨ, hoặc cột arrived_on «Ngày chuyển đến» khi nhập tệp); nếu ngày thành lập sai, sửa bằng `sodoan unit update \(unit.code) --opened NGÀY`.",
                           en: "If the member was admitted elsewhere and came to this branch later, give the arrival day (--arrived DATE --from PLACE, or the arrived_on column when importing); if the opening day is wrong, correct it with `sodoan unit update \(unit.code) --opened DATE`.")
                    : Text(vi: "Kiểm tra ngày, hoặc sửa ngày thành lập bằng `sodoan unit update \(unit.code) --opened NGÀY`.",
                           en: "Check the day, or correct the opening day with `sodoan unit update \(unit.code) --opened DATE`."))
        }
    }
}
