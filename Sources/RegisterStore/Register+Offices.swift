import UnionRegister

/// One row of `office list`: an office with its holder's name.
public struct OfficeListing: Sendable, Equatable {
    public var office: Office
    public var fullName: String
}

extension Register {
    /// Gives the member `office.memberCode` an office, after `OfficeRule`.
    public func addOffice(_ office: Office) throws {
        var office = office
        office.title = office.title.map(VietnameseText.normalized).flatMap { $0.isEmpty ? nil : $0 }
        try write { tx in
            let (id, member) = try MemberTable.find(office.memberCode, in: tx.connection)
            return ((), try tx.addOffice(office, memberID: id, member: member))
        }
    }

    /// Ends on `day` the member's offices held that day in `unitCode` (only those of `role`,
    /// when given); returns them as ended. Refused when the member holds none there then.
    @discardableResult
    public func endOffice(_ code: String, unitCode: String, role: OfficeRole?, on day: Day) throws -> [Office] {
        try write { tx in
            let id = try MemberTable.find(code, in: tx.connection).id
            _ = try UnitTable.find(unitCode, in: tx.connection)
            let ended = try tx.endOffices(memberID: id, on: day, action: "office.end") {
                $0.unitCode == unitCode && (role == nil || $0.role == role)
            }
            guard let last = ended.last else {
                throw RegisterError.refused(.officeTerm, Text(
                    vi: "\(code) không giữ chức vụ\(role.map { " " + $0.name.vi } ?? "") nào của \(unitCode) ngày \(day).",
                    en: "\(code) holds no\(role.map { " " + $0.name.en } ?? "") office of \(unitCode) on \(day)."),
                    fix: Text(vi: "Xem `sodoan office list --unit \(unitCode) --as-of \(day)`.",
                              en: "See `sodoan office list --unit \(unitCode) --as-of \(day)`."))
            }
            for earlier in ended.dropLast() { try tx.audit(earlier.audit) }
            return (ended.map(\.ended), last.audit)
        }
    }

    /// The offices of the units in `unitCode`'s subtree (every unit without it): those held
    /// on `asOf` when given, else every term kept; by unit, role, then first day.
    public func offices(unitCode: String?, asOf: Day?) throws -> [OfficeListing] {
        try readSQL { db in
            var filter = SQLFilter()
            if let unitCode {
                filter.add("o.unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = :unit)",
                           ["unit": .integer(try UnitTable.find(unitCode, in: db).id)])
            }
            if let asOf { filter.add(OfficeTable.heldCondition("o", on: ":asOf"), ["asOf": .text(asOf.description)]) }
            let roles = OfficeRole.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
            return try db.storedRows("""
                SELECT \(OfficeTable.columns), om.full_name FROM \(OfficeTable.from)
                \(filter.whereClause)
                ORDER BY ou.code, CASE o.role \(roles) END, o.from_on, om.sort_key, o.id
                """, .named(filter.arguments)) { OfficeListing(office: try OfficeTable.office(from: $0), fullName: try $0.text("full_name")) }
        }
    }
}
