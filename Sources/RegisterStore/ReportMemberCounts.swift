import GRDB
import UnionRegister

/// What a member active at the end of a report period is counted under: gender, grade of
/// the report's year (nil: not graded) and the profile's facets on the last day.
struct CountedMember: Hashable {
    let gender: Gender
    let grade: Grade?
    let profile: MemberProfile

    /// Hashes the profile's number and the gender's and grade's positions, not their texts
    /// (a raw-valued enum hashes its text): this runs once per member.
    func hash(into hasher: inout Hasher) {
        hasher.combine(profile)
        hasher.combine(gender == .female)
        hasher.combine(grade.flatMap(Grade.allCases.firstIndex) ?? -1)
    }
}

/// The members of a year-end report, counted outside SQL: per unit of the report's subtree
/// (each unit counting its whole subtree of the day), the members active at the end of the
/// day before the period (`start`) and those active at the end of its last day, grouped by
/// what they are counted under (`end`).
///
/// SQLite has no hash aggregate: every GROUP BY over a million members is a sort, and the
/// report did five of them (members at start, at end, the profile's facets), about 7 s of
/// the 8.6 s the report took at a million members (BENCHMARKS.md, issue 10). Here the SQL
/// only reads: `member_state` once in key order with each member's row (the state as of
/// each day taken from the kept latest event, looked up in the history only for members
/// with a later one), and the theory courses, referral steps and offices once each; the
/// counting is hash maps keyed by unit id, then rolled up the tree of the day as the
/// other counts are. Each member is classified by the domain (`MemberProfile`); the store
/// only gathers the facts as of the day.
struct ReportMemberCounts {
    var start: [Int64: Int] = [:]
    var end: [Int64: [CountedMember: Int]] = [:]

    /// Reads and counts the members of the report of `rootID` over `period`.
    init(db: Database, rootID: Int64, period: ReportPeriod) throws {
        let reader = ReportRows(db: db, arguments: ReportQueries.arguments(rootID: rootID, period: period))
        let endTree = try reader.ancestors(Self.treeSQL(on: ":to"))
        let startTree = try reader.ancestors(Self.treeSQL(on: ":before"))
        let facts = try ProfileRecords(reader, on: period.to)
        var codes = StoredCodes()
        var startByUnit: [Int64: Int] = [:]
        var endByUnit: [Int64: [CountedMember: Int]] = [:]
        try reader.forEachRow(Self.membersSQL) { row in
            if let unit = row.integer(Column.startUnit), startTree[unit] != nil,
               try row.value(Column.startKind, &codes.active) == true {
                startByUnit[unit, default: 0] += 1
            }
            guard let unit = row.integer(Column.endUnit), endTree[unit] != nil,
                  try row.value(Column.endKind, &codes.active) == true else { return }
            let member = try Self.counted(row, facts: facts, codes: &codes, on: period.to)
            endByUnit[unit, default: [:]][member, default: 0] += 1
        }
        for (unit, count) in startByUnit {
            for ancestor in startTree[unit] ?? [] { start[ancestor, default: 0] += count }
        }
        for (unit, members) in endByUnit {
            for ancestor in endTree[unit] ?? [] {
                end[ancestor, default: [:]].merge(members, uniquingKeysWith: +)
            }
        }
    }

    /// The columns of `membersSQL`.
    private enum Column {
        static let member: Int32 = 0, endKind: Int32 = 1, endUnit: Int32 = 2, startKind: Int32 = 3, startUnit: Int32 = 4
        static let gender: Int32 = 5, birth: Int32 = 6, education: Int32 = 7, ethnicity: Int32 = 8, religion: Int32 = 9
        static let theoryLevel: Int32 = 10, partyJoined: Int32 = 11, grade: Int32 = 12
    }

