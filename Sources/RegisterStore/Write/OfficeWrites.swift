import UnionRegister

/// The writes of offices, shared by `office add|end`, `import offices` and a removal from
/// office: each decided by `OfficeRule`, written here only.
extension WriteTransaction {
    /// Checks and writes a new office of the member `memberID`; returns its audit entry.
    func addOffice(_ office: Office, memberID: Int64, member: Member) throws -> AuditEntry {
        let unit = try UnitTable.find(office.unitCode, in: connection)
        let history = try EventTable.history(memberID: memberID, in: connection)
        let others = try OfficeTable.offices(ofUnit: unit.id, in: connection).map(\.office)
        try OfficeRule.check(office, holder: member, history: history, unit: unit.unit,
                             lineage: { try UnitTable.ancestors(of: $0, on: office.from, in: connection).map(\.code) }, others: others, today: today)
        try TextRules.check(office.title, .line(Text(vi: "Tên chức vụ", en: "The office's title")))
        try OfficeTable.insert(office, memberID: memberID, unitID: unit.id, in: connection)
        return AuditEntry(action: "office.add", memberCode: member.code, unitCode: office.unitCode, newValue: AuditEntry.json(office))
    }

    /// Ends on `day` the member's offices that `select` picks among those held on that day;
    /// returns each as ended with its audit entry, none when no office was held.
    func endOffices(memberID: Int64, on day: Day, action: String,
                    where select: (Office) -> Bool) throws -> [(ended: Office, audit: AuditEntry)] {
        try end(OfficeTable.offices(ofMember: memberID, in: connection).filter { $0.office.isHeld(on: day) && select($0.office) }, on: day, action: action)
    }

    /// Ends on `day` the offices of the unit with row id `unitID` held that day and audits
    /// each: a unit that closes, by `unit close` or a merger, ends its committee with it
    /// (docs/DOMAIN.md#union-offices), so no term outlives its unit.
    func endOffices(ofUnit unitID: Int64, on day: Day) throws {
        for (_, audit) in try end(OfficeTable.offices(ofUnit: unitID, in: connection).filter { $0.office.isHeld(on: day) }, on: day, action: "office.end") {
            try self.audit(audit)
        }
    }

    private func end(_ offices: [(id: Int64, office: Office)], on day: Day, action: String) throws -> [(ended: Office, audit: AuditEntry)] {
        try offices.map { id, office in
            let ended = try OfficeRule.ending(office, on: day, today: today)
            try OfficeTable.end(id: id, on: day, in: connection)
            return (ended, AuditEntry(action: action, memberCode: office.memberCode, unitCode: office.unitCode,
                                      oldValue: AuditEntry.json(office), newValue: AuditEntry.json(ended)))
        }
    }
}
