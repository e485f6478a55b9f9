import GRDB
import UnionRegister

/// Reads and writes rows of `unit` and `unit_closure`.
enum UnitTable {
    static let columns = "u.id, u.code, u.name, u.kind, p.code AS parent_code, u.opened_on, u.closed_on"
    static let from = "unit u LEFT JOIN unit p ON p.id = u.parent_id"

    static func unit(from row: Row) -> Unit {
        Unit(code: row["code"], name: row["name"], kind: UnitKind(rawValue: row["kind"])!,
             parentCode: row["parent_code"], openedOn: Day(parsing: row["opened_on"])!,
             closedOn: (row["closed_on"] as String?).flatMap(Day.init(parsing:)))
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
        return (row["id"], unit(from: row))
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

    /// The register's root bloc (the first by code, should a register hold several roots).
    static func root(in db: Database) throws -> (id: Int64, unit: Unit) {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM \(from) WHERE u.parent_id IS NULL ORDER BY u.code LIMIT 1") else {
            throw RegisterError.badInput(Text(vi: "Sổ chưa có đơn vị nào.", en: "The register has no units."))
        }
        return (row["id"], unit(from: row))
    }

    /// The unit with this code and every unit below it, by code.
    static func subtree(of code: String, in db: Database) throws -> [Unit] {
        try Row.fetchAll(db, sql: """
            SELECT \(columns) FROM \(from) JOIN unit_closure c ON c.descendant_id = u.id
            WHERE c.ancestor_id = ? ORDER BY u.code
            """, arguments: [try find(code, in: db).id]).map(unit(from:))
    }
}
