import UnionRegister

/// Reads and writes rows of `unit` and `unit_closure`, on both engines (`SQLConnection`).
enum UnitTable {
    static let columns = "u.id, u.code, u.name, u.kind, p.code AS parent_code, u.opened_on, u.closed_on"
    static let from = "unit u LEFT JOIN unit p ON p.id = u.parent_id"

    /// The columns of `columns` with the name and parent in force on `day` (an SQL
    /// expression), and that parent's row id as `parent_id`, over `from(on:)`.
    static func columns(on day: String) -> String {
        "u.id, u.code, \(UnitTreeSQL.name(on: day)) AS name, u.kind, p.code AS parent_code, p.id AS parent_id, u.opened_on, u.closed_on"
    }

    static func from(on day: String) -> String {
        "unit u LEFT JOIN unit p ON p.id = \(UnitTreeSQL.parentID(on: day))"
    }

    static func unit(from row: some StoredRow) throws -> Unit {
        Unit(code: try row.text("code"), name: try row.text("name"), kind: try StoredValue.code(row, "kind"),
             parentCode: try row.optionalText("parent_code"), openedOn: try StoredValue.day(row, "opened_on"),
             closedOn: try StoredValue.optionalDay(row, "closed_on"))
    }

    /// Inserts the unit and its closure rows: itself at depth 0, then every ancestor of
    /// its parent over the same days (a parent that moved gives its new child the same
    /// dated ancestry).
    @discardableResult
    static func insert(_ unit: Unit, parentID: Int64?, in db: any SQLConnection) throws -> Int64 {
        let id = try db.insert("INSERT INTO unit (code, name, kind, parent_id, opened_on, closed_on) VALUES (?, ?, ?, ?, ?, ?)",
                               [unit.code, unit.name, unit.kind.rawValue, parentID, unit.openedOn.description, unit.closedOn?.description])
        try db.execute("""
            INSERT INTO unit_closure (ancestor_id, descendant_id, depth, from_on, until_on)
            SELECT ?, ?, 0, NULL, NULL
            UNION ALL
            SELECT ancestor_id, ?, depth + 1, from_on, until_on FROM unit_closure WHERE descendant_id = ?
            """, [id, id, id, parentID])
        return id
    }

    /// The unit with this code with its name and parent on `day`, and its row id.
    static func find(_ code: String, on day: Day, in db: any SQLConnection) throws -> (id: Int64, unit: Unit) {
        try find(code, onDay: day.description, in: db)
    }

    /// The unit with this code as it was added, with its first name and parent (before any
    /// rename or move): what `export units` writes, so that `import unit-changes` replays
    /// the changes on it.
    static func asAdded(_ code: String, in db: any SQLConnection) throws -> (id: Int64, unit: Unit) {
        // The empty text sorts before every day.
        try find(code, onDay: "", in: db)
    }

    private static func find(_ code: String, onDay day: String, in db: any SQLConnection) throws -> (id: Int64, unit: Unit) {
        guard let found = try db.storedRows("SELECT \(columns(on: ":day")) FROM \(from(on: ":day")) WHERE u.code = :code",
                                            ["day": day, "code": code], { (id: try $0.integer("id"), unit: try unit(from: $0)) }).first else {
            throw RegisterError.unknownUnit(code)
        }
        return found
    }

    /// Whether `descendant` is `ancestor` or below it in the tree of `day`.
    static func isInSubtree(_ descendant: Int64, of ancestor: Int64, on day: Day, in db: any SQLConnection) throws -> Bool {
        try db.row("""
            SELECT 1 FROM unit_closure c WHERE c.ancestor_id = :a AND c.descendant_id = :d AND \(UnitTreeSQL.inForce("c", on: ":day"))
            LIMIT 1
            """, ["a": ancestor, "d": descendant, "day": day.description]) != nil
    }

    static func rename(id: Int64, to name: String, in db: any SQLConnection) throws {
        try db.execute("UPDATE unit SET name = ? WHERE id = ?", [name, id])
    }

