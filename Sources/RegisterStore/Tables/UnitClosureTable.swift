import UnionRegister

/// The dated closure table `unit_closure`, derived from the parents in `unit` and the
/// moves in `unit_change` through the domain's `UnitLineage`, on either engine.
enum UnitClosureTable {
    /// Every unit's parent before its first move and its moves, by row id.
    static func lineage(in db: any SQLConnection) throws -> UnitLineage<Int64> {
        var parents: [Int64: UnitLineage<Int64>.Parents] = [:]
        try db.forEachStoredRow("SELECT id, parent_id FROM unit", .none) { row in
            parents[try row.integer("id")] = UnitLineage<Int64>.Parents(first: try row.optionalInteger("parent_id"))
        }
        try db.forEachStoredRow("""
            SELECT unit_id, on_date, old_parent_id, new_parent_id FROM unit_change WHERE kind = 'moved' ORDER BY unit_id, on_date, id
            """, .none) { row in
            let id = try row.integer("unit_id")
            if parents[id]?.moves.isEmpty ?? false { parents[id]?.first = try row.optionalInteger("old_parent_id") }
            parents[id]?.moves.append((on: try StoredValue.day(row, "on_date"), parent: try row.optionalInteger("new_parent_id")))
        }
        return UnitLineage(parents: parents)
    }

    /// `lineage(in:)` by unit code, for the domain's checks, which name units by code.
    static func lineageByCode(in db: any SQLConnection) throws -> UnitLineage<String> {
        let byID = try lineage(in: db)
        var codes: [Int64: String] = [:]
        try db.forEachStoredRow("SELECT id, code FROM unit", .none) { codes[try $0.integer("id")] = try $0.text("code") }
        var parents: [String: UnitLineage<String>.Parents] = [:]
        for (id, unit) in byID.parents {
            guard let code = codes[id] else { continue }
            parents[code] = UnitLineage<String>.Parents(first: unit.first.flatMap { codes[$0] },
                                                        moves: unit.moves.map { (on: $0.on, parent: $0.parent.flatMap { codes[$0] }) })
        }
        return UnitLineage(parents: parents)
    }

    /// Rewrites the closure rows of the unit with this row id and of every unit ever below
    /// it, after a move. Refuses a tree that would loop on some day (`unit-move-cycle`).
    static func rebuild(below id: Int64, in db: any SQLConnection) throws {
        let units = try db.storedRows("SELECT DISTINCT descendant_id FROM unit_closure WHERE ancestor_id = ?", [id]) {
            try $0.integer("descendant_id")
        }
        let spans = try lineage(in: db).spans(of: units)
        for unit in units {
            try db.execute("DELETE FROM unit_closure WHERE descendant_id = ?", [unit])
        }
        for span in spans {
            try db.execute("INSERT INTO unit_closure (ancestor_id, descendant_id, depth, from_on, until_on) VALUES (?, ?, ?, ?, ?)",
                           [span.ancestor, span.descendant, span.depth, span.from?.description, span.until?.description])
        }
    }

    /// How many rows of the closure table differ from what the history implies (`check`).
    /// A tree that loops (`DamageChecks` names its units) implies no closure at all, so
    /// every row is wrong then.
    static func wrongRows(in db: any SQLConnection) throws -> Int {
        let lineage = try lineage(in: db)
        struct Key: Hashable { var a, d: Int64; var depth: Int64; var from, until: String? }
        var stored: [Key] = []
        try db.forEachStoredRow("SELECT ancestor_id, descendant_id, depth, from_on, until_on FROM unit_closure", .none) { row in
            stored.append(Key(a: try row.integer("ancestor_id"), d: try row.integer("descendant_id"), depth: try row.integer("depth"),
                              from: try row.optionalText("from_on"), until: try row.optionalText("until_on")))
        }
        guard let spans = try? lineage.spans(of: lineage.parents.keys.sorted()) else { return stored.count }
        let expected = Set(spans.map { Key(a: $0.ancestor, d: $0.descendant, depth: Int64($0.depth), from: $0.from?.description, until: $0.until?.description) })
        let storedSet = Set(stored)
        return expected.subtracting(storedSet).count + storedSet.subtracting(expected).count + (stored.count - storedSet.count)
    }
}
