import UnionRegister

/// The writes of a member's Union book records (grades, trainings, discipline), shared by
/// `grade set`, `training add`, `discipline add` and the matching imports.
extension WriteTransaction {
    /// Sets a member's grade for a year after the six-month rule; returns the change, whose
    /// `old` is the grade it replaced (equal to `new` when nothing changed).
    func setGrade(memberID id: Int64, _ member: Member, year: Int, grade: Grade) throws -> GradeChange {
        let history = try EventTable.history(memberID: id, in: connection)
        try GradeRule.check(member, history: history, year: year, today: today)
        let old = try GradeTable.grade(memberID: id, year: year, in: connection)
        if old != grade { try GradeTable.store(grade, memberID: id, year: year, in: connection) }
        return GradeChange(memberCode: member.code, fullName: member.fullName, year: year, old: old, new: grade,
                           unitCode: history.events.last(where: { $0.on <= Day.lastOf(year: year) })?.unitCode)
    }

    /// Records a training after `TrainingRule`; a record of the same kind completed the same
    /// day is replaced. Returns the record it replaced, if any.
    func recordTraining(memberID id: Int64, _ member: Member, _ record: TrainingRecord) throws -> TrainingRecord? {
        try TrainingRule.check(record, of: member, today: today)
        let existing = try TrainingTable.find(memberID: id, kind: record.kind, completedOn: record.completedOn, in: connection)
        if let existing {
            if existing.record != record { try TrainingTable.update(id: existing.id, to: record, in: connection) }
        } else {
            try TrainingTable.insert(record, memberID: id, in: connection)
        }
        return existing?.record
    }

    /// What the audit row of a discipline decision records: the decision, for an
    /// expulsion the membership event it wrote, for a removal from office the offices it ended.
    private struct DisciplineAudit: Encodable {
        var discipline: DisciplineRecord
        var membershipEvent: MembershipEvent?
        var endedOffices: [Office]?

        enum CodingKeys: String, CodingKey {
            case discipline
            case membershipEvent = "membership_event"
            case endedOffices = "ended_offices"
        }
    }

    /// Checks a discipline decision against the member's history and writes it. An
    /// expulsion also ends membership on its date: the `expelled` event is written in the
    /// same transaction, so either both rows are kept or neither is. Returns the audit entry.
    func recordDiscipline(memberID id: Int64, _ member: Member, _ record: DisciplineRecord) throws -> AuditEntry {
        let history = try EventTable.history(memberID: id, in: connection)
        try DisciplineRule.check(record, of: member, history: history, today: today)
        // The member's branch when expelled is the one they leave (the latest event;
        // `recording` refuses an expulsion dated before it).
        let expulsion = record.level == .expulsion
            ? MembershipEvent(kind: .expelled, on: record.on, unitCode: history.events.last?.unitCode ?? "", reason: record.reason)
            : nil
        if let expulsion { _ = try history.recording(expulsion, of: member, today: today, destination: nil) }
        var ended: [Office]?
        if record.level == .removalFromOffice {
            let offices = try OfficeTable.offices(ofMember: id, in: connection)
            let ending = try DisciplineRule.officesEnded(by: record, of: member, offices: offices.map(\.office))
            ended = try offices.filter { ending.contains($0.office) }.map { row in
                let office = try OfficeRule.ending(row.office, on: record.on, today: today)
                try OfficeTable.end(id: row.id, on: record.on, in: connection)
                return office
            }
        }
        try DisciplineTable.insert(record, memberID: id, in: connection)
        if let expulsion { try EventTable.insert(expulsion, memberID: id, in: connection) }
        return AuditEntry(action: "discipline.add", memberCode: member.code,
                          unitCode: history.events.last(where: { $0.on <= record.on })?.unitCode,
                          oldValue: expulsion == nil ? nil : AuditEntry.json(history.events.last),
                          newValue: AuditEntry.json(DisciplineAudit(discipline: record, membershipEvent: expulsion, endedOffices: ended)))
    }

    /// Decides one referral stage (eligibility re-checked on its date, votes, stage order,
    /// probation) and writes it; returns the step and its audit entry.
    func recordReferral(_ code: String, _ action: ReferralAction, on day: Day) throws -> (ReferralStep, AuditEntry) {
        try MemberRules.notInFuture(day, what: action.stage.name, today: today)
        let (id, facts) = try MemberFactsTable.facts(of: code, in: connection)
        let step = try ReferralProcess.step(for: action, on: day, facts: facts, policy: try PolicyTable.load(in: connection, on: day))
        try ReferralTable.insert(step, memberID: id, in: connection)
        let previous = step.stage == .nominated ? nil : facts.latestReferral?.steps.last
        return (step, AuditEntry(action: "referral.\(step.stage.rawValue)", memberCode: code,
                                 unitCode: facts.history.status(on: day).activeUnitCode,
                                 oldValue: AuditEntry.json(previous), newValue: AuditEntry.json(step)))
    }
}
