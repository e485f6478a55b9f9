import UnionRegister

/// The records of other tables the year-end profile reads about each member as of the
/// period's last day, each table read once in one plain pass (no grouping, no window): the
/// theory courses, the latest referral step by the day, who holds an office on it, and the
/// grades of the report's year.
/// `ReportMemberCounts` asks for each active member's records in member order
/// (`facts(of:)`), and the records are kept sorted by member for that walk: a look-up
/// moves forward instead of hashing the member's id once per table, for every member.
struct ProfileRecords {
    private var theory: MemberOrdered<TheoryCourses>
    /// Per member, the stage of their latest referral step on or before the day (by day,
    /// then by id, the order of recording; nil for a stage sodoan never writes: no standing).
    private var latestStage: MemberOrdered<ReferralStage?>
    private var officeHolders: MemberOrdered<Void>
    /// Per member, their grade of the report's year (nil for a grade sodoan never writes).
    private var grades: MemberOrdered<Grade?>

    init(_ reader: ReportRows, on day: Day) throws {
        var theory: [Int64: TheoryCourses] = [:]
        var kinds = StoredTexts<TrainingKind> { try StoredValue.code($0) }
        try reader.forEachRow(Self.theorySQL) { row in
            guard let member = row.integer(0), let kind = try row.value(1, &kinds),
                  let completed = try row.day(2, "training.completed_on") else { return }
            theory[member, default: TheoryCourses()].add(kind, completedOn: completed, countedOn: day)
        }
        var latestStep: [Int64: (day: Day, id: Int64, stage: ReferralStage?)] = [:]
        var stages = StoredTexts<ReferralStage?> { ReferralStage(rawValue: $0) }
        try reader.forEachRow(Self.stepsSQL) { row in
            guard let member = row.integer(0), let id = row.integer(1), let on = try row.day(2, "referral_step.on_date") else { return }
            if let latest = latestStep[member], (latest.day, latest.id) > (on, id) { return }
            latestStep[member] = (on, id, try row.value(3, &stages) ?? nil)
        }
        var officeHolders: [Int64: Void] = [:]
        try reader.forEachRow(Self.officesSQL) { row in
            if let member = row.integer(0) { officeHolders[member] = () }
        }
        var grades: [(member: Int64, value: Grade?)] = []
        var codes = StoredTexts<Grade?> { Grade(rawValue: $0) }
        try reader.forEachRow(Self.gradesSQL) { row in
            if let member = row.integer(0), let grade = try row.value(1, &codes) { grades.append((member, grade)) }
        }
        self.grades = MemberOrdered(runs: grades)
        self.theory = MemberOrdered(theory)
        self.latestStage = MemberOrdered(latestStep.mapValues(\.stage))
        self.officeHolders = MemberOrdered(officeHolders)
    }

    /// The records of `member`; members must be asked for in increasing order of id.
    mutating func facts(of member: Int64) -> (theory: TheoryCourses, latestStage: ReferralStage?, holdsOffice: Bool, grade: Grade?) {
        (theory.take(member) ?? TheoryCourses(), latestStage.take(member) ?? nil, officeHolders.take(member) != nil, grades.take(member) ?? nil)
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

    /// The grades of the report's year, read from the index `grade_year` (year, grade,
    /// member): one run in member order per grade, rather than a key seek per member.
    static let gradesSQL = "SELECT g.member_id, g.grade FROM grade g WHERE g.year = :year"

    static let statements = [theorySQL, stepsSQL, officesSQL, gradesSQL]

    /// The training kinds that are theory courses, as an SQL list.
    private static let theoryCourses = "(" + TrainingKind.allCases.filter { TheoryLevel(course: $0) != nil }.map { "'\($0.rawValue)'" }
        .joined(separator: ", ") + ")"
}

/// Values keyed by member id, for a walk that asks for members in increasing order: kept
/// as runs each sorted by member (one run, or the runs an index gives, such as one per
/// grade of `grade_year`), each look-up moving forward in every run from the last.
struct MemberOrdered<Value> {
    private var members: [Int64] = []
    private var values: [Value] = []
    /// Per run, where it ends in `members` and the next position to look at in it.
    private var runs: [(end: Int, next: Int)] = []

    /// The values of `byMember`, sorted into one run.
    init(_ byMember: [Int64: Value]) {
        self.init(runs: byMember.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The values of `pairs`, a run starting wherever a member comes before the one above it.
    init(runs pairs: [(member: Int64, value: Value)]) {
        for (index, pair) in pairs.enumerated() {
            if index > 0, pair.member <= members[index - 1] { runs.append((index, runs.last?.end ?? 0)) }
            members.append(pair.member)
            values.append(pair.value)
        }
        if !members.isEmpty { runs.append((members.count, runs.last?.end ?? 0)) }
    }

    /// The value of `member`, nil without one; `member` must not be below the last asked.
    mutating func take(_ member: Int64) -> Value? {
        var found: Value?
        for run in runs.indices {
            var next = runs[run].next
            while next < runs[run].end, members[next] < member { next += 1 }
            runs[run].next = next
            if found == nil, next < runs[run].end, members[next] == member { found = values[next] }
        }
        return found
    }
}
