import GRDB
import UnionRegister

/// The members of a year-end report, counted outside SQL: per unit of the report's subtree
/// (each unit counting its whole subtree of the day), the members active at the end of the
/// day before the period (`start`) and those active at the end of its last day, by gender
/// and grade and by each facet of the profile (`end`).
///
/// SQLite has no hash aggregate: every GROUP BY over a million members is a sort, and the
/// report did five of them (members at start, at end, the profile's facets), about 7 s of
/// the 8.6 s the report took at a million members (BENCHMARKS.md, issue 10). Here the SQL
/// only reads, in one pass: `member_state` (the state as of each day taken from the kept
/// latest event, looked up in the history only for members with a later one) and `member`,
/// two statements stepped side by side in member order and merged, rather than a key seek
/// into `member` per member; and the theory courses, referral steps, offices and grades of
/// the year once each (`ProfileRecords`). Each member is classified by
/// the domain (`MemberProfile`), the store only gathers the facts as of the day, and
/// counted into a flat array of counters per unit of the tree (no hash map per member),
/// then rolled up the tree of the day as the other counts are.
struct ReportMemberCounts {
    /// Per unit id, the members active at the end of the day before the period.
    private(set) var start: [Int64: Int] = [:]
    /// Per unit id with any, the members active at the end of the period.
    private(set) var end: [Int64: MembersAtEnd] = [:]

    /// Reads and counts the members of the report of `rootID` over `period`.
    init(db: Database, rootID: Int64, period: ReportPeriod) throws {
        let reader = ReportRows(db: db, arguments: ReportQueries.arguments(rootID: rootID, period: period))
        var endTree = NumberedTree(try reader.ancestors(Self.treeSQL(on: ":to")))
        var startTree = NumberedTree(try reader.ancestors(Self.treeSQL(on: ":before")))
        var facts = try ProfileRecords(reader, on: period.to)
        var codes = StoredCodes()
        var startCounts = [Int](repeating: 0, count: startTree.count)
        var endCounts = [Int](repeating: 0, count: endTree.count * MembersAtEnd.width)
        let states = try reader.cursor(Self.statesSQL), members = try reader.cursor(Self.membersSQL)
        var member = try members.next()
        var memberID = member?.key(Facts.member)
        while let state = try states.next() {
            let id = state.key(State.member)
            while let current = memberID, current < id {
                member = try members.next()
                memberID = member?.key(Facts.member)
            }
            // A state without its member (damage `check` reports) is counted nowhere, as
            // the join of the two tables left it out.
            guard let row = member, memberID == id else { continue }
            if try state.value(State.startKind, &codes.active) == true,
               let unit = state.integer(State.startUnit), let ordinal = startTree.ordinal(of: unit) {
                startCounts[ordinal] += 1
            }
            guard try state.value(State.endKind, &codes.active) == true,
                  let unit = state.integer(State.endUnit), let ordinal = endTree.ordinal(of: unit) else { continue }
            try Self.count(row, id: id, facts: &facts, codes: &codes, on: period.to, into: &endCounts, at: ordinal * MembersAtEnd.width)
        }
        for (ordinal, count) in startCounts.enumerated() where count > 0 {
            for ancestor in startTree.ancestors[ordinal] { start[ancestor, default: 0] += count }
        }
        for ordinal in 0..<endTree.count {
            let counters = endCounts[ordinal * MembersAtEnd.width ..< (ordinal + 1) * MembersAtEnd.width]
            guard counters.contains(where: { $0 > 0 }) else { continue }
            for ancestor in endTree.ancestors[ordinal] { end[ancestor, default: MembersAtEnd()].add(counters) }
        }
    }

    /// The columns of `statesSQL`.
    private enum State {
        static let member: Int32 = 0, endKind: Int32 = 1, endUnit: Int32 = 2, startKind: Int32 = 3, startUnit: Int32 = 4
    }

    /// The columns of `membersSQL`.
    private enum Facts {
        static let member: Int32 = 0, gender: Int32 = 1, birth: Int32 = 2, education: Int32 = 3, ethnicity: Int32 = 4
        static let religion: Int32 = 5, theoryLevel: Int32 = 6, partyJoined: Int32 = 7
    }

    /// Counts one member active at the end, of `membersSQL`'s `row`, into the counters of
    /// their unit starting at `base`.
    private static func count(_ row: ReportRows.Row, id: Int64, facts: inout ProfileRecords, codes: inout StoredCodes, on day: Day,
                              into counters: inout [Int], at base: Int) throws {
        let records = facts.facts(of: id)
        let profile = MemberProfile(
            on: day, born: try required(row.day(Facts.birth, "member.birth_date"), "member.birth_date"),
            education: try required(row.value(Facts.education, &codes.education), "member.education"),
            ethnicity: try row.value(Facts.ethnicity, &codes.ethnicity),
            religion: try row.value(Facts.religion, &codes.religion) ?? nil,
            enteredTheory: try row.value(Facts.theoryLevel, &codes.theory),
            theoryCourses: records.theory,
            partyJoinedOn: try row.day(Facts.partyJoined, "member.party_joined_on"),
            latestStage: records.latestStage, holdsOffice: records.holdsOffice)
        let gender = try required(row.value(Facts.gender, &codes.gender), "member.gender")
        counters[base + MembersAtEnd.position(gender, records.grade)] += 1
        profile.count(in: &counters, at: base + MembersAtEnd.profileBase)
    }

