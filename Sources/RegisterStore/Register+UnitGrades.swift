import UnionRegister

extension Register {
    /// Sets the grade of a grassroots union or branch for a year, after `UnitGradeRule`; a
    /// second call for the same year corrects it, the same grade again changes nothing.
    /// Returns the grade replaced, if any.
    @discardableResult
    public func setUnitGrade(_ code: String, year: Int, grade: Grade) throws -> Grade? {
        try write { tx in try tx.setUnitGrade(code, year: year, grade: grade) }
    }

    /// The grades of `code` and of every unit below it in the tree of each graded year's
    /// 31 December, optionally of one year, by year then unit code.
    public func unitGrades(of code: String, year: Int? = nil) throws -> [UnitGrade] {
        try Day.validateYear(year)
        return try readSQL { db in try UnitGradeTable.grades(under: try UnitTable.find(code, in: db).id, year: year, in: db) }
    }
}
