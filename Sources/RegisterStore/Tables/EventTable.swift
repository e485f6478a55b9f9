import UnionRegister

/// Reads and writes rows of `membership_event`: a member's dated membership history.
enum EventTable {
    /// The columns `event(from:)` reads, for a query joining `membership_event e`, its unit
    /// `u` and the unit transferred from `f`.
    static let columns = "e.kind, e.on_date, u.code AS unit_code, f.code AS from_code, e.reason, e.place, e.letter_no, e.until_on"
    static let from = "membership_event e JOIN unit u ON u.id = e.unit_id LEFT JOIN unit f ON f.id = e.from_unit_id"

    /// An event from a row with the columns of `columns`.
    static func event(from row: some StoredRow) throws -> MembershipEvent {
        MembershipEvent(kind: try StoredValue.code(row, "kind"), on: try StoredValue.day(row, "on_date"),
                        unitCode: try row.text("unit_code"), fromUnitCode: try row.optionalText("from_code"),
                        reason: try row.optionalText("reason"), place: try row.optionalText("place"),
                        letterNo: try row.optionalText("letter_no"), until: try StoredValue.optionalDay(row, "until_on"))
    }

    /// A member's membership events in order, with unit codes.
    static func history(memberID: Int64, in db: any SQLConnection) throws -> MembershipHistory {
        MembershipHistory(events: try db.storedRows("SELECT \(columns) FROM \(from) WHERE e.member_id = ? ORDER BY e.on_date, e.id",
                                                    [memberID]) { try event(from: $0) })
    }

    static func insert(_ event: MembershipEvent, memberID: Int64, in db: any SQLConnection) throws {
        let unitID = try UnitTable.find(event.unitCode, in: db).id
        let fromID = try event.fromUnitCode.map { try UnitTable.find($0, in: db).id }
        try insert(event, memberID: memberID, unitID: unitID, fromUnitID: fromID, in: db)
    }

    /// Inserts an event whose unit ids the caller already knows (the bulk import does).
    static func insert(_ event: MembershipEvent, memberID: Int64, unitID: Int64, fromUnitID: Int64?, in db: any SQLConnection) throws {
        // `insert`, whose id is not needed, for its direct binding on a file (`import members` writes one per row).
        _ = try db.insert("""
            INSERT INTO membership_event (member_id, kind, on_date, unit_id, from_unit_id, reason, place, letter_no, until_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [memberID, event.kind.rawValue, event.on.description, unitID, fromUnitID, event.reason,
                  event.place, event.letterNo, event.until?.description])
    }

    /// Moves a member's admission to another day (a corrected joining date).
    static func moveAdmission(memberID: Int64, to day: Day, in db: any SQLConnection) throws {
        try db.execute("UPDATE membership_event SET on_date = ? WHERE member_id = ? AND kind = 'admitted'", [day.description, memberID])
    }

    /// The earliest event placing a member in the unit with this row id, with the member's
    /// code: a unit's opening day cannot be corrected to after it.
    static func firstPlacement(inUnit id: Int64, in db: any SQLConnection) throws -> (member: String, on: Day)? {
        try db.row("""
            SELECT m.code, e.on_date FROM membership_event e JOIN member m ON m.id = e.member_id
            WHERE e.unit_id = ? ORDER BY e.on_date, e.id LIMIT 1
            """, [id]).map { (member: try $0.text("code"), on: try StoredValue.day($0, "on_date")) }
    }
}
