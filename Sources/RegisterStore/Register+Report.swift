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
        let (report, computedFor) = try readSQL { db -> (YearEndReport, Int64?) in
            let rootID = try unitCode.map { try UnitTable.find($0, in: db).id } ?? UnitTable.root(on: period.to, in: db).id
            let queries = ReportQueries(connection: db, rootID: rootID, period: period)
            let builder = ReportFiguresBuilder(
                units: try queries.unitsByKind(), movements: try queries.movements(),
                members: try ReportMemberCounts(connection: db, rootID: rootID, period: period),
                discipline: try queries.discipline(), referral: try queries.referral(), training: try queries.training(),
                unitGrades: try queries.unitGrades())
            let figures = try builder.tree(of: try queries.listedUnits(), rootID: rootID)
            let (fingerprint, computedFor) = try ContentVersion.fingerprint(in: db)
            return (YearEndReport(period: period, root: figures, fingerprint: fingerprint), computedFor)
        }
        if let computedFor { keep(report.fingerprint, for: computedFor) }
        return report
    }

    /// The calendar-year reports of `unitCode` for each of `years`, in that order: what a
    /// comparison with earlier years and a trend over years read.
    public func yearEndReports(unitCode: String?, years: [Int]) throws -> [YearEndReport] {
        try years.map { try yearEndReport(unitCode: unitCode, period: try ReportPeriod.year($0)) }
    }

    /// Everything a year-end report of `unitCode` over `period` reads, as one script for the
    /// sqlite3 shell: the counting queries of `ReportQueries` and the reading statements of
    /// `ReportMemberCounts` (the shell only steps through their rows; the report counts
    /// them), with the period's days and the root unit's id written in as literals, then
    /// the fingerprint's reading queries. sodoan-bench times it as the baseline of `report
    /// annual`; it is built from the very statements the report runs, so the two cannot
    /// drift apart.
    public func yearEndReportScript(unitCode: String?, period: ReportPeriod) throws -> String {
        let rootID = try readSQL { db in try unitCode.map { try UnitTable.find($0, in: db).id } ?? UnitTable.root(on: period.to, in: db).id }
        let values = ReportQueries.arguments(rootID: rootID, period: period)
        let statements = ReportQueries.statements(.sqlite) + ReportMemberCounts.statements + Fingerprint.sections(.sqlite).map(\.sql)
        return statements.map { Self.inlining(values, into: $0) + ";\n" }.joined()
    }

    /// `sql` with each named argument `:name` found in `values` replaced by its SQL literal.
    private static func inlining(_ values: [String: SQLValue], into sql: String) -> String {
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
    private static func literal(_ value: SQLValue) -> String {
        switch value {
        case .integer(let number): return String(number)
        case .text(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        default: preconditionFailure("a report argument is an integer or a day: \(value)")
        }
    }
}

/// Turns the per-unit counts of `ReportQueries` into the domain's tree of `UnitFigures`.
private struct ReportFiguresBuilder {
    var units: ReportQueries.Tally
    var movements: ReportQueries.Tally
    var members: ReportMemberCounts
    var discipline: ReportQueries.Tally
    var referral: ReportQueries.Tally
    var training: ReportQueries.Tally
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

    /// The figures of one unit. Each code the SQL counted is read without trusting it
    /// (`StoredValue.code`): a row changed behind sodoan's back gives a refusal naming it.
    private func figures(of id: Int64, _ unit: Unit) throws -> UnitFigures {
        var figures = UnitFigures(unit: unit)
        for (code, count) in units[id] ?? [:] {
            figures.units[try StoredValue.code(code) as UnitKind] = count
        }
        figures.members.start = members.start[id] ?? 0
        for (code, count) in movements[id] ?? [:] {
            switch code {
            case "in": figures.members.transferredIn = count
            case "out": figures.members.transferredOut = count
            case "reorganised_in": figures.members.reorganisedIn = count
            case "reorganised_out": figures.members.reorganisedOut = count
            default: figures.members.add(count, of: try StoredValue.code(code) as MembershipEventKind)
            }
        }
        members.end[id]?.fill(&figures)
        for (code, count) in discipline[id] ?? [:] {
            figures.discipline[try StoredValue.code(code) as DisciplineLevel] = count
        }
        for (code, count) in referral[id] ?? [:] {
            if code == "cohort" { figures.referral.referredToClassSinceAdmitted = count } else { figures.referral.add(count, of: try StoredValue.code(code) as ReferralStage) }
        }
        for (code, count) in training[id] ?? [:] {
            figures.training[try StoredValue.code(code) as TrainingKind] = count
        }
        for (code, count) in unitGrades[id] ?? [:] {
            if code == "not_graded" { figures.unitGrades.notGraded = count } else { figures.unitGrades.counts[try StoredValue.code(code) as Grade] = count }
        }
        return figures
    }
}
