import UnionRegister

/// Reads and writes rows of `grade`: one grade per member and year, on either engine.
enum GradeTable {
    static func grade(from row: some StoredRow) throws -> GradeRecord {
        GradeRecord(year: try StoredValue.year(row, "year"), grade: try StoredValue.code(row, "grade"))
    }

    /// The member's grade for `year`, if one is kept.
    static func grade(memberID: Int64, year: Int, in db: any SQLConnection) throws -> Grade? {
        try db.storedRows("SELECT year, grade FROM grade WHERE member_id = ? AND year = ?", [memberID, Int64(year)]) {
            try grade(from: $0).grade
        }.first
    }

    /// Keeps `grade` as the member's grade for `year`, replacing any other.
    static func store(_ grade: Grade, memberID: Int64, year: Int, in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO grade (member_id, year, grade) VALUES (?, ?, ?)
            ON CONFLICT (member_id, year) DO UPDATE SET grade = excluded.grade
            """, [memberID, Int64(year), grade.rawValue])
    }
}
