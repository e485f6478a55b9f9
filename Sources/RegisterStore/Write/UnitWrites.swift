import UnionRegister

/// The writes of a unit's dated changes (docs/DOMAIN.md#units-change), shared by `unit
/// rename|move|merge|split`: each is decided by the domain's `ReorganisationRules` and
/// written here only, inside the caller's one audited transaction, on either engine.
extension WriteTransaction {
    /// Checks and writes a rename of the unit on `day`.
    func renameUnit(_ code: String, to name: String, on day: Day) throws -> UnitChange {
        let (id, unit) = try UnitTable.find(code, in: connection)
        try ReorganisationRules.validateRename(unit, to: name, on: day,
                                               previous: try UnitChangeTable.latest(.renamed, ofUnit: id, in: connection), today: today)
        // Renames are recorded in date order, so the name now is the one the rename ends.
        let change = UnitChange(kind: .renamed, on: day, unitCode: code, oldName: unit.name, newName: name)
        try UnitChangeTable.insert(change, in: connection)
        try UnitTable.rename(id: id, to: name, in: connection)
        return change
    }

    /// Checks and writes a move of the unit, with everything below it, under `parentCode`
    /// on `day`, and rewrites the dated closure of its subtree.
    func moveUnit(_ code: String, under parentCode: String, on day: Day) throws -> UnitChange {
        let (id, unit) = try UnitTable.find(code, in: connection)
        let (parentID, parent) = try UnitTable.find(parentCode, in: connection)
        try ReorganisationRules.validateMove(unit, under: parent, currentParent: unit.parentCode, on: day,
                                             previous: try UnitChangeTable.latest(.moved, ofUnit: id, in: connection),
                                             parentInSubtree: try UnitTable.isInSubtree(parentID, of: id, on: day, in: connection),
                                             today: today)
        // Moves of a unit are recorded in date order, so its parent now is the one the move ends.
        let change = UnitChange(kind: .moved, on: day, unitCode: code, oldParentCode: unit.parentCode, newParentCode: parentCode)
        try UnitChangeTable.insert(change, in: connection)
        try UnitTable.setParent(id: id, to: parentID, in: connection)
        try UnitClosureTable.rebuild(below: id, in: connection)
        return change
    }

    /// Moves each member of `members` from the unit `from` to `to` on `day` by a
    /// reorganisation event, through the same history rules as any membership event.
    func reorganise(_ members: [String], from: String, to: String, on day: Day) throws {
        for member in members {
            let id = try MemberTable.find(member, in: connection).id
            _ = try recordEvent(memberID: id, code: member, action: "member.reorganised") { _ in
                MembershipEvent(kind: .reorganised, on: day, unitCode: to, fromUnitCode: from)
            }
        }
    }

    /// The codes of the members active in the unit itself (not below it) on `day`.
    func activeMembers(ofUnit id: Int64, on day: Day) throws -> [String] {
        try connection.storedRows("""
            SELECT m.code FROM membership_event e JOIN member m ON m.id = e.member_id
            WHERE e.unit_id = :unit AND e.kind IN \(MembershipSQL.activeKinds)
              AND e.id = \(MembershipSQL.lastEventID(memberColumn: "e.member_id", dayArgument: ":day"))
            ORDER BY m.code
            """, ["unit": id, "day": day.description]) { try $0.text("code") }
    }

    /// The first membership event into or out of the unit dated after `day`: a
    /// reorganisation that empties the unit on `day` cannot come before it.
    func laterEvent(inUnit id: Int64, after day: Day) throws -> ReorganisationRules.LaterEvent? {
        try connection.storedRows("""
            SELECT m.code, u.code AS unit_code, e.on_date FROM membership_event e
            JOIN member m ON m.id = e.member_id JOIN unit u ON u.id = :unit
            WHERE (e.unit_id = :unit OR e.from_unit_id = :unit) AND e.on_date > :day
            ORDER BY e.on_date, e.id LIMIT 1
            """, ["unit": id, "day": day.description]) {
            ReorganisationRules.LaterEvent(member: try $0.text("code"), unitCode: try $0.text("unit_code"), on: try StoredValue.day($0, "on_date"))
        }.first
    }

    /// Closes the unit on `day` after a merger or a split emptied it, through the rules of
    /// `unit close` (nobody left in its subtree, no open unit under it).
    func closeEmptied(_ code: String, on day: Day) throws {
        let (id, unit) = try UnitTable.find(code, in: connection)
        let (members, arguments) = try MembershipSQL.activeMembers(of: code, on: day, in: connection)
        let active = Int(try connection.row("SELECT COUNT(*) AS n FROM (\(members)) AS active", arguments)?.integer("n") ?? 0)
        let openChildren = try UnitTable.children(of: id, in: connection).filter { $0.closedOn.map { $0 > day } ?? true }.map(\.code)
        try UnitRules.validateClose(unit, on: day, activeMembers: active, openChildren: openChildren, today: today)
        try UnitTable.close(id: id, on: day, in: connection)
        try endOffices(ofUnit: id, on: day)
    }
}
