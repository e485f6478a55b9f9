import GRDB
import UnionRegister

/// Reads and writes rows of `unit_grade`: one grade per unit and year. The functions taking
/// an `SQLConnection` run on both engines; `all` (`check`'s) on a file only, so far.
enum UnitGradeTable {
    /// The unit's grade for `year`, if one is kept.
    static func grade(unitID: Int64, year: Int, in db: any SQLConnection) throws -> Grade? {
        try db.storedRows("SELECT grade FROM unit_grade WHERE unit_id = ? AND year = ?", [unitID, year]) {
            try StoredValue.code($0, "grade") as Grade
        }.first
    }

    /// Keeps `grade` as the unit's grade for `year`, replacing any other.
    static func store(_ grade: Grade, unitID: Int64, year: Int, in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO unit_grade (unit_id, year, grade) VALUES (?, ?, ?)
            ON CONFLICT (unit_id, year) DO UPDATE SET grade = excluded.grade
            """, [unitID, year, grade.rawValue])
    }

    /// The grades of the unit with row id `unitID` and of every unit below it in the tree
    /// in force on 31 December of each graded year, optionally of one year; by year, then
    /// unit code.
    static func grades(under unitID: Int64, year: Int?, in db: any SQLConnection) throws -> [UnitGrade] {
        var filter = SQLFilter()
        filter.add("""
            EXISTS (SELECT 1 FROM unit_closure c WHERE c.ancestor_id = :unit AND c.descendant_id = g.unit_id
                    AND \(UnitTreeSQL.inForce("c", on: "(g.year || '-12-31')")))
            """, ["unit": .integer(unitID)])
        if let year { filter.add("g.year = :year", ["year": .integer(Int64(year))]) }
        return try db.storedRows("""
            SELECT u.code, g.year, g.grade
            FROM unit_grade g JOIN unit u ON u.id = g.unit_id
            \(filter.whereClause)
            ORDER BY g.year, u.code
            """, .named(filter.arguments)) {
            UnitGrade(unitCode: try $0.text("code"), year: try StoredValue.year($0, "year"), grade: try StoredValue.code($0, "grade"))
        }
    }

    /// Every kept grade with its unit, for `check`'s re-reading of the rules.
    static func all(in db: any SQLConnection) throws -> [(unit: Unit, grade: UnitGrade)] {
        try db.storedRows("""
            SELECT \(UnitTable.columns), g.year, g.grade FROM \(UnitTable.from) JOIN unit_grade g ON g.unit_id = u.id
            ORDER BY u.code, g.year
            """, .none) { row in
            let unit = try UnitTable.unit(from: row)
            return (unit, UnitGrade(unitCode: unit.code, year: try StoredValue.year(row, "year"), grade: try StoredValue.code(row, "grade")))
        }
    }
}
