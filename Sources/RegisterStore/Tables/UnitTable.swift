import GRDB
import UnionRegister

/// Reads and writes rows of `unit` and `unit_closure`.
enum UnitTable {
    static let columns = "u.id, u.code, u.name, u.kind, p.code AS parent_code, u.opened_on, u.closed_on"
    static let from = "unit u LEFT JOIN unit p ON p.id = u.parent_id"

    static func unit(from row: Row) throws -> Unit {
        Unit(code: row["code"], name: row["name"], kind: try StoredValue.code(row, "kind"),
             parentCode: row["parent_code"], openedOn: try StoredValue.day(row, "opened_on"),
             closedOn: try StoredValue.optionalDay(row, "closed_on"))
    }

    /// Inserts the unit and its closure rows (itself at depth 0, then every ancestor).
    @discardableResult
    static func insert(_ unit: Unit, parentID: Int64?, in db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO unit (code, name, kind, parent_id, opened_on, closed_on) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [unit.code, unit.name, unit.kind.rawValue, parentID, unit.openedOn.description, unit.closedOn?.description])
        let id = db.lastInsertedRowID
        try db.execute(sql: """
            INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
            SELECT ?, ?, 0
            UNION ALL
            SELECT ancestor_id, ?, depth + 1 FROM unit_closure WHERE descendant_id = ?
            """, arguments: [id, id, id, parentID])
        return id
    }

    /// The unit with this code and its row id, or a bad-input error naming the code.
    static func find(_ code: String, in db: Database) throws -> (id: Int64, unit: Unit) {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM \(from) WHERE u.code = ?", arguments: [code]) else {
            throw RegisterError.unknownUnit(code)
        }
        return (row["id"], try unit(from: row))
    }

    static func exists(code: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE code = ?", arguments: [code]) == true
    }

    /// The units whose parent is the unit with this row id.
    static func children(of id: Int64, in db: Database) throws -> [Unit] {
        try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(from) WHERE u.parent_id = ? ORDER BY u.code", arguments: [id])
            .map(unit(from:))
    }

    static func close(id: Int64, on day: Day, in db: Database) throws {
        try db.execute(sql: "UPDATE unit SET closed_on = ? WHERE id = ?", arguments: [day.description, id])
    }

    /// Corrects a unit's name and opening day (`unit update`).
    static func correct(id: Int64, to unit: Unit, in db: Database) throws {
        try db.execute(sql: "UPDATE unit SET name = ?, opened_on = ? WHERE id = ?",
                       arguments: [unit.name, unit.openedOn.description, id])
    }

    /// The unit with this code and every unit above it, from the unit up to the root.
    static func ancestors(of code: String, in db: Database) throws -> [Unit] {
        try Row.fetchAll(db, sql: """
            SELECT \(columns) FROM \(from) JOIN unit_closure c ON c.ancestor_id = u.id
            WHERE c.descendant_id = ? ORDER BY c.depth
            """, arguments: [try find(code, in: db).id]).map(unit(from:))
    }

    /// The register's root bloc (the first by code, should a register hold several roots).
    static func root(in db: Database) throws -> (id: Int64, unit: Unit) {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM \(from) WHERE u.parent_id IS NULL ORDER BY u.code LIMIT 1") else {
            throw RegisterError.badInput(Text(vi: "Sổ chưa có đơn vị nào.", en: "The register has no units."))
        }
        return (row["id"], try unit(from: row))
    }

    /// The unit with this code and every unit below it, by code.
    static func subtree(of code: String, in db: Database) throws -> [Unit] {
        try Row.fetchAll(db, sql: """
            SELECT \(columns) FROM \(from) JOIN unit_closure c ON c.descendant_id = u.id
            WHERE c.ancestor_id = ? ORDER BY u.code
            """, arguments: [try find(code, in: db).id]).map(unit(from:))
    }
}
