import UnionRegister

/// A unit with what `unit list` shows about it on a day.
public struct UnitSummary: Sendable, Equatable {
    public var unit: Unit
    /// 0 for the root, 1 for its children, …
    public var depth: Int
    /// Active members in the unit's whole subtree on the day.
    public var members: Int
    public var warnings: [StructureWarning]
}

extension Register {
    /// Adds a unit under its parent, after the domain's tree rules.
    public func addUnit(_ unit: Unit) throws {
        var unit = unit
        unit.name = VietnameseText.normalized(unit.name)
        try write { tx in
            try UnionRegister.UnitRules.validateCode(unit.code)
            if try UnitTable.exists(code: unit.code, in: tx.connection) {
                throw RegisterError.badInput(Text(vi: "Mã đơn vị \(unit.code) đã có trong sổ.",
                                                  en: "Unit code \(unit.code) is already in the register."))
            }
            let parent = try unit.parentCode.map { try UnitTable.find($0, in: tx.connection) }
            try UnitRules.validateNew(unit, parent: parent?.unit, today: tx.today)
            try UnitTable.insert(unit, parentID: parent?.id, in: tx.connection)
            return ((), AuditEntry(action: "unit.add", unitCode: unit.code, newValue: AuditEntry.json(unit)))
        }
    }

    /// Corrects a unit's name or opening day: the register was told a wrong fact (a bloc
    /// created "today" that has existed for years). Nothing is dated: the unit's history
    /// keeps its events, and the tree must stay consistent with the new day
    /// (`UnitRules.validateCorrection`).
    @discardableResult
    public func updateUnit(_ code: String, name: String?, openedOn: Day?) throws -> Unit {
        try write { tx in
            let (id, old) = try UnitTable.find(code, in: tx.connection)
            var new = old
            if let name { new.name = VietnameseText.normalized(name) }
            if let openedOn { new.openedOn = openedOn }
            let parent = try old.parentCode.map { try UnitTable.find($0, in: tx.connection).unit }
            try UnitRules.validateCorrection(new, parent: parent, children: try UnitTable.children(of: id, in: tx.connection),
                                             firstPlacement: try EventTable.firstPlacement(inUnit: id, in: tx.connection), today: tx.today)
            try UnitTable.correct(id: id, to: new, in: tx.connection)
            return (new, AuditEntry(action: "unit.update", unitCode: code, oldValue: AuditEntry.json(old), newValue: AuditEntry.json(new)))
        }
    }

    /// Closes a unit on a day: it stays in the register with its history.
    public func closeUnit(_ code: String, on day: Day) throws {
        try write { tx in
            let (id, unit) = try UnitTable.find(code, in: tx.connection)
            let openChildren = try UnitTable.children(of: id, in: tx.connection).filter { $0.closedOn.map { $0 > day } ?? true }.map(\.code)
            let active = try activeMemberCounts(on: day, in: tx.connection)[id] ?? 0
            try UnitRules.validateClose(unit, on: day, activeMembers: active, openChildren: openChildren, today: tx.today)
            try UnitTable.close(id: id, on: day, in: tx.connection)
            try tx.endOffices(ofUnit: id, on: day)
            var closed = unit
            closed.closedOn = day
            return ((), AuditEntry(action: "unit.close", unitCode: code, oldValue: AuditEntry.json(unit), newValue: AuditEntry.json(closed)))
        }
    }

    /// The unit with this code.
    public func unit(_ code: String) throws -> Unit {
        try readSQL { db in try UnitTable.find(code, in: db).unit }
    }

    /// Every unit in tree order (each unit followed by its subtree, siblings by code), with
    /// the names and parents in force on `day`, with members and structural warnings on `day`. Closed units are included only
    /// when `includeClosed` is set.
    public func unitTree(on day: Day, includeClosed: Bool = false) throws -> [UnitSummary] {
        try readSQL { db in
            let rows = try db.rows("SELECT \(UnitTable.columns(on: ":day")) FROM \(UnitTable.from(on: ":day")) ORDER BY u.code",
                                   ["day": day.description])
            let counts = try activeMemberCounts(on: day, in: db)
            // The walk starts from the roots and follows parent links down: each unit has one
            // parent, so it is reached at most once, and units in a cycle made behind
            // sodoan's back (which `check` reports) are never reached at all.
            var children: [Int64?: [(id: Int64, unit: Unit)]] = [:]
            for row in rows { children[try row.optionalInteger("parent_id"), default: []].append((try row.integer("id"), try UnitTable.unit(from: row))) }
            var result: [UnitSummary] = []
            func visit(_ id: Int64, _ unit: Unit, depth: Int) {
                guard includeClosed || unit.isOpen(on: day) || day < unit.openedOn else { return }
                let kids = children[id] ?? []
                let openBranches = kids.filter { $0.unit.kind == .branch && $0.unit.isOpen(on: day) }.count
                let members = counts[id] ?? 0
                let warnings = unit.isOpen(on: day) ? StructureWarning.check(unit: unit, openBranches: openBranches, members: members) : []
                result.append(UnitSummary(unit: unit, depth: depth, members: members, warnings: warnings))
                for kid in kids { visit(kid.id, kid.unit, depth: depth + 1) }
            }
            for root in children[nil] ?? [] { visit(root.id, root.unit, depth: 0) }
            return result
        }
    }

    /// Active members on `day` per unit id, each unit counting its whole subtree.
    ///
    /// Members are counted per branch first, from their state on the day
    /// (`MembershipSQL.counted(overStatesOn:)`), and only those few thousand counts are
    /// rolled up the tree of that day (the dated closure table): joining every member to
    /// every ancestor costs several times more at 100,000 members. The year-end report counts
    /// its members at start outside SQL (`ReportMemberCounts`); its tests check it against this.
    func activeMemberCounts(on day: Day, in db: any SQLConnection) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try db.rows(Self.activeMemberCountsSQL(joining: db.dialect.orderedJoin), ["day": day.description]) {
            counts[try row.integer("unit_id")] = Int(try row.integer("n"))
        }
        return counts
    }

    private static func activeMemberCountsSQL(joining join: String) -> String {
        """
        WITH branch(unit_id, n) AS (\(MembershipSQL.counted(overStatesOn: ":day") { state in
            "SELECT state.unit_id, COUNT(*) FROM \(state) WHERE state.kind IN \(MembershipSQL.activeKinds) GROUP BY state.unit_id"
        }))
        SELECT c.ancestor_id AS unit_id, SUM(branch.n) AS n
        FROM branch \(join) unit_closure c ON c.descendant_id = branch.unit_id AND \(UnitTreeSQL.inForce("c", on: ":day"))
        GROUP BY c.ancestor_id
        """
    }
}
