import Foundation
import UnionRegister

/// Which trainings `training list` shows; every criterion left nil matches all.
public struct TrainingFilter: Sendable, Equatable {
    public var memberCode: String?
    public var kind: TrainingKind?
    /// The calendar year of completion: "who attended political-theory courses this year".
    public var year: Int?
    /// Members whose branch on the completion day lies in this unit's subtree.
    public var unitCode: String?

    public init(memberCode: String? = nil, kind: TrainingKind? = nil, year: Int? = nil, unitCode: String? = nil) {
        self.memberCode = memberCode
        self.kind = kind
        self.year = year
        self.unitCode = unitCode
    }
}

/// One row of `training list`: a training with the member who completed it and the
/// branch they belonged to on the completion day.
public struct TrainingListing: Sendable, Equatable {
    public var memberCode: String
    public var fullName: String
    public var unitCode: String
    public var record: TrainingRecord
}

extension Register {
    /// Records a training a member completed, after the date checks of `TrainingRule`. A
    /// record is known by its kind and completion day: the same again changes nothing, and
    /// one with other details corrects the record kept.
    public func addTraining(_ code: String, _ record: TrainingRecord) throws {
        var record = record
        record.provider = record.provider.map(VietnameseText.normalized)
        record.result = record.result.map(VietnameseText.normalized)
        try write { tx in
            let (id, member) = try MemberTable.find(code, in: tx.connection)
            let old = try tx.recordTraining(memberID: id, member, record)
            guard old != record else { return ((), nil) }
            let unit = try EventTable.history(memberID: id, in: tx.connection).events.last(where: { $0.on <= record.completedOn })?.unitCode
            return ((), AuditEntry(action: old == nil ? "training.add" : "training.update", memberCode: member.code, unitCode: unit,
                                   oldValue: AuditEntry.json(old), newValue: AuditEntry.json(record)))
        }
    }

    /// Trainings matching `filter`, in Vietnamese name order, then by completion day.
    public func trainings(_ filter: TrainingFilter) throws -> [TrainingListing] {
        try Day.validateYear(filter.year)
        return try readSQL { db in
            var conditions = SQLFilter()
            if let memberCode = filter.memberCode {
                conditions.add("t.member_id = :memberID", ["memberID": .integer(try MemberTable.find(memberCode, in: db).id)])
            }
            let unitID = try filter.unitCode.map { try UnitTable.find($0, in: db).id }
            if let kind = filter.kind { conditions.add("t.kind = :kind", ["kind": .text(kind.rawValue)]) }
            if let year = filter.year {
                conditions.add("t.completed_on >= :from AND t.completed_on < :until",
                           ["from": .text(String(format: "%04ld-01-01", year)), "until": .text(String(format: "%04ld-01-01", year + 1))])
            }
            if let unitID {
                conditions.add("""
                    EXISTS (SELECT 1 FROM unit_closure c WHERE c.ancestor_id = :unitID AND c.descendant_id = e.unit_id
                                                           AND \(UnitTreeSQL.inForce("c", on: "t.completed_on")))
                    """, ["unitID": .integer(unitID)])
            }
            // The member's branch on the completion day; a class taken before admission
            // (the new-member class usually is) belongs to the branch that admitted them.
            return try db.storedRows("""
                SELECT m.code, m.full_name, u.code AS unit_code, \(TrainingTable.columns)
                FROM training t
                JOIN member m ON m.id = t.member_id
                JOIN membership_event e ON e.id = COALESCE(
                    \(MembershipSQL.lastEventID(memberColumn: "t.member_id", dayArgument: "t.completed_on")),
                    (SELECT fe.id FROM membership_event fe WHERE fe.member_id = t.member_id
                     ORDER BY fe.on_date, fe.id LIMIT 1))
                JOIN unit u ON u.id = e.unit_id
                \(conditions.whereClause)
                ORDER BY m.sort_key, m.code, t.completed_on, t.id
                """, .named(conditions.arguments)) { row in
                TrainingListing(memberCode: try row.text("code"), fullName: try row.text("full_name"), unitCode: try row.text("unit_code"),
                                record: try TrainingTable.training(from: row))
            }
        }
    }
}
