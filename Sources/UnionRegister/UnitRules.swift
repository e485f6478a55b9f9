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

    /// Checks that `unit` may be added under `parent` (nil only for a root bloc).
    public static func validateNew(_ unit: Unit, parent: Unit?) throws {
        try validateCode(unit.code)
        guard !unit.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.badInput(Text(vi: "Tên đơn vị không được để trống.", en: "A unit needs a name."))
        }
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
        guard parent.isOpen(on: unit.openedOn) else {
            throw RegisterError.refused(.unitParentOpen, Text(
                vi: "Đơn vị cấp trên \(parent.code) không hoạt động vào ngày \(unit.openedOn).",
                en: "The parent unit \(parent.code) is not open on \(unit.openedOn)."))
        }
    }

    /// A unit can be closed on `day` only when it is open then and nobody is still a member
    /// of it, nor of an open unit below it (move them first).
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
