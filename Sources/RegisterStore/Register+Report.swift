import GRDB
import UnionRegister

extension Register {
    /// The year-end figures of `unitCode` (default: the register's root bloc) and every
    /// unit below it over `period`, with the fingerprint of the register they come from.
    ///
    /// Everything is read in one read transaction, so the figures and the fingerprint
    /// describe the same content even while another process writes. The figures come from
    /// the dated history only (see `ReportQueries`), so a report for a past period is not
    /// changed by anything dated after it, and nothing in the result depends on today.
    public func yearEndReport(unitCode: String?, period: ReportPeriod) throws -> YearEndReport {
        let (report, computedFor) = try read { db -> (YearEndReport, Int64?) in
            let rootID = try unitCode.map { try UnitTable.find($0, in: db).id } ?? UnitTable.root(on: period.to, in: db).id
            let queries = ReportQueries(db: db, rootID: rootID, period: period)
            let builder = ReportFiguresBuilder(
                units: try queries.unitsByKind(), movements: try queries.movements(),
                start: try activeMemberCounts(on: period.dayBeforeStart, in: db),
                end: try queries.membersAtEnd(), discipline: try queries.discipline(),
                referral: try queries.referral(), training: try queries.training(),
                profile: try queries.profile(), unitGrades: try queries.unitGrades())
            let figures = try builder.tree(of: try queries.listedUnits(), rootID: rootID)
            let (fingerprint, computedFor) = try ContentVersion.fingerprint(in: db)
            return (YearEndReport(period: period, root: figures, fingerprint: fingerprint), computedFor)
        }
        if let computedFor { keep(report.fingerprint, for: computedFor) }
        return report
    }

    /// Everything a year-end report of `unitCode` over `period` reads, as one script for the
    /// sqlite3 shell: the counting queries of `ReportQueries` and the members at start, with
    /// the period's days and the root unit's id written in as literals, then the
    /// fingerprint's reading queries. sodoan-bench times it as the baseline of `report
    /// annual`; it is built from the very statements the report runs, so the two cannot
    /// drift apart.
    /// The calendar-year reports of `unitCode` for each of `years`, in that order: what a
    /// comparison with earlier years and a trend over years read.
    public func yearEndReports(unitCode: String?, years: [Int]) throws -> [YearEndReport] {
        try years.map { try yearEndReport(unitCode: unitCode, period: try ReportPeriod.year($0)) }
    }

    public func yearEndReportScript(unitCode: String?, period: ReportPeriod) throws -> String {
        let rootID = try read { db in try unitCode.map { try UnitTable.find($0, in: db).id } ?? UnitTable.root(on: period.to, in: db).id }
        var values = ReportQueries.arguments(rootID: rootID, period: period).mapValues(\.databaseValue)
        values["day"] = period.dayBeforeStart.description.databaseValue
        var statements = ReportQueries.statements
        statements.insert(Self.activeMemberCountsSQL, at: 2)
        statements += Fingerprint.sections.map(\.sql)
        return statements.map { Self.inlining(values, into: $0) + ";\n" }.joined()
    }

    /// `sql` with each named argument `:name` found in `values` replaced by its SQL literal.
    private static func inlining(_ values: [String: DatabaseValue], into sql: String) -> String {
        var result = ""
        var rest = Substring(sql)
        while let colon = rest.firstIndex(of: ":") {
            result += rest[..<colon]
            let name = rest[rest.index(after: colon)...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if let value = values[String(name)] {
                result += literal(value)
                rest = rest[name.endIndex...]
            } else {
                result += ":"
                rest = rest[rest.index(after: colon)...]
            }
        }
        return result + rest
    }

    /// The report binds only integers and ISO days.
    private static func literal(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .int64(let number): return String(number)
        case .string(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        default: preconditionFailure("a report argument is an integer or a day: \(value)")
        }
    }
}

/// Turns the per-unit counts of `ReportQueries` into the domain's tree of `UnitFigures`.
private struct ReportFiguresBuilder {
    var units: ReportQueries.Tally
    var movements: ReportQueries.Tally
    var start: [Int64: Int]
    var end: ReportQueries.Tally
    var discipline: ReportQueries.Tally
    var referral: ReportQueries.Tally
    var training: ReportQueries.Tally
    var profile: ReportQueries.Tally
    var unitGrades: ReportQueries.Tally

