import UnionRegister

/// Reads and writes rows of `office`, on either engine: the Union offices members hold, with their terms.
enum OfficeTable {
    /// The columns `office(from:)` reads; `o` is the office, `om` its member, `ou` its unit.
    static let columns = "o.id, om.code AS member_code, ou.code AS unit_code, o.role, o.from_on, o.to_on, o.title"
    static let from = "office o JOIN member om ON om.id = o.member_id JOIN unit ou ON ou.id = o.unit_id"

    static func office(from row: some StoredRow) throws -> Office {
        Office(memberCode: try row.text("member_code"), unitCode: try row.text("unit_code"), role: try StoredValue.code(row, "role"),
               from: try StoredValue.day(row, "from_on"), to: try StoredValue.optionalDay(row, "to_on"), title: try row.optionalText("title"))
    }

    static func insert(_ office: Office, memberID: Int64, unitID: Int64, in db: any SQLConnection) throws {
        try db.execute("INSERT INTO office (member_id, unit_id, role, from_on, to_on, title) VALUES (?, ?, ?, ?, ?, ?)",
                       [memberID, unitID, office.role.rawValue, office.from.description, office.to?.description, office.title])
    }

    /// Sets the end of the office row `id`.
    static func end(id: Int64, on day: Day, in db: any SQLConnection) throws {
        try db.execute("UPDATE office SET to_on = ? WHERE id = ?", [day.description, id])
    }

    /// The offices of a unit (every member's), with their row ids, by first day.
    static func offices(ofUnit unitID: Int64, in db: any SQLConnection) throws -> [(id: Int64, office: Office)] {
        try offices(where: "o.unit_id = ?", unitID, in: db)
    }

    /// The offices of a member, with their row ids, by first day.
    static func offices(ofMember memberID: Int64, in db: any SQLConnection) throws -> [(id: Int64, office: Office)] {
        try offices(where: "o.member_id = ?", memberID, in: db)
    }

    private static func offices(where condition: String, _ id: Int64, in db: any SQLConnection) throws -> [(id: Int64, office: Office)] {
        try db.rows("SELECT \(columns) FROM \(from) WHERE \(condition) ORDER BY o.from_on, o.id", [id])
            .map { (try $0.integer("id"), try office(from: $0)) }
    }

    /// SQL true when the member in `memberColumn` holds an office on the day `dayArgument`.
    static func heldSQL(memberColumn: String, dayArgument: String) -> String {
        "EXISTS (SELECT 1 FROM office h WHERE h.member_id = \(memberColumn) AND \(heldCondition("h", on: dayArgument)))"
    }

    /// SQL true when the office row `alias` is held on the day `dayArgument`: from its first
    /// day, up to the day before the one it ends (an office ending on a day is not held then).
    static func heldCondition(_ alias: String, on dayArgument: String) -> String {
        "\(alias).from_on <= \(dayArgument) AND (\(alias).to_on IS NULL OR \(alias).to_on > \(dayArgument))"
    }
}