    static func setParent(id: Int64, to parentID: Int64, in db: any SQLConnection) throws {
        try db.execute("UPDATE unit SET parent_id = ? WHERE id = ?", [parentID, id])
    }

    /// The unit with this code and its row id, or a bad-input error naming the code.
    static func find(_ code: String, in db: any SQLConnection) throws -> (id: Int64, unit: Unit) {
        guard let row = try db.row("SELECT \(columns) FROM \(from) WHERE u.code = ?", [code]) else {
            throw RegisterError.unknownUnit(code)
        }
        return (try row.integer("id"), try unit(from: row))
    }

    static func exists(code: String, in db: any SQLConnection) throws -> Bool {
        try db.row("SELECT 1 FROM unit WHERE code = ?", [code]) != nil
    }

    /// The units whose parent is the unit with this row id.
    static func children(of id: Int64, in db: any SQLConnection) throws -> [Unit] {
        try db.rows("SELECT \(columns) FROM \(from) WHERE u.parent_id = ? ORDER BY u.code", [id]).map(unit(from:))
    }

    /// The units whose parent is the unit with this row id on `day`, with the names of that day, by code.
    static func children(of id: Int64, on day: Day, in db: any SQLConnection) throws -> [Unit] {
        try db.storedRows("SELECT \(columns(on: ":day")) FROM \(from(on: ":day")) WHERE p.id = :id ORDER BY u.code",
                          ["id": id, "day": day.description]) { try unit(from: $0) }
    }

    static func close(id: Int64, on day: Day, in db: any SQLConnection) throws {
        try db.execute("UPDATE unit SET closed_on = ? WHERE id = ?", [day.description, id])
    }

    /// Corrects a unit's name and opening day (`unit update`).
    static func correct(id: Int64, to unit: Unit, in db: any SQLConnection) throws {
        try db.execute("UPDATE unit SET name = ?, opened_on = ? WHERE id = ?", [unit.name, unit.openedOn.description, id])
    }

    /// The unit with this code and every unit above it on `day`, from the unit up to the
    /// root, with the names and parents of that day (a document shows the committee of its day).
    static func ancestors(of code: String, on day: Day, in db: any SQLConnection) throws -> [Unit] {
        try db.storedRows("""
            SELECT \(columns(on: ":day")) FROM \(from(on: ":day")) JOIN unit_closure c ON c.ancestor_id = u.id
            WHERE c.descendant_id = :unit AND \(UnitTreeSQL.inForce("c", on: ":day")) ORDER BY c.depth
            """, ["unit": try find(code, in: db).id, "day": day.description]) { try unit(from: $0) }
    }

    /// The register's root bloc on `day` (default: now): the first added of the units
    /// with no parent that day, opened by then if any is (a new root added above the old
    /// one does not take over the years before it), and open then if any is (a bloc merged
    /// into another stays a root of the years after, closed). First added, not first by
    /// code: the root of an absorbed register stays a root of the days before it joined.
    static func root(on day: Day? = nil, in db: any SQLConnection) throws -> (id: Int64, unit: Unit) {
        guard let found = try db.storedRows("""
            SELECT \(columns(on: ":day")) FROM \(from(on: ":day"))
            WHERE \(UnitTreeSQL.parentID(on: ":day")) IS NULL
            ORDER BY u.opened_on > :day, COALESCE(u.closed_on <= :day, false), u.id LIMIT 1
            """, ["day": day?.description ?? "9999-12-31"], { (id: try $0.integer("id"), unit: try unit(from: $0)) }).first else {
            throw RegisterError.badInput(Text(vi: "Sổ chưa có đơn vị nào.", en: "The register has no units."))
        }
        return found
    }

    /// The unit with this code and every unit below it now, by code.
    static func subtree(of code: String, in db: any SQLConnection) throws -> [Unit] {
        try db.storedRows("""
            SELECT \(columns) FROM \(from) JOIN unit_closure c ON c.descendant_id = u.id
            WHERE c.ancestor_id = ? AND \(UnitTreeSQL.current("c")) ORDER BY u.code
            """, .positional([.integer(try find(code, in: db).id)])) { try unit(from: $0) }
    }
}
