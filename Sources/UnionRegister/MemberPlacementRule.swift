/// Where a member may be placed: members belong to branch-level units only
/// (`branch` or `grassroots-branch`), and only while that unit is open.
public enum MemberPlacementRule {
    public static func check(unit: Unit, on day: Day) throws {
        guard unit.kind.holdsMembers else {
            throw RegisterError.refused(.memberUnitKind, Text(
                vi: "\(unit.code) là \(unit.kind.name.vi); đoàn viên chỉ sinh hoạt ở chi đoàn hoặc chi đoàn cơ sở.",
                en: "\(unit.code) is a \(unit.kind.name.en); members belong to a branch or a grassroots branch."),
                fix: Text(vi: "Chọn một chi đoàn trực thuộc (sodoan unit list --tree).",
                          en: "Choose a branch under it (sodoan unit list --tree)."))
        }
        guard unit.isOpen(on: day) else {
            throw RegisterError.refused(.memberUnitOpen, Text(
                vi: "Chi đoàn \(unit.code) không hoạt động vào ngày \(day) (thành lập \(unit.openedOn)\(unit.closedOn.map { ", giải thể \($0)" } ?? "")).",
                en: "Unit \(unit.code) is not open on \(day) (opened \(unit.openedOn)\(unit.closedOn.map { ", closed \($0)" } ?? ""))."))
        }
    }
}