    /// One member of `membersSQL`, active at the end, with the facts the profile reads.
    private static func counted(_ row: ReportRows.Row, facts: ProfileRecords, codes: inout StoredCodes, on day: Day) throws -> CountedMember {
        let id = row.integer(Column.member) ?? 0
        let profile = MemberProfile(
            on: day, born: try required(row.day(Column.birth, "member.birth_date"), "member.birth_date"),
            education: try required(row.value(Column.education, &codes.education), "member.education"),
            ethnicity: try row.value(Column.ethnicity, &codes.ethnicity),
            religion: try row.value(Column.religion, &codes.religion) ?? nil,
            enteredTheory: try row.value(Column.theoryLevel, &codes.theory),
            theoryCourses: facts.theory[id] ?? TheoryCourses(),
            partyJoinedOn: try row.day(Column.partyJoined, "member.party_joined_on"),
            latestStage: facts.latestStep[id]?.stage ?? nil, holdsOffice: facts.officeHolders.contains(id))
        return CountedMember(gender: try required(row.value(Column.gender, &codes.gender), "member.gender"),
                             grade: try row.value(Column.grade, &codes.grade) ?? nil, profile: profile)
    }

    /// A value the schema never leaves NULL, refused as damage if it is.
    private static func required<T>(_ value: T?, _ column: String) throws -> T {
        guard let value else { throw StoredValue.damaged(column, "NULL") }
        return value
    }

    /// Every member's state at the end of the period and of the day before it (kind and
    /// unit of their last event on or before that day; NULL with no event by then) with
    /// their own facts and grade of the year, in member order. `member_state` holds each
    /// member's latest event: it answers for both days unless that event is dated later,
    /// and then one index seek into the history does. CROSS JOIN keeps the scan on
    /// `member_state` in key order, each member's row found by its key.
    static let membersSQL = """
        SELECT s.member_id, \(state("kind", on: ":to")), \(state("unit_id", on: ":to")),
               \(state("kind", on: ":before")), \(state("unit_id", on: ":before")),
               m.gender, m.birth_date, m.education, m.ethnicity, m.religion, m.theory_level, m.party_joined_on, g.grade
        FROM member_state s
        CROSS JOIN member m ON m.id = s.member_id
        LEFT JOIN grade g ON g.member_id = s.member_id AND g.year = :year
        """

    /// `column` (kind or unit_id) of member `s.member_id`'s last event on or before `day`.
    private static func state(_ column: String, on day: String) -> String {
        "CASE WHEN s.on_date <= \(day) THEN s.\(column) ELSE \(MembershipSQL.lastEvent(column, memberColumn: "s.member_id", dayArgument: day)) END"
    }

    /// The tree of `day` inside the report's subtree: each unit with every ancestor (itself
    /// included) its counts roll up to, as rows (descendant, ancestor).
    static func treeSQL(on day: String) -> String {
        """
        SELECT c.descendant_id, c.ancestor_id FROM unit_closure c
        WHERE \(UnitTreeSQL.inForce("c", on: day)) AND \(ReportQueries.inReport("c.ancestor_id"))
        """
    }

    /// Every statement the counting runs, in its order (the report's shell script replays them).
    static let statements = [treeSQL(on: ":to"), treeSQL(on: ":before")] + ProfileRecords.statements + [membersSQL]
}

/// The stored texts the member scan reads, each read once per distinct text through the
/// domain's type for it.
private struct StoredCodes {
    var active = StoredTexts<Bool> { MembershipEventKind(rawValue: $0)?.leavesActive ?? false }
    var gender = StoredTexts<Gender> { try StoredValue.code($0) }
    var education = StoredTexts<EducationLevel> { try StoredValue.code($0) }
    var theory = StoredTexts<TheoryLevel> { try StoredValue.code($0) }
    var grade = StoredTexts<Grade?> { Grade(rawValue: $0) }
    var religion = StoredTexts<Religion?> { Religion(parsing: $0) }
    var ethnicity = StoredTexts<Ethnicity> { text in
        guard let group = Ethnicity(code: text) else { throw StoredValue.damaged("member.ethnicity", text) }
        return group
    }
}
