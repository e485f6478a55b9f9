/// The rules of renaming, moving, merging and splitting units (docs/DOMAIN.md#units-change).
///
/// Every reorganisation is dated on a day when the unit it changes is open (from its
/// opening day, before its closing day), no later than today, and after the unit's own
/// previous change of the same kind, so each change's "before" is the one in force. A
/// change that moves members is also refused before any later event of those members: it
/// would slip into the middle of their history.
public enum ReorganisationRules {
    /// A member event dated after a reorganisation's day in a unit it empties.
    public struct LaterEvent: Hashable, Sendable {
        public var member: String
        public var unitCode: String
        public var on: Day

        public init(member: String, unitCode: String, on: Day) {
            self.member = member
            self.unitCode = unitCode
            self.on = on
        }
    }

    /// `unit` may change on `day`: no later than today, open that day, after `previous`.
    static func checkDay(_ unit: Unit, on day: Day, previous: Day?, kind: UnitChangeKind, today: Day) throws {
        try MemberRules.notInFuture(day, what: Text(vi: "Ngày sắp xếp", en: "The reorganisation day"), today: today)
        guard day >= unit.openedOn else {
            throw RegisterError.refused(.unitReorganisationDate, Text(
                vi: "Đơn vị \(unit.code) thành lập ngày \(unit.openedOn), sau ngày \(day).",
                en: "Unit \(unit.code) opened on \(unit.openedOn), after \(day)."),
                fix: Text(vi: "Chọn ngày từ \(unit.openedOn) trở đi, hoặc sửa ngày thành lập bằng `sodoan unit update \(unit.code) --opened NGÀY`.",
                          en: "Choose a day from \(unit.openedOn) on, or correct the opening day with `sodoan unit update \(unit.code) --opened DATE`."))
        }
        guard unit.isOpen(on: day) else {
            throw RegisterError.refused(.unitReorganisationDate, Text(
                vi: "Đơn vị \(unit.code) đã giải thể ngày \(unit.closedOn!), không thể \(kind.name.vi.lowercased()) ngày \(day).",
                en: "Unit \(unit.code) closed on \(unit.closedOn!); it cannot be \(kind.name.en) on \(day)."))
        }
        if let previous, day <= previous {
            throw RegisterError.refused(.unitReorganisationDate, Text(
                vi: "Đơn vị \(unit.code) đã \(kind.name.vi.lowercased()) ngày \(previous); lần sau phải ghi sau ngày đó.",
                en: "Unit \(unit.code) was already \(kind.name.en) on \(previous); a later change must be dated after it."),
                fix: Text(vi: "Các lần sắp xếp được ghi theo thứ tự thời gian.", en: "Reorganisations are recorded in date order."))
        }
    }

