import UnionRegister

/// What one reorganisation wrote, as its audit row keeps it: the unit changes, and the
/// members moved by reorganisation events.
struct ReorganisationAudit: Encodable {
    var changes: [UnitChange]
    var members: [String]
}

/// One line of `unit history`: a change, and how many members it moved by reorganisation
/// events out of the unit it is about (a merger or a split).
public struct UnitHistoryEntry: Sendable, Equatable {
    public var change: UnitChange
    public var membersMoved: Int
}

extension Register {
    /// Renames a unit from `day`: it keeps its code and history, and everything about an
    /// earlier day shows the old name. One audited write.
    public func renameUnit(_ code: String, to name: String, on day: Day) throws {
        let name = VietnameseText.normalized(name)
        try write { tx in
            let change = try tx.renameUnit(code, to: name, on: day)
            return ((), AuditEntry(action: "unit.rename", unitCode: code, newValue: AuditEntry.json(change)))
        }
    }

    /// Moves a unit, with everything below it and all its members, under another parent
    /// from `day`. One audited write.
    public func moveUnit(_ code: String, under parentCode: String, on day: Day) throws {
        try write { tx in
            let change = try tx.moveUnit(code, under: parentCode, on: day)
            return ((), AuditEntry(action: "unit.move", unitCode: code, newValue: AuditEntry.json(change)))
        }
    }

    /// Merges `codes` into `targetCode` on `day`: the units open under each move under the
    /// target, the members of each move into it by reorganisation events, and each closes
    /// that day. All or nothing, one audited write.
    public func mergeUnits(_ codes: [String], into targetCode: String, on day: Day) throws {
        try write { tx in
            let (targetID, target) = try UnitTable.find(targetCode, in: tx.connection)
            var sources: [(id: Int64, unit: UnionRegister.Unit)] = []
            for code in codes where !sources.contains(where: { $0.unit.code == code }) { sources.append(try UnitTable.find(code, in: tx.connection)) }
            let targetUnder = try sources.first { try UnitTable.isInSubtree(targetID, of: $0.id, on: day, in: tx.connection) }?.unit.code
            var later: ReorganisationRules.LaterEvent?
            for source in sources where later == nil { later = try tx.laterEvent(inUnit: source.id, after: day) }
            try ReorganisationRules.validateMerge(sources.map(\.unit), into: target, on: day, targetUnder: targetUnder,
                                                  laterEvent: later, today: tx.today)
            var audit = ReorganisationAudit(changes: [], members: [])
            for source in sources {
                for child in try UnitTable.children(of: source.id, in: tx.connection) where child.closedOn.map({ $0 > day }) ?? true {
                    audit.changes.append(try tx.moveUnit(child.code, under: targetCode, on: day))
                }
                let members = try tx.activeMembers(ofUnit: source.id, on: day)
                try tx.reorganise(members, from: source.unit.code, to: targetCode, on: day)
                audit.members += members
                let change = UnitChange(kind: .merged, on: day, unitCode: source.unit.code, intoUnitCode: targetCode)
                try UnitChangeTable.insert(change, in: tx.connection)
                audit.changes.append(change)
                try tx.closeEmptied(source.unit.code, on: day)
            }
            return ((), AuditEntry(action: "unit.merge", unitCode: targetCode, newValue: AuditEntry.json(audit)))
        }
    }

    /// Splits a unit on `day` as `plan` says: each member of a branch moves to the unit
    /// named for them by a reorganisation event, each branch of a grassroots union moves
    /// under the union named for it (with its members); the unit closes unless something
    /// stays in it. All or nothing, one audited write. Returns whether the unit closed.
    @discardableResult
    public func splitUnit(_ code: String, plan: SplitPlan, on day: Day) throws -> Bool {
        try write { tx in
            let (id, unit) = try UnitTable.find(code, in: tx.connection)
            var targets: [String: UnionRegister.Unit] = [:]
            for placement in plan.placements where targets[placement.unitCode] == nil && placement.unitCode != code {
                targets[placement.unitCode] = try UnitTable.find(placement.unitCode, in: tx.connection).unit
            }
            let ofMembers = unit.kind.holdsMembers
            let held = ofMembers ? try tx.activeMembers(ofUnit: id, on: day)
                                 : try UnitTable.children(of: id, on: day, in: tx.connection).filter { $0.isOpen(on: day) }.map(\.code)
            let moves = try plan.validate(split: unit, on: day, held: Set(held), targets: targets,
                                          laterEvent: ofMembers ? try tx.laterEvent(inUnit: id, after: day) : nil, today: tx.today)
            var audit = ReorganisationAudit(changes: [], members: [])
            for placement in moves {
                if ofMembers {
                    try tx.reorganise([placement.code], from: code, to: placement.unitCode, on: day)
                    audit.members.append(placement.code)
                } else {
                    audit.changes.append(try tx.moveUnit(placement.code, under: placement.unitCode, on: day))
                }
            }
            let change = UnitChange(kind: .split, on: day, unitCode: code)
            try UnitChangeTable.insert(change, in: tx.connection)
            audit.changes.append(change)
            let closes = plan.closes(unit)
            if closes { try tx.closeEmptied(code, on: day) }
            return (closes, AuditEntry(action: "unit.split", unitCode: code, newValue: AuditEntry.json(audit)))
        }
    }

    /// The reorganisations that concern a unit (`unit history`), in date order.
    public func unitHistory(_ code: String) throws -> [UnitHistoryEntry] {
        try readSQL { db in
            let id = try UnitTable.find(code, in: db).id
            return try UnitChangeTable.history(ofUnit: id, in: db).map { change in
                let moved = change.kind == .merged || change.kind == .split
                    ? try db.row("""
                        SELECT COUNT(*) AS n FROM membership_event e JOIN unit u ON u.id = e.from_unit_id
                        WHERE u.code = ? AND e.kind = 'reorganised' AND e.on_date = ?
                        """, [change.unitCode, change.on.description])?.integer("n") ?? 0
                    : 0
                return UnitHistoryEntry(change: change, membersMoved: Int(moved))
            }
        }
    }
}
