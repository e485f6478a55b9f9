import UnionRegister

/// The members of a year-end report, counted outside SQL: per unit of the report's subtree
/// (each unit counting its whole subtree of the day), the members active at the end of the
/// day before the period (`start`) and those active at the end of its last day, by gender
/// and grade and by each facet of the profile (`end`).
///
/// SQLite has no hash aggregate: every GROUP BY over a million members is a sort, and the
/// report did five of them (members at start, at end, the profile's facets), about 7 s of
/// the 8.6 s the report took at a million members (BENCHMARKS.md, issue 10). Here the SQL
/// only reads, in one pass over `report_member` (migration 16: per member the latest
/// event, the first event's day and the profile's facts, packed into a few integers), and
/// looks into the history only for a member whose latest event is later than a day of the
/// report and whose first is not; and the theory courses, referral steps, offices and
/// grades of the year once each (`ProfileRecords`). Each member is classified by the domain
/// (`MemberProfile`), the store only gathers the facts as of the day, and counted into a
/// flat array of counters per unit of the tree (no hash map per member), then rolled up the
/// tree of the day as the other counts are.
struct ReportMemberCounts {
    /// Per unit id, the members active at the end of the day before the period.
    private(set) var start: [Int64: Int] = [:]
    /// Per unit id with any, the members active at the end of the period.
    private(set) var end: [Int64: MembersAtEnd] = [:]

