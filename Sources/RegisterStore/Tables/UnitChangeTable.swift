import UnionRegister

/// Reads and writes rows of `unit_change`: the dated renames, moves, mergers and splits, on
/// either engine.
enum UnitChangeTable {
    /// The columns of a change, in the order of the unit-changes file (`UnitChangeColumn`).
    static let columns = """
        c.kind, c.on_date, u.code AS unit_code, c.old_name, c.new_name, op.code AS old_parent, np.code AS new_parent,
        i.code AS into_code
        """
    static let from = """
        unit_change c JOIN unit u ON u.id = c.unit_id LEFT JOIN unit op ON op.id = c.old_parent_id
        LEFT JOIN unit np ON np.id = c.new_parent_id LEFT JOIN unit i ON i.id = c.into_unit_id
        """

    static func change(from row: some StoredRow) throws -> UnitChange {
        UnitChange(kind: try StoredValue.code(row, "kind"), on: try StoredValue.day(row, "on_date"), unitCode: try row.text("unit_code"),
                   oldName: try row.optionalText("old_name"), newName: try row.optionalText("new_name"),
                   oldParentCode: try row.optionalText("old_parent"), newParentCode: try row.optionalText("new_parent"),
                   intoUnitCode: try row.optionalText("into_code"))
    }

    static func insert(_ change: UnitChange, in db: any SQLConnection) throws {
        func id(_ code: String?) throws -> Int64? { try code.map { try UnitTable.find($0, in: db).id } }
        try db.execute("""
            INSERT INTO unit_change (unit_id, kind, on_date, old_name, new_name, old_parent_id, new_parent_id, into_unit_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [try id(change.unitCode), change.kind.rawValue, change.on.description, change.oldName, change.newName,
                  try id(change.oldParentCode), try id(change.newParentCode), try id(change.intoUnitCode)])
    }

    /// The day of the unit's latest change of `kind`, if any.
    static func latest(_ kind: UnitChangeKind, ofUnit id: Int64, in db: any SQLConnection) throws -> Day? {
        guard let row = try db.row("SELECT MAX(on_date) AS on_date FROM unit_change WHERE unit_id = ? AND kind = ?", [id, kind.rawValue]) else {
            return nil
        }
        return try StoredValue.optionalDay(row, "on_date")
    }

    /// Every change that concerns the unit: its own, the units merged into it, the units
    /// moved under it or from under it; in date order, then in the order recorded.
    static func history(ofUnit id: Int64, in db: any SQLConnection) throws -> [UnitChange] {
        try db.storedRows("""
            SELECT \(columns) FROM \(from)
            WHERE c.unit_id = :id OR c.into_unit_id = :id OR c.old_parent_id = :id OR c.new_parent_id = :id
            ORDER BY c.on_date, c.id
            """, ["id": id]) { try change(from: $0) }
    }

    /// Every change of the register in the order recorded (export, check).
    static func all(in db: any SQLConnection) throws -> [UnitChange] {
        try db.storedRows("SELECT \(columns) FROM \(from) ORDER BY c.id", .none) { try change(from: $0) }
    }
}
