import UnionRegister

/// The records of other tables the year-end profile reads about each member as of the
/// period's last day, each table read once in one plain pass (no grouping, no window): the
/// theory courses, the latest referral step by the day, and who holds an office on it.
/// `ReportMemberCounts` looks each active member up here by id.
struct ProfileRecords {
    private(set) var theory: [Int64: TheoryCourses] = [:]
    /// Per member, their latest referral step on or before the day (by day, then by id, the
    /// order of recording) and its stage (nil for a stage sodoan never writes: no standing).
    private(set) var latestStep: [Int64: (day: Day, id: Int64, stage: ReferralStage?)] = [:]
    private(set) var officeHolders: Set<Int64> = []

    init(_ reader: ReportRows, on day: Day) throws {
        var kinds = StoredTexts<TrainingKind> { try StoredValue.code($0) }
        try reader.forEachRow(Self.theorySQL) { row in
            guard let member = row.integer(0), let kind = row.bytes(1),
                  let completed = try row.day(2, "training.completed_on") else { return }
            theory[member, default: TheoryCourses()].add(try kinds.value(kind), completedOn: completed, countedOn: day)
        }
        var stages = StoredTexts<ReferralStage?> { ReferralStage(rawValue: $0) }
        try reader.forEachRow(Self.stepsSQL) { row in
            guard let member = row.integer(0), let id = row.integer(1), let on = try row.day(2, "referral_step.on_date") else { return }
            if let latest = latestStep[member], (latest.day, latest.id) > (on, id) { return }
            latestStep[member] = (on, id, try row.value(3, &stages) ?? nil)
        }
        try reader.forEachRow(Self.officesSQL) { row in
            if let member = row.integer(0) { officeHolders.insert(member) }
        }
    }

    /// Every theory course recorded (completed on any day: one recorded after the day
    /// still makes the entered level give way, `TheoryLevel.level`).
    static let theorySQL = """
        SELECT t.member_id, t.kind, t.completed_on FROM training t WHERE t.kind IN \(theoryCourses)
        """

    /// The referral steps dated on or before the day, with their member.
    static let stepsSQL = """
        SELECT r.member_id, s.id, s.on_date, s.stage FROM referral_step s JOIN referral r ON r.id = s.referral_id WHERE s.on_date <= :to
        """

    /// The members holding an office on the day.
    static let officesSQL = "SELECT h.member_id FROM office h WHERE \(OfficeTable.heldCondition("h", on: ":to"))"

    static let statements = [theorySQL, stepsSQL, officesSQL]

    /// The training kinds that are theory courses, as an SQL list.
    private static let theoryCourses = "(" + TrainingKind.allCases.filter { TheoryLevel(course: $0) != nil }.map { "'\($0.rawValue)'" }
        .joined(separator: ", ") + ")"
}
