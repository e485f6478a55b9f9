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
        try write { db in
            let (id, member) = try MemberTable.find(code, in: db)
            let history = try MemberTable.history(memberID: id, in: db)
            return ((), try recordDiscipline(record, memberID: id, member: member, history: history, today: today, in: db))
        }
    }

    /// Checks a discipline decision against the member's history and writes it (and an
    /// expulsion's `expelled` event) in the transaction open; returns the audit entry.
    /// `discipline add` and `import discipline` both record discipline through it.
    func recordDiscipline(_ record: DisciplineRecord, memberID id: Int64, member: Member, history: MembershipHistory,
                          today: Day, in db: Database) throws -> AuditEntry {
        var record = record
        record.reason = VietnameseText.normalized(record.reason)
        try DisciplineRule.check(record, of: member, history: history, today: today)
        // The member's branch when expelled is the one they leave (the latest event;
        // `recording` refuses an expulsion dated before it).
        let expulsion = record.level == .expulsion
            ? MembershipEvent(kind: .expelled, on: record.on, unitCode: history.events.last?.unitCode ?? "", reason: record.reason)
            : nil
        if let expulsion { _ = try history.recording(expulsion, of: member, today: today, destination: nil) }
        try db.execute(sql: "INSERT INTO discipline (member_id, level, on_date, reason) VALUES (?, ?, ?, ?)",
                       arguments: [id, record.level.rawValue, record.on.description, record.reason])
        if let expulsion { try MemberTable.insert(expulsion, memberID: id, in: db) }
        let unit = history.events.last(where: { $0.on <= record.on })?.unitCode
        return (AuditEntry(action: "discipline.add", memberCode: member.code, unitCode: unit,
                                  oldValue: expulsion == nil ? nil : AuditEntry.json(history.events.last),
                                  newValue: AuditEntry.json(DisciplineAudit(discipline: record, membershipEvent: expulsion))))
    }
}
