/// Where a split sends each member of the unit split (docs/DOMAIN.md#units-change): one
/// line per member, read from the plan file (columns member, unit).
///
/// Every member active in the unit on the day must be placed exactly once, in an open
/// branch-level unit; a member placed in the split unit itself stays there, and the unit
/// closes on the day only when nobody stays: that is how the plan says whether it closes.
public struct SplitPlan: Sendable {
    public struct Placement: Hashable, Sendable {
        public var member: String
        public var unitCode: String
        /// The plan file's line (1 is the header), for the refusal.
        public var line: Int

        public init(member: String, unitCode: String, line: Int) {
            self.member = member
            self.unitCode = unitCode
            self.line = line
        }
    }

    public var placements: [Placement]

    public init(placements: [Placement]) {
        self.placements = placements
    }

    /// True when nobody stays in `split`: the split closes it.
    public func closes(_ split: Unit) -> Bool { !placements.contains { $0.unitCode == split.code } }

    /// The members who move (not those who stay), after the rules: `active` are the codes
    /// of the members active in `split` on `day`, `targets` the units the plan names.
    public func validate(split: Unit, on day: Day, active: Set<String>, targets: [String: Unit],
                         laterEvent: ReorganisationRules.LaterEvent?, today: Day) throws -> [Placement] {
        try ReorganisationRules.checkDay(split, on: day, previous: nil, kind: .split, today: today)
        guard split.kind.holdsMembers else {
            throw RegisterError.refused(.unitSplitPlan, Text(
                vi: "\(split.code) là \(split.kind.name.vi); chỉ chia tách chi đoàn hoặc chi đoàn cơ sở (đơn vị trực thuộc thì chuyển bằng `sodoan unit move`).",
                en: "\(split.code) is a \(split.kind.name.en); only a branch or a grassroots branch is split (move the units under it with `sodoan unit move`)."))
        }
        var seen: [String: Int] = [:]
        for placement in placements {
            func refuse(_ vi: String, _ en: String, fix: Text? = nil) -> RegisterError {
                .refused(.unitSplitPlan, Text(vi: "Dòng \(placement.line): \(vi)", en: "Line \(placement.line): \(en)"), fix: fix)
            }
            if let earlier = seen[placement.member] {
                throw refuse("đoàn viên \(placement.member) đã được xếp ở dòng \(earlier).",
                             "member \(placement.member) is already placed on line \(earlier).")
            }
            seen[placement.member] = placement.line
            guard active.contains(placement.member) else {
                throw refuse("\(placement.member) không sinh hoạt tại \(split.code) vào ngày \(day).",
                             "\(placement.member) is not an active member of \(split.code) on \(day).",
                             fix: Text(vi: "Bỏ dòng này khỏi phương án.", en: "Remove this line from the plan."))
            }
            guard placement.unitCode != split.code else { continue }
            guard let target = targets[placement.unitCode] else {
                throw RegisterError.unknownUnit(placement.unitCode)
            }
            do {
                try MemberPlacementRule.check(unit: target, on: day, kind: .reorganised)
            } catch let refusal as RegisterError {
                throw refuse(refusal.message.vi, refusal.message.en)
            }
        }
        let unplaced = active.subtracting(seen.keys).sorted()
        guard unplaced.isEmpty else {
            let listed = unplaced.prefix(10).joined(separator: ", ") + (unplaced.count > 10 ? ", …" : "")
            throw RegisterError.refused(.unitSplitPlan, Text(
                vi: "Phương án chưa xếp \(unplaced.count) đoàn viên đang sinh hoạt tại \(split.code) ngày \(day): \(listed).",
                en: "The plan leaves \(unplaced.count) active member(s) of \(split.code) on \(day) unplaced: \(listed)."),
                fix: Text(vi: "Thêm một dòng (member, unit) cho mỗi người; ghi chính \(split.code) cho người ở lại.",
                          en: "Add a line (member, unit) for each; give \(split.code) itself for those who stay."))
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
