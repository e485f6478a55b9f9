import GRDB
import UnionRegister

/// Reads and writes rows of `grade`: one grade per member and year.
enum GradeTable {
    static func grade(from row: some StoredRow) throws -> GradeRecord {
        GradeRecord(year: try StoredValue.year(row, "year"), grade: try StoredValue.code(row, "grade"))
    }

    /// The member's grade for `year`, if one is kept.
    static func grade(memberID: Int64, year: Int, in db: Database) throws -> Grade? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT grade FROM grade WHERE member_id = ? AND year = ?"),
                            arguments: [memberID, year]).flatMap(Grade.init(rawValue:))
    }

    /// Keeps `grade` as the member's grade for `year`, replacing any other.
    static func store(_ grade: Grade, memberID: Int64, year: Int, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO grade (member_id, year, grade) VALUES (?, ?, ?)
            ON CONFLICT (member_id, year) DO UPDATE SET grade = excluded.grade
            """).execute(arguments: [memberID, year, grade.rawValue])
    }
}
