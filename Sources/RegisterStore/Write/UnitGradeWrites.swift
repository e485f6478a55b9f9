import UnionRegister

/// The write of a unit's yearly grade, decided by `UnitGradeRule` and written here only.
extension WriteTransaction {
    /// Checks and keeps `grade` as the grade of the unit `code` for `year`; returns the
    /// grade it replaced, if any, and the audit entry, none when the grade was already kept.
    func setUnitGrade(_ code: String, year: Int, grade: Grade) throws -> (old: Grade?, audit: AuditEntry?) {
        let (id, unit) = try UnitTable.find(code, in: connection)
        try UnitGradeRule.check(unit, year: year, today: today)
        let old = try UnitGradeTable.grade(unitID: id, year: year, in: connection)
        guard old != grade else { return (old, nil) }
        try UnitGradeTable.store(grade, unitID: id, year: year, in: connection)
        return (old, AuditEntry(action: "unit.grade", unitCode: code,
                                oldValue: AuditEntry.json(old.map { UnitGrade(unitCode: code, year: year, grade: $0) }),
                                newValue: AuditEntry.json(UnitGrade(unitCode: code, year: year, grade: grade))))
    }
}