    /// Reads and counts the members of the report of `rootID` over `period`.
    init(connection: any SQLConnection, rootID: Int64, period: ReportPeriod) throws {
        let reader = ReportRows(connection: connection, arguments: ReportQueries.arguments(rootID: rootID, period: period))
        var endTree = NumberedTree(try reader.ancestors(Self.treeSQL(on: ":to")))
        var startTree = NumberedTree(try reader.ancestors(Self.treeSQL(on: ":before")))
        var facts = try ProfileRecords(reader, on: period.to)
        var texts = StoredCodes()
        var history = try HistoryLookup(reader, end: period.to, start: period.dayBeforeStart)
        let lists = CodeLists()
        var startCounts = [Int](repeating: 0, count: startTree.count)
        var endCounts = [Int](repeating: 0, count: endTree.count * MembersAtEnd.width)
        try reader.forEachRow(ReportMemberTable.scanSQL) { row in
            // One API call per column (`key`): a NULL reads as 0, which no packed state or
            // profile is (their days count from 1), and no unit id.
            let id = row.key(ReportMemberTable.Column.member), latestUnit = row.key(ReportMemberTable.Column.unit)
            let packed = row.key(ReportMemberTable.Column.state)
            guard packed > 0 else { throw StoredValue.damaged("report_member.state", String(packed)) }
            let state = ReportMemberTable.State(packed)
            if let unit = try history.activeUnit(of: id, state, latestUnit, onEnd: false), let ordinal = startTree.ordinal(of: unit) {
                startCounts[ordinal] += 1
            }
            guard let unit = try history.activeUnit(of: id, state, latestUnit, onEnd: true),
                  let ordinal = endTree.ordinal(of: unit) else { return }
            try Self.count(row, id: id, facts: &facts, texts: &texts, lists: lists, on: period.to,
                           into: &endCounts, at: ordinal * MembersAtEnd.width)
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

    /// Counts one member active at the end, of the scan's `row`, into the counters of
    /// their unit starting at `base`. A code outside its list or a number that is no day
    /// (written by hand behind sodoan's back) is refused as damage, as reading the text was.
    private static func count(_ row: ReportRows.Row, id: Int64, facts: inout ProfileRecords, texts: inout StoredCodes,
                              lists: CodeLists, on day: Day, into counters: inout [Int], at base: Int) throws {
        let packed = row.key(ReportMemberTable.Column.profile)
        let codes = ReportMemberTable.Profile(packed)
        let partyJoinedOn = codes.party == 0 ? nil : ReportMemberTable.DayNumber.day(codes.party)
        guard codes.gender < lists.genders.count, codes.education < lists.educations.count,
              codes.theory <= lists.theories.count, codes.ethnicity <= lists.ethnicities.count,
              let born = ReportMemberTable.DayNumber.day(codes.born), codes.party == 0 || partyJoinedOn != nil else {
            throw StoredValue.damaged("report_member.profile", String(packed))
        }
        let records = facts.facts(of: id)
        let profile = MemberProfile(
            on: day, born: born, education: lists.educations[codes.education],
            ethnicity: codes.ethnicity == 0 ? nil : lists.ethnicities[codes.ethnicity - 1],
            religion: try row.value(ReportMemberTable.Column.religion, &texts.religion) ?? nil,
            enteredTheory: codes.theory == 0 ? nil : lists.theories[codes.theory - 1],
            theoryCourses: records.theory, partyJoinedOn: partyJoinedOn,
            latestStage: records.latestStage, holdsOffice: records.holdsOffice)
        counters[base + MembersAtEnd.position(lists.genders[codes.gender], records.grade)] += 1
        profile.count(in: &counters, at: base + MembersAtEnd.profileBase)
    }

    /// The domain's lists the packed codes are positions in, taken once for the whole
    /// scan (each `allCases` builds its array again, which showed per member in perf).
    private struct CodeLists {
        let genders = Gender.allCases, educations = EducationLevel.allCases, theories = TheoryLevel.allCases
        let ethnicities = Ethnicity.all
    }

    /// The history of the few members whose latest event is later than a day of the
    /// report and whose first is not: their state on that day is their last event by it,
    /// one index seek (`ReportMemberTable.stateOnDaySQL`). Everyone else's state on either
    /// day is read from their packed row: the latest event if it is dated by the day, none
    /// if even the first is later.
    private struct HistoryLookup {
        private let lookup: ReportRows.Lookup
        private let end: (day: String, number: Int64), start: (day: String, number: Int64)
        private var active = StoredTexts<Bool> { MembershipEventKind(rawValue: $0)?.leavesActive ?? false }

        init(_ reader: ReportRows, end: Day, start: Day) throws {
            lookup = try reader.lookup(ReportMemberTable.stateOnDaySQL)
            self.end = (end.description, ReportMemberTable.DayNumber.of(end))
            self.start = (start.description, ReportMemberTable.DayNumber.of(start))
        }

        /// The unit member `id` is active in at the end of the period's last day (`onEnd`)
        /// or of the day before it; nil when they are not active then.
        mutating func activeUnit(of id: Int64, _ state: ReportMemberTable.State, _ latestUnit: Int64, onEnd: Bool) throws -> Int64? {
            let (day, number) = onEnd ? end : start
            if state.latestDay <= number {
                guard state.kind < ReportMemberTable.kinds.count else { throw StoredValue.damaged("report_member.state", String(state.kind)) }
                return ReportMemberTable.kinds[state.kind].leavesActive ? latestUnit : nil
            }
            if state.firstDay > number { return nil }
            var unit: Int64?
            try lookup.row(["member": .integer(id), "day": .text(day)]) { row in
                if try row.value(0, &active) == true { unit = row.integer(1) }
            }
            return unit
        }
    }

    /// The tree of `day` inside the report's subtree: each unit with every ancestor (itself
    /// included) its counts roll up to, as rows (descendant, ancestor).
    static func treeSQL(on day: String) -> String {
        """
        SELECT c.descendant_id, c.ancestor_id FROM unit_closure c
        WHERE \(UnitTreeSQL.inForce("c", on: day)) AND \(ReportQueries.inReport("c.ancestor_id"))
        """
    }

    /// The history seeks the count makes, as one statement for the sqlite3 shell's replay
    /// (`Register.yearEndReportScript`): the scan again, and for each member whose latest
    /// event is later than a day and whose first is not, their last event by that day.
    static let historySQL = """
        SELECT r.member_id,
               (SELECT e.kind || ' ' || e.unit_id FROM membership_event e WHERE e.member_id = r.member_id AND e.on_date <= :to
                ORDER BY e.on_date DESC, e.id DESC LIMIT 1),
               (SELECT e.kind || ' ' || e.unit_id FROM membership_event e WHERE e.member_id = r.member_id AND e.on_date <= :before
                ORDER BY e.on_date DESC, e.id DESC LIMIT 1)
        FROM report_member r
        WHERE ((r.state >> 25) > :toNumber AND ((r.state >> 4) & 2097151) <= :toNumber)
           OR ((r.state >> 25) > :beforeNumber AND ((r.state >> 4) & 2097151) <= :beforeNumber)
        """

    /// Every statement the counting runs, in its order, the per-member history seeks as
    /// `historySQL` (the report's shell script replays them).
    static let statements = [treeSQL(on: ":to"), treeSQL(on: ":before")] + ProfileRecords.statements + [ReportMemberTable.scanSQL, historySQL]
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
    var religion = StoredTexts<Religion?> { Religion(parsing: $0) }
}