    /// A value the schema never leaves NULL, refused as damage if it is.
    private static func required<T>(_ value: T?, _ column: String) throws -> T {
        guard let value else { throw StoredValue.damaged(column, "NULL") }
        return value
    }

    /// Every member's state at the end of the period and of the day before it (kind and
    /// unit of their last event on or before that day; NULL with no event by then), in
    /// member order. `member_state` holds each member's latest event: it answers for both
    /// days unless that event is dated later, and then one index seek into the history does.
    static let statesSQL = """
        SELECT s.member_id, \(state("kind", on: ":to")), \(state("unit_id", on: ":to")),
               \(state("kind", on: ":before")), \(state("unit_id", on: ":before"))
        FROM member_state s
        ORDER BY s.member_id
        """

    /// Every member's own facts the profile reads, in member order: walked beside
    /// `statesSQL` (the rowid orders of both tables).
    static let membersSQL = """
        SELECT m.id, m.gender, m.birth_date, m.education, m.ethnicity, m.religion, m.theory_level, m.party_joined_on
        FROM member m
        ORDER BY m.id
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
    static let statements = [treeSQL(on: ":to"), treeSQL(on: ":before")] + ProfileRecords.statements + [membersSQL, statesSQL]
}

/// The members of one unit active at the end of a report's period (its whole subtree):
/// counters by gender and grade together, then the profile's (`MemberProfile.count`).
struct MembersAtEnd {
    /// One counter per gender and grade of the year (the last: not graded).
    private static let grades = Grade.allCases.count + 1
    static let profileBase = Gender.allCases.count * grades
    static let width = profileBase + MemberProfile.counterCount

    private var counters = [Int](repeating: 0, count: width)

    /// The counter of the members of `gender` graded `grade` (nil: not graded).
    static func position(_ gender: Gender, _ grade: Grade?) -> Int {
        Gender.allCases.firstIndex(of: gender)! * grades + (grade.flatMap(Grade.allCases.firstIndex) ?? grades - 1)
    }

    fileprivate mutating func add(_ other: ArraySlice<Int>) {
        for (index, count) in zip(counters.indices, other) { counters[index] += count }
    }

    /// The members of `gender` graded `grade` (nil: not graded).
    func count(_ gender: Gender, _ grade: Grade?) -> Int { counters[Self.position(gender, grade)] }

    /// The profile's figures of these members.
    var profile: ProfileFigures { MemberProfile.figures(counted: counters, at: Self.profileBase) }

    /// Sets the figures of these members in `figures`: how many, by gender, by grade, and
    /// the profile, with only the grades some member has.
    func fill(_ figures: inout UnitFigures) {
        for gender in Gender.allCases {
            for grade in Grade.allCases.map(Optional.some) + [nil] {
                let count = self.count(gender, grade)
                guard count > 0 else { continue }
                figures.members.end += count
                switch gender {
                case .female: figures.members.endFemale += count
                case .male: figures.members.endMale += count
                }
                if let grade { figures.grades.counts[grade, default: 0] += count } else { figures.grades.notGraded += count }
            }
        }
        figures.profile = profile
    }
}

/// The units of a tree of a day, numbered from 0 for counters kept in arrays, each with
/// the ancestors (itself included) its counts roll up to.
private struct NumberedTree {
    let ancestors: [[Int64]]
    private let ordinals: [Int64: Int]
    /// The last unit looked up: the members of a unit mostly come one after the other.
    private var last: (unit: Int64, ordinal: Int) = (0, -1)

    init(_ ancestors: [Int64: [Int64]]) {
        let units = ancestors.keys.sorted()
        self.ancestors = units.map { ancestors[$0]! }
        ordinals = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, $0) })
    }

    var count: Int { ancestors.count }

    /// The number of `unit`, nil for a unit not in the tree.
    mutating func ordinal(of unit: Int64) -> Int? {
        if last.ordinal >= 0, last.unit == unit { return last.ordinal }
        guard let ordinal = ordinals[unit] else { return nil }
        last = (unit, ordinal)
        return ordinal
    }
}

/// The stored texts the member scan reads, each read once per distinct text through the
/// domain's type for it.
private struct StoredCodes {
    var active = StoredTexts<Bool> { MembershipEventKind(rawValue: $0)?.leavesActive ?? false }
    var gender = StoredTexts<Gender> { try StoredValue.code($0) }
    var education = StoredTexts<EducationLevel> { try StoredValue.code($0) }
    var theory = StoredTexts<TheoryLevel> { try StoredValue.code($0) }
    var religion = StoredTexts<Religion?> { Religion(parsing: $0) }
    var ethnicity = StoredTexts<Ethnicity> { text in
        guard let group = Ethnicity(code: text) else { throw StoredValue.damaged("member.ethnicity", text) }
        return group
    }
}