    /// The listed units as a tree under `rootID`, children in code order (the rows come
    /// ordered by code). The walk goes no deeper than there are units, so parent links
    /// made into a cycle behind sodoan's back cannot make it endless (`check` reports them).
    func tree(of listed: [(id: Int64, parentID: Int64?, unit: Unit)], rootID: Int64) throws -> UnitFigures {
        var children: [Int64: [(id: Int64, unit: Unit)]] = [:]
        var root: Unit?
        for row in listed {
            if row.id == rootID { root = row.unit } else if let parent = row.parentID { children[parent, default: []].append((row.id, row.unit)) }
        }
        func build(_ id: Int64, _ unit: Unit, depth: Int) throws -> UnitFigures {
            var figures = try self.figures(of: id, unit)
            if depth < listed.count {
                figures.children = try (children[id] ?? []).map { try build($0.id, $0.unit, depth: depth + 1) }
            }
            return figures
        }
        return try build(rootID, root!, depth: 0)
    }

    /// A code counted by the report's SQL, read without trusting it (`StoredValue`): a row
    /// changed behind sodoan's back gives a refusal naming it, not a crash.
    private func code<T: RawRepresentable>(_ text: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw StoredValue.damaged(String(describing: T.self), text) }
        return value
    }

    private func figures(of id: Int64, _ unit: Unit) throws -> UnitFigures {
        var figures = UnitFigures(unit: unit)
        for (code, count) in units[id] ?? [:] {
            figures.units[try self.code(code) as UnitKind] = count
        }
        figures.members.start = start[id] ?? 0
        for (code, count) in movements[id] ?? [:] {
            switch code {
            case "in": figures.members.transferredIn = count
            case "out": figures.members.transferredOut = count
            case "reorganised_in": figures.members.reorganisedIn = count
            case "reorganised_out": figures.members.reorganisedOut = count
            default: figures.members.add(count, of: try self.code(code) as MembershipEventKind)
            }
        }
        for (code, count) in end[id] ?? [:] {
            let parts = code.split(separator: "/").map(String.init)
            figures.members.end += count
            switch try self.code(parts[0]) as Gender {
            case .female: figures.members.endFemale += count
            case .male: figures.members.endMale += count
            }
            if let grade = Grade(rawValue: parts[1]) { figures.grades.counts[grade, default: 0] += count } else { figures.grades.notGraded += count }
        }
        for (code, count) in discipline[id] ?? [:] {
            figures.discipline[try self.code(code) as DisciplineLevel] = count
        }
        for (code, count) in referral[id] ?? [:] {
            if code == "cohort" { figures.referral.referredToClassSinceAdmitted = count } else { figures.referral.add(count, of: try self.code(code) as ReferralStage) }
        }
        for (code, count) in training[id] ?? [:] {
            figures.training[try self.code(code) as TrainingKind] = count
        }
        for (code, count) in profile[id] ?? [:] {
            try add(count, profile: code, to: &figures.profile)
        }
        for (code, count) in unitGrades[id] ?? [:] {
            if code == "not_graded" { figures.unitGrades.notGraded = count } else { figures.unitGrades.counts[try self.code(code) as Grade] = count }
        }
        return figures
    }

    /// Adds `count` members of one profile code of `ReportQueries.profile` (`FACET/VALUE`),
    /// each value read through the domain's rule for it.
    private func add(_ count: Int, profile code: String, to profile: inout ProfileFigures) throws {
        let parts = code.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let value = parts.count > 1 ? parts[1] : ""
        switch parts[0] {
        case "age":
            guard let years = Int(value) else { throw StoredValue.damaged("member.birth_date", value) }
            profile.ageBands[AgeBand(years: years), default: 0] += count
        case "education": profile.education[try self.code(value) as EducationLevel, default: 0] += count
        case "ethnicity":
            guard let group = Ethnicity(code: value) else { throw StoredValue.damaged("member.ethnicity", value) }
            if group.isMinority { profile.ethnicMinority += count }
        case "religion": if let religion = Religion(parsing: value), religion != .none { profile.religious += count }
        case "theory":
            let fields = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let highest = fields[1].isEmpty ? nil : TheoryLevel(course: try self.code(fields[1]) as TrainingKind)
            let entered = fields[2].isEmpty ? nil : try self.code(fields[2]) as TheoryLevel
            let level = TheoryLevel.level(entered: entered, anyCourse: fields[0] == "1", highestBy: highest) ?? .none
            profile.theory[level, default: 0] += count
        case "party":
            let stage = ReferralStage(rawValue: value)
            if let standing = PartyStanding(stage: stage, joinedBefore: value == "joined") { profile.partyMembers[standing, default: 0] += count }
        default: profile.officeHolders += count
        }
    }
}
