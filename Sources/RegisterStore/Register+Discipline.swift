import GRDB
import UnionRegister

extension Register {
    /// What the audit row of `discipline add` records: the decision, and for an expulsion
    /// the membership event it wrote.
    private struct DisciplineAudit: Encodable {
        var discipline: DisciplineRecord
        var membershipEvent: MembershipEvent?

        enum CodingKeys: String, CodingKey {
            case discipline
            case membershipEvent = "membership_event"
        }
    }

    /// Records a discipline decision. An expulsion also ends membership on its date: the
    /// `expelled` event is written in the same transaction, so either both rows are kept
    /// or neither is.
    public func addDiscipline(_ code: String, _ record: DisciplineRecord, today: Day) throws {
        var record = record
        record.reason = VietnameseText.normalized(record.reason)
        try write { db in
            let (id, member) = try MemberTable.find(code, in: db)
            let history = try MemberTable.history(memberID: id, in: db)
            try DisciplineRule.check(record, of: member, history: history, today: today)
            try db.execute(sql: "INSERT INTO discipline (member_id, level, on_date, reason) VALUES (?, ?, ?, ?)",
                           arguments: [id, record.level.rawValue, record.on.description, record.reason])
            // The member's branch when expelled is the one they leave (the latest event;
            // `appending` refuses an expulsion dated before it).
            let expulsion = record.level == .expulsion
                ? MembershipEvent(kind: .expelled, on: record.on, unitCode: history.events.last?.unitCode ?? "", reason: record.reason)
                : nil
            let eventAudit = try expulsion.map { event in
                try appendEvent(member.code, today: today, action: "member.expelled", in: db) { _ in event }
            }
            let unit = history.events.last(where: { $0.on <= record.on })?.unitCode
            return ((), AuditEntry(action: "discipline.add", memberCode: member.code, unitCode: unit,
                                   oldValue: eventAudit?.oldValue,
                                   newValue: AuditEntry.json(DisciplineAudit(discipline: record, membershipEvent: expulsion))))
        }
    }
}
