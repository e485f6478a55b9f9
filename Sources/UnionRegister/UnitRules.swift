/// The rules for building and closing units of the tree.
public enum UnitRules {
    /// Unit codes are short and safe to type and to put in file names.
    public static func validateCode(_ code: String) throws {
        let allowed = code.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
        guard (1...32).contains(code.count), allowed else {
            throw RegisterError.badInput(
                Text(vi: "Mã đơn vị \"\(code)\" không hợp lệ.", en: "Unit code \"\(code)\" is not valid."),
                fix: Text(vi: "Dùng 1–32 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.",
                          en: "Use 1–32 characters: ASCII letters, digits, '.', '-', '_'."))
        }
    }

    /// Checks that `unit` may be added under `parent` (nil only for a root bloc): its code,
    /// its name (`TextRules`), an opening day no later than today.
    public static func validateNew(_ unit: Unit, parent: Unit?, today: Day) throws {
        try validateCode(unit.code)
        guard !unit.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.badInput(Text(vi: "Tên đơn vị không được để trống.", en: "A unit needs a name."))
        }
        try TextRules.check(unit.name, .unitName)
        try MemberRules.notInFuture(unit.openedOn, what: Text(vi: "Ngày thành lập", en: "Opening date"), today: today)
        guard let parent else {
            guard unit.kind == .bloc else {
                throw RegisterError.refused(.unitParent, Text(
                    vi: "Chỉ đoàn cấp trên (bloc) mới không có đơn vị cấp trên; \(unit.code) là \(unit.kind.name.vi).",
                    en: "Only a bloc may have no parent; \(unit.code) is a \(unit.kind.name.en)."),
                    fix: Text(vi: "Thêm --parent MÃ_ĐƠN_VỊ.", en: "Add --parent CODE."))
            }
            return
        }
        guard unit.kind.allowedParents.contains(parent.kind) else {
            let allowed = unit.kind.allowedParents.map(\.rawValue).sorted().joined(separator: ", ")
            throw RegisterError.refused(.unitParent, Text(
                vi: "\(unit.kind.name.vi) không thể trực thuộc \(parent.kind.name.vi) (\(parent.code)); cấp trên hợp lệ: \(allowed).",
                en: "A \(unit.kind.name.en) cannot sit under a \(parent.kind.name.en) (\(parent.code)); allowed parents: \(allowed)."))
        }
        try checkParentOpen(unit, parent: parent)
    }

    /// A unit opens while its parent is open. A register starts with a past, so the usual
    /// cause is a parent entered with the wrong (or today's) opening day: the fix says how
    /// to correct it.
    static func checkParentOpen(_ unit: Unit, parent: Unit) throws {
        guard !parent.isOpen(on: unit.openedOn) else { return }
        let fix = unit.openedOn < parent.openedOn
            ? Text(vi: "Nếu \(parent.code) thực ra thành lập sớm hơn, sửa bằng `sodoan unit update \(parent.code) --opened \(unit.openedOn)` (đơn vị gốc: hoặc tạo sổ bằng `sodoan init --opened NGÀY`); nếu không, kiểm tra ngày --opened của \(unit.code).",
                   en: "If \(parent.code) was in fact set up earlier, correct it with `sodoan unit update \(parent.code) --opened \(unit.openedOn)` (for the root, or create the register with `sodoan init --opened DATE`); otherwise check the --opened day of \(unit.code).")
            : Text(vi: "Chọn đơn vị cấp trên đang hoạt động vào ngày đó.", en: "Choose a parent open on that day.")
        throw RegisterError.refused(.unitParentOpen, Text(
            vi: "Đơn vị cấp trên \(parent.code) không hoạt động vào ngày \(unit.openedOn) (thành lập \(parent.openedOn)\(parent.closedOn.map { ", giải thể \($0)" } ?? "")).",
            en: "The parent unit \(parent.code) is not open on \(unit.openedOn) (opened \(parent.openedOn)\(parent.closedOn.map { ", closed \($0)" } ?? ""))."),
            fix: fix)
    }

    /// Checks a correction of a unit's name or opening day (`unit update`: the register
    /// was told a wrong fact, nothing happened on a date). The new opening day must keep
    /// the tree consistent: within the parent's open days, before the unit's closing, no
    /// later than any unit under it opened, and no later than the first member placed in it.
    public static func validateCorrection(_ unit: Unit, parent: Unit?, children: [Unit], firstPlacement: (member: String, on: Day)?,
                                          today: Day) throws {
        try MemberRules.notInFuture(unit.openedOn, what: Text(vi: "Ngày thành lập", en: "Opening date"), today: today)
        guard !unit.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.badInput(Text(vi: "Tên đơn vị không được để trống.", en: "A unit needs a name."))
        }
        try TextRules.check(unit.name, .unitName)
        if let parent { try checkParentOpen(unit, parent: parent) }
        if let closed = unit.closedOn, closed <= unit.openedOn {
            throw RegisterError.refused(.unitClose, Text(
                vi: "Đơn vị \(unit.code) giải thể ngày \(closed); ngày thành lập phải trước ngày đó.",
                en: "Unit \(unit.code) closed on \(closed); it must open before that."))
        }
        if let child = children.filter({ $0.openedOn < unit.openedOn }).min(by: { $0.openedOn < $1.openedOn }) {
            throw RegisterError.refused(.unitParentOpen, Text(
                vi: "Đơn vị trực thuộc \(child.code) thành lập ngày \(child.openedOn), trước ngày \(unit.openedOn).",
                en: "The unit \(child.code) under it opened on \(child.openedOn), before \(unit.openedOn)."),
                fix: Text(vi: "Sửa ngày thành lập của \(child.code) trước, hoặc chọn ngày không muộn hơn \(child.openedOn).",
                          en: "Correct \(child.code)'s opening day first, or choose a day no later than \(child.openedOn)."))
        }
        if let first = firstPlacement, first.on < unit.openedOn {
            throw RegisterError.refused(.memberUnitOpen, Text(
                vi: "Đoàn viên \(first.member) sinh hoạt tại \(unit.code) từ ngày \(first.on), trước ngày \(unit.openedOn).",
                en: "Member \(first.member) is in \(unit.code) from \(first.on), before \(unit.openedOn)."),
                fix: Text(vi: "Chọn ngày không muộn hơn \(first.on), hoặc sửa lịch sử của đoàn viên đó.",
                          en: "Choose a day no later than \(first.on), or correct that member's history."))
        }
    }

    /// A unit can be closed on `day` only when that day is not after today, the unit is
    /// open then, and nobody is still a member of it, nor of an open unit below it (move
    /// them first).
    public static func validateClose(_ unit: Unit, on day: Day, activeMembers: Int, openChildren: [String], today: Day) throws {
        try MemberRules.notInFuture(day, what: Text(vi: "Ngày giải thể", en: "Closing date"), today: today)
        guard unit.isOpen(on: day), day > unit.openedOn else {
            throw RegisterError.refused(.unitClose, Text(
                vi: "Đơn vị \(unit.code) không hoạt động vào ngày \(day) nên không thể giải thể vào ngày đó.",
                en: "Unit \(unit.code) is not open on \(day), so it cannot be closed then."))
        }
        guard openChildren.isEmpty else {
            throw RegisterError.refused(.unitClose, Text(
                vi: "Đơn vị \(unit.code) còn đơn vị trực thuộc đang hoạt động: \(openChildren.joined(separator: ", ")).",
                en: "Unit \(unit.code) still has open units under it: \(openChildren.joined(separator: ", "))."),
                fix: Text(vi: "Giải thể các đơn vị đó trước.", en: "Close those units first."))
        }
        guard activeMembers == 0 else {
            throw RegisterError.refused(.unitClose, Text(
                vi: "Đơn vị \(unit.code) còn \(activeMembers) đoàn viên vào ngày \(day).",
                en: "Unit \(unit.code) still has \(activeMembers) members on \(day)."),
                fix: Text(vi: "Chuyển sinh hoạt các đoàn viên sang đơn vị khác trước (sodoan member transfer).",
                          en: "Transfer its members to another unit first (sodoan member transfer)."))
        }
    }
}
