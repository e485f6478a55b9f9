/// Where a split sends what the unit split holds (docs/DOMAIN.md#units-change): one line
/// per member of a branch, or per branch of a grassroots union, read from the plan file
/// (columns member or branch, and unit).
///
/// Everything the unit holds on the day (its active members, or its open branches) must be
/// placed exactly once: a member in an open branch-level unit, a branch under an open
/// grassroots union. What is placed in the split unit itself stays there, and the unit
/// closes on the day only when nothing stays: that is how the plan says whether it closes.
public struct SplitPlan: Sendable {
    public struct Placement: Hashable, Sendable {
        /// The member's code, or the branch's for a grassroots union.
        public var code: String
        public var unitCode: String
        /// The plan file's line (1 is the header), for the refusal.
        public var line: Int

        public init(code: String, unitCode: String, line: Int) {
            self.code = code
            self.unitCode = unitCode
            self.line = line
        }
    }

    public var placements: [Placement]

    public init(placements: [Placement]) {
        self.placements = placements
    }

    /// True when nothing stays in `split`: the split closes it.
    public func closes(_ split: Unit) -> Bool { !placements.contains { $0.unitCode == split.code } }

    /// What moves (not what stays), after the rules: `held` are the codes of the members
    /// active in `split` on `day` (a branch-level unit) or of its branches open that day (a
    /// grassroots union), `targets` the units the plan names. A grassroots union's split
    /// moves whole branches, so no member's later event stands in its way (`laterEvent` nil).
    public func validate(split: Unit, on day: Day, held: Set<String>, targets: [String: Unit],
                         laterEvent: ReorganisationRules.LaterEvent?, today: Day) throws -> [Placement] {
        try ReorganisationRules.checkDay(split, on: day, previous: nil, kind: .split, today: today)
        let ofBranches = split.kind == .grassrootsUnion
        guard split.kind.holdsMembers || ofBranches else {
            throw RegisterError.refused(.unitSplitPlan, Text(
                vi: "\(split.code) là \(split.kind.name.vi); chỉ chia tách chi đoàn, chi đoàn cơ sở hoặc đoàn cơ sở (đơn vị trực thuộc đoàn cấp trên thì chuyển bằng `sodoan unit move`).",
                en: "\(split.code) is a \(split.kind.name.en); only a branch, a grassroots branch or a grassroots union is split (move the units under a bloc with `sodoan unit move`)."))
        }
        let what = ofBranches ? Text(vi: "chi đoàn", en: "branch") : Text(vi: "đoàn viên", en: "member")
        var seen: [String: Int] = [:]
        for placement in placements {
            func refuse(_ vi: String, _ en: String, fix: Text? = nil) -> RegisterError {
                .refused(.unitSplitPlan, Text(vi: "Dòng \(placement.line): \(vi)", en: "Line \(placement.line): \(en)"), fix: fix)
            }
            if let earlier = seen[placement.code] {
                throw refuse("\(what.vi) \(placement.code) đã được xếp ở dòng \(earlier).",
                             "\(what.en) \(placement.code) is already placed on line \(earlier).")
            }
            seen[placement.code] = placement.line
            guard held.contains(placement.code) else {
                throw ofBranches
                    ? refuse("\(placement.code) không phải chi đoàn đang hoạt động của \(split.code) vào ngày \(day).",
                             "\(placement.code) is not an open branch of \(split.code) on \(day).",
                             fix: Text(vi: "Bỏ dòng này khỏi phương án.", en: "Remove this line from the plan."))
                    : refuse("\(placement.code) không sinh hoạt tại \(split.code) vào ngày \(day).",
                             "\(placement.code) is not an active member of \(split.code) on \(day).",
                             fix: Text(vi: "Bỏ dòng này khỏi phương án.", en: "Remove this line from the plan."))
            }
            guard placement.unitCode != split.code else { continue }
            guard let target = targets[placement.unitCode] else {
                throw RegisterError.unknownUnit(placement.unitCode)
            }
            if ofBranches {
                guard target.kind == .grassrootsUnion, target.isOpen(on: day) else {
                    throw refuse("chi đoàn chỉ chuyển về một đoàn cơ sở đang hoạt động ngày \(day); \(target.code) là \(target.kind.name.vi)\(target.isOpen(on: day) ? "" : " không hoạt động ngày đó").",
                                 "a branch goes under a grassroots union open on \(day); \(target.code) is a \(target.kind.name.en)\(target.isOpen(on: day) ? "" : " not open that day").")
                }
            } else {
                do {
                    try MemberPlacementRule.check(unit: target, on: day, kind: .reorganised)
                } catch let refusal as RegisterError {
                    throw refuse(refusal.message.vi, refusal.message.en)
                }
            }
        }
        let unplaced = held.subtracting(seen.keys).sorted()
        guard unplaced.isEmpty else {
            let listed = unplaced.prefix(10).joined(separator: ", ") + (unplaced.count > 10 ? ", …" : "")
            throw RegisterError.refused(.unitSplitPlan, ofBranches
                ? Text(vi: "Phương án chưa xếp \(unplaced.count) chi đoàn đang hoạt động của \(split.code) ngày \(day): \(listed).",
                       en: "The plan leaves \(unplaced.count) open branch(es) of \(split.code) on \(day) unplaced: \(listed).")
                : Text(vi: "Phương án chưa xếp \(unplaced.count) đoàn viên đang sinh hoạt tại \(split.code) ngày \(day): \(listed).",
                       en: "The plan leaves \(unplaced.count) active member(s) of \(split.code) on \(day) unplaced: \(listed)."),
                fix: Text(vi: "Thêm một dòng cho mỗi \(what.vi); ghi chính \(split.code) cho \(what.vi) ở lại.",
                          en: "Add a line for each \(what.en); give \(split.code) itself for those that stay."))
        }
        if closes(split), day == split.openedOn {
            throw RegisterError.refused(.unitReorganisationDate, Text(
                vi: "Đơn vị \(split.code) thành lập ngày \(day); không thể chia tách và giải thể ngay ngày đó.",
                en: "Unit \(split.code) opened on \(day); it cannot be split and closed that same day."))
        }
        try ReorganisationRules.refuseLater(laterEvent, day: day)
        return placements.filter { $0.unitCode != split.code }
    }
}