    /// A rename to a valid, different name (`TextRules`).
    public static func validateRename(_ unit: Unit, to name: String, on day: Day, previous: Day?, today: Day) throws {
        try checkDay(unit, on: day, previous: previous, kind: .renamed, today: today)
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.badInput(Text(vi: "Tên đơn vị không được để trống.", en: "A unit needs a name."))
        }
        try TextRules.check(name, .unitName)
        guard name != unit.name else {
            throw RegisterError.refused(.unitReorganisationDate, Text(
                vi: "Đơn vị \(unit.code) đã mang tên «\(name)».", en: "Unit \(unit.code) is already named “\(name)”."))
        }
    }

    /// A move of `unit` under `parent` on `day`: a parent of an allowed kind, open that
    /// day, not the current parent, and not the unit itself nor a unit below it
    /// (`parentInSubtree`: the store looks it up in the tree of that day).
    public static func validateMove(_ unit: Unit, under parent: Unit, currentParent: String?, on day: Day, previous: Day?,
                                    parentInSubtree: Bool, today: Day) throws {
        try checkDay(unit, on: day, previous: previous, kind: .moved, today: today)
        guard !parentInSubtree else {
            throw RegisterError.refused(.unitMoveCycle, Text(
                vi: "\(parent.code) nằm trong cây con của \(unit.code) vào ngày \(day); một đơn vị không thể trực thuộc chính cấp dưới của nó.",
                en: "\(parent.code) is in \(unit.code)'s subtree on \(day); a unit cannot sit under its own descendant."),
                fix: Text(vi: "Chọn đơn vị cấp trên bên ngoài \(unit.code).", en: "Choose a parent outside \(unit.code)."))
        }
        guard unit.kind.allowedParents.contains(parent.kind) else {
            let allowed = unit.kind.allowedParents.map(\.rawValue).sorted().joined(separator: ", ")
            throw RegisterError.refused(.unitParent, Text(
                vi: "\(unit.kind.name.vi) không thể trực thuộc \(parent.kind.name.vi) (\(parent.code)); cấp trên hợp lệ: \(allowed).",
                en: "A \(unit.kind.name.en) cannot sit under a \(parent.kind.name.en) (\(parent.code)); allowed parents: \(allowed)."))
        }
        guard parent.isOpen(on: day) else {
            throw RegisterError.refused(.unitParentOpen, Text(
                vi: "Đơn vị \(parent.code) không hoạt động vào ngày \(day) (thành lập \(parent.openedOn)\(parent.closedOn.map { ", giải thể \($0)" } ?? "")).",
                en: "Unit \(parent.code) is not open on \(day) (opened \(parent.openedOn)\(parent.closedOn.map { ", closed \($0)" } ?? ""))."),
                fix: Text(vi: "Chọn đơn vị cấp trên đang hoạt động vào ngày đó.", en: "Choose a parent open on that day."))
        }
        guard parent.code != currentParent else {
            throw RegisterError.refused(.unitParent, Text(
                vi: "\(unit.code) đã trực thuộc \(parent.code) vào ngày \(day).", en: "\(unit.code) is already under \(parent.code) on \(day)."))
        }
    }

    /// A merge of `sources` into `target` on `day`: each source open, of the target's
    /// kind (or both branch-level, which hold members), none the target itself nor above
    /// it (`targetUnder`: the source the target sits under, looked up by the store), the
    /// target open, and no later event in a source (`laterEvent`).
    public static func validateMerge(_ sources: [Unit], into target: Unit, on day: Day, targetUnder: String?,
                                     laterEvent: LaterEvent?, today: Day) throws {
        try MemberRules.notInFuture(day, what: Text(vi: "Ngày hợp nhất", en: "The merger day"), today: today)
        guard target.isOpen(on: day) else {
            throw RegisterError.refused(.unitMerge, Text(
                vi: "Đơn vị nhận \(target.code) không hoạt động vào ngày \(day) (thành lập \(target.openedOn)\(target.closedOn.map { ", giải thể \($0)" } ?? "")).",
                en: "The target unit \(target.code) is not open on \(day) (opened \(target.openedOn)\(target.closedOn.map { ", closed \($0)" } ?? ""))."),
                fix: Text(vi: "Hợp nhất vào một đơn vị đang hoạt động vào ngày đó.", en: "Merge into a unit open on that day."))
        }
        for source in sources {
            guard source.code != target.code, source.code != targetUnder else {
                throw RegisterError.refused(.unitMerge, Text(
                    vi: "Không thể hợp nhất \(source.code) vào \(target.code): \(target.code) là chính nó hoặc trực thuộc nó.",
                    en: "\(source.code) cannot be merged into \(target.code): \(target.code) is the unit itself or under it."))
            }
            guard source.kind == target.kind || (source.kind.holdsMembers && target.kind.holdsMembers) else {
                throw RegisterError.refused(.unitMerge, Text(
                    vi: "\(source.code) là \(source.kind.name.vi), \(target.code) là \(target.kind.name.vi): chỉ hợp nhất các đơn vị cùng cấp.",
                    en: "\(source.code) is a \(source.kind.name.en) and \(target.code) a \(target.kind.name.en): only units of one level merge."))
            }
            try checkDay(source, on: day, previous: nil, kind: .merged, today: today)
            guard day > source.openedOn else {
                throw RegisterError.refused(.unitReorganisationDate, Text(
                    vi: "Đơn vị \(source.code) thành lập ngày \(source.openedOn); hợp nhất phải sau ngày đó.",
                    en: "Unit \(source.code) opened on \(source.openedOn); a merger must come after that day."))
            }
        }
        try refuseLater(laterEvent, day: day)
    }

    /// A merger read back from a file (`import unit-changes`): the members it moved come
    /// with the events file and the day the unit closed with the units file, so the record
    /// has to agree with them: the merged unit closed on the merger day, after it opened,
    /// into another unit open that day.
    public static func validateRecordedMerge(_ unit: Unit, into target: Unit, on day: Day, today: Day) throws {
        try MemberRules.notInFuture(day, what: Text(vi: "Ngày hợp nhất", en: "The merger day"), today: today)
        guard target.code != unit.code else {
            throw RegisterError.refused(.unitMerge, Text(
                vi: "Không thể hợp nhất \(unit.code) vào chính nó.", en: "\(unit.code) cannot be merged into itself."))
        }
        guard day > unit.openedOn, unit.closedOn == day else {
            throw RegisterError.refused(.unitReorganisationDate, Text(
                vi: "Đơn vị hợp nhất giải thể đúng ngày hợp nhất; \(unit.code) thành lập \(unit.openedOn), giải thể \(unit.closedOn.map(\.description) ?? "chưa"), không phải ngày \(day).",
                en: "A merged unit closes on the merger day; \(unit.code) opened \(unit.openedOn) and closed \(unit.closedOn.map(\.description) ?? "never"), not on \(day)."),
                fix: Text(vi: "Sửa ngày giải thể của \(unit.code) trong tệp đơn vị, hoặc ngày của dòng này.",
                          en: "Correct \(unit.code)'s closing day in the units file, or this row's day."))
        }
        guard target.isOpen(on: day) else {
            throw RegisterError.refused(.unitMerge, Text(
                vi: "Đơn vị nhận \(target.code) không hoạt động vào ngày \(day).", en: "The target unit \(target.code) is not open on \(day)."))
        }
    }

    /// A split read back from a file (`import unit-changes`), whose members' moves come with
    /// the events file (a grassroots union's branch moves as rows of their own before it):
    /// a branch-level unit or a grassroots union open on the day, which it closed or left open.
    public static func validateRecordedSplit(_ unit: Unit, on day: Day, today: Day) throws {
        try MemberRules.notInFuture(day, what: Text(vi: "Ngày chia tách", en: "The split day"), today: today)
        guard unit.kind.holdsMembers || unit.kind == .grassrootsUnion else {
            throw RegisterError.refused(.unitSplitPlan, Text(
                vi: "\(unit.code) là \(unit.kind.name.vi); chỉ chi đoàn, chi đoàn cơ sở hoặc đoàn cơ sở được chia tách.",
                en: "\(unit.code) is a \(unit.kind.name.en); only a branch, a grassroots branch or a grassroots union is split."))
        }
        guard day >= unit.openedOn, unit.closedOn.map({ $0 >= day }) ?? true else {
            throw RegisterError.refused(.unitReorganisationDate, Text(
                vi: "Đơn vị \(unit.code) không hoạt động vào ngày \(day) (thành lập \(unit.openedOn)\(unit.closedOn.map { ", giải thể \($0)" } ?? "")).",
                en: "Unit \(unit.code) is not open on \(day) (opened \(unit.openedOn)\(unit.closedOn.map { ", closed \($0)" } ?? ""))."))
        }
    }

    /// Refuses a reorganisation on `day` that a member's later event follows.
    static func refuseLater(_ event: LaterEvent?, day: Day) throws {
        guard let event else { return }
        throw RegisterError.refused(.unitReorganisationDate, Text(
            vi: "Đoàn viên \(event.member) có sự kiện ngày \(event.on) tại \(event.unitCode), sau ngày sắp xếp \(day).",
            en: "Member \(event.member) has an event on \(event.on) in \(event.unitCode), after the reorganisation day \(day)."),
            fix: Text(vi: "Chọn ngày sắp xếp từ \(event.on) trở đi.", en: "Choose a reorganisation day from \(event.on) on."))
    }
}
