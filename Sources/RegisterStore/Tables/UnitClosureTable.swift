import GRDB
import UnionRegister

/// The dated closure table `unit_closure`, derived from the parents in `unit` and the
/// moves in `unit_change` through the domain's `UnitLineage`.
enum UnitClosureTable {
    /// Every unit's parent before its first move and its moves, by row id.
    static func lineage(in db: Database) throws -> UnitLineage<Int64> {
        var parents: [Int64: UnitLineage<Int64>.Parents] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, parent_id FROM unit") {
            parents[row["id"]] = UnitLineage<Int64>.Parents(first: row["parent_id"])
        }
        let moves = try Row.fetchAll(db, sql: """
            SELECT unit_id, on_date, old_parent_id, new_parent_id FROM unit_change WHERE kind = 'moved' ORDER BY unit_id, on_date, id
            """)
        for row in moves {
            let id: Int64 = row["unit_id"]
            if parents[id]?.moves.isEmpty ?? false { parents[id]?.first = row["old_parent_id"] }
            parents[id]?.moves.append((on: try StoredValue.day(row, "on_date"), parent: row["new_parent_id"]))
        }
        return UnitLineage(parents: parents)
    }

    /// `lineage(in:)` by unit code, for the domain's checks, which name units by code.
    static func lineageByCode(in db: Database) throws -> UnitLineage<String> {
        let byID = try lineage(in: db)
        var codes: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, code FROM unit") { codes[row["id"]] = row["code"] }
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
    static func rebuild(below id: Int64, in db: Database) throws {
        let units = try Int64.fetchAll(db, sql: "SELECT DISTINCT descendant_id FROM unit_closure WHERE ancestor_id = ?", arguments: [id])
        let spans = try lineage(in: db).spans(of: units)
        for unit in units {
            try db.execute(sql: "DELETE FROM unit_closure WHERE descendant_id = ?", arguments: [unit])
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO unit_closure (ancestor_id, descendant_id, depth, from_on, until_on) VALUES (?, ?, ?, ?, ?)
            """)
        for span in spans {
            try insert.execute(arguments: [span.ancestor, span.descendant, span.depth, span.from?.description, span.until?.description])
        }
    }

    /// How many rows of the closure table differ from what the history implies (`check`).
    /// A tree that loops (`DamageChecks` names its units) implies no closure at all, so
    /// every row is wrong then.
    static func wrongRows(in db: Database) throws -> Int {
        let lineage = try lineage(in: db)
        guard let spans = try? lineage.spans(of: lineage.parents.keys.sorted()) else {
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit_closure") ?? 0
        }
        struct Key: Hashable { var a, d: Int64; var depth: Int; var from, until: String? }
        let expected = Set(spans.map { Key(a: $0.ancestor, d: $0.descendant, depth: $0.depth, from: $0.from?.description, until: $0.until?.description) })
        var stored: [Key] = []
        for row in try Row.fetchAll(db, sql: "SELECT ancestor_id, descendant_id, depth, from_on, until_on FROM unit_closure") {
            stored.append(Key(a: row[0], d: row[1], depth: row[2], from: row[3], until: row[4]))
        }
        let storedSet = Set(stored)
        return expected.subtracting(storedSet).count + storedSet.subtracting(expected).count + (stored.count - storedSet.count)
    }
}
