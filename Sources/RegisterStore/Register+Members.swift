import Foundation
import GRDB
import UnionRegister

extension Register {
    /// Registers a new member in `unitCode`: admitted there on `member.joinedOn`, or, with
    /// an `arrival`, admitted to the Union elsewhere on that day and in the branch from the
    /// arrival (hosted only, when the arrival has an end). The admission rules (age,
    /// education) are judged on the admission day, the branch's opening on the day the
    /// member comes into it. A member without a code gets the next free `DVnnnnnn`.
    @discardableResult
    public func addMember(_ member: Member, unitCode: String, arrival: Arrival? = nil, today: Day) throws -> Member {
        var member = member
        member.fullName = VietnameseText.normalized(member.fullName)
        let arrival = arrival.map { Arrival(on: $0.on, from: VietnameseText.normalized($0.from), letterNo: $0.letterNo, until: $0.until) }
        return try write { db in
            if member.code.isEmpty { member.code = try nextMemberCode(in: db) }
            try refuseDuplicate(member, exceptID: nil, in: db)
            let unit = try UnitTable.find(unitCode, in: db).unit
            let entry = Arrival.entry(of: member, into: unit.code, arrival)
            try Self.checkNewMember(member, entry: entry, in: unit, today: today)
            let id = try MemberTable.insert(member, in: db)
            try MemberTable.insert(entry, memberID: id, in: db)
            // An arrival's audit row keeps the event too: where from, which letter.
            let audit = arrival == nil
                ? AuditEntry(action: "member.add", memberCode: member.code, unitCode: unit.code, newValue: AuditEntry.json(member))
                : AuditEntry(action: "member.\(entry.kind.rawValue)", memberCode: member.code, unitCode: unit.code,
                             newValue: AuditEntry.json(NewMemberAudit(member: member, membershipEvent: entry)))
            return (member, audit)
        }
    }

    /// Changes a member's facts. A changed joining date moves the admission event with it,
    /// and the admission rules are checked again against the new facts.
    public func updateMember(_ code: String, today: Day, _ change: (inout Member) throws -> Void) throws -> Member {
        try write { db in
            let (id, old) = try MemberTable.find(code, in: db)
            var new = old
            try change(&new)
            new.fullName = VietnameseText.normalized(new.fullName)
            try applyUpdate(id: id, from: old, to: new, today: today, in: db)
            return (new, AuditEntry(action: "member.update", memberCode: new.code, oldValue: AuditEntry.json(old), newValue: AuditEntry.json(new)))
        }
    }

    /// The rules a new member must meet to come into `unit` by `entry` (their admission,
    /// arrival or stay): their own facts, the admission age and education on the joining
    /// day, and the checks of the entry event itself (a branch open on its day, an arrival
    /// no earlier than the admission). `member add` and `import members` check exactly these.
    static func checkNewMember(_ member: Member, entry: MembershipEvent, in unit: UnionRegister.Unit, today: Day) throws {
        try MemberRules.validate(member, today: today)
        try AdmissionRule.check(member, admittedOn: member.joinedOn)
        _ = try MembershipHistory(events: []).recording(entry, of: member, today: today, destination: unit)
    }

    /// Checks and writes a change of a member's facts inside an open transaction (shared by
    /// `member update` and `import members`); the caller writes the audit row.
    func applyUpdate(id: Int64, from old: Member, to new: Member, today: Day, in db: Database) throws {
        try checkUpdate(id: id, from: old, to: new, today: today, in: db)
        if new.joinedOn != old.joinedOn {
            try db.execute(sql: "UPDATE membership_event SET on_date = ? WHERE member_id = ? AND kind = 'admitted'",
                           arguments: [new.joinedOn.description, id])
        }
        try MemberTable.update(id: id, to: new, in: db)
    }

    /// The rules a changed member must still meet; a changed joining date must stay before
    /// the member's second event. Writes nothing (`import --dry-run` checks with it).
    func checkUpdate(id: Int64, from old: Member, to new: Member, today: Day, in db: Database) throws {
        try MemberRules.validate(new, today: today)
        try refuseDuplicate(new, exceptID: id, in: db)
        if new.joinedOn != old.joinedOn || new.birthDate != old.birthDate || new.education != old.education {
            try AdmissionRule.check(new, admittedOn: new.joinedOn)
            // The admission event moves with the joining day, so it must stay before the
            // event after it; a member admitted elsewhere must have joined before arriving.
            let events = try MemberTable.history(memberID: id, in: db).events
            let bound = events.first?.kind == .admitted ? events.dropFirst().first : events.first
            if let bound, new.joinedOn > bound.on {
                throw RegisterError.refused("event-order", Text(
                    vi: "Ngày vào Đoàn mới \(new.joinedOn) sau sự kiện \(bound.kind.name.vi) ngày \(bound.on).",
                    en: "The new joining date \(new.joinedOn) is after the \(bound.kind.name.en) on \(bound.on)."))
            }
        }
    }

    /// Moves a member to another branch-level unit from `day`.
    public func transferMember(_ code: String, to unitCode: String, on day: Day, today: Day) throws {
        try recordEvent(code, today: today, action: "member.transfer") { history in
            // Events are appended in date order, so the latest unit is the one left on `day`;
            // `appending` refuses the event when that is not so.
            MembershipEvent(kind: .transferred, on: day, unitCode: unitCode,
                            fromUnitCode: history.events.last?.unitCode)
        }
    }

    /// Brings back a member who left the register (or was hosted here) into `unitCode` from
    /// `arrival.on`, coming from `arrival.from`.
    public func arriveMember(_ code: String, to unitCode: String, _ arrival: Arrival, today: Day) throws {
        try recordEvent(code, today: today, action: "member.arrive") { _ in
            MembershipEvent(kind: .arrived, on: arrival.on, unitCode: unitCode, place: VietnameseText.normalized(arrival.from),
                            letterNo: arrival.letterNo)
        }
    }

    /// Ends a member's membership here by a transfer to `to`, a unit outside the register,
    /// with the introduction letter's number (not a removal).
    public func leaveMember(_ code: String, on day: Day, to: String, letterNo: String?, today: Day) throws {
        try recordEvent(code, today: today, action: "member.leave") { history in
            MembershipEvent(kind: .left, on: day, unitCode: history.events.last?.unitCode ?? "",
                            place: VietnameseText.normalized(to), letterNo: letterNo)
        }
    }

    /// Records that an active member works at `place` from `day` through `until`; they stay
    /// counted in their branch.
    public func sendAway(_ code: String, on day: Day, to place: String, until: Day, today: Day) throws {
        try recordEvent(code, today: today, action: "member.away") { history in
            MembershipEvent(kind: .away, on: day, unitCode: history.events.last?.unitCode ?? "",
                            place: VietnameseText.normalized(place), until: until)
        }
    }

    /// Ends a member's membership (matured, removed, deceased) on `day`.
    public func endMembership(_ code: String, _ kind: MembershipEventKind, on day: Day, reason: String?, today: Day) throws {
        precondition(kind.endsMembership && kind != .expelled, "expulsion is recorded as discipline")
        try recordEvent(code, today: today, action: "member.\(kind.rawValue)") { history in
            MembershipEvent(kind: kind, on: day, unitCode: history.events.last?.unitCode ?? "", reason: reason)
        }
    }

    /// Checks and writes one membership event built from the member's history, in its
    /// own audited transaction.
    private func recordEvent(_ code: String, today: Day, action: String,
                             _ makeEvent: (MembershipHistory) throws -> MembershipEvent) throws {
        try write { db in
            ((), try appendEvent(code, today: today, action: action, in: db, makeEvent))
        }
    }

    /// Checks and writes one membership event inside a transaction already open (discipline
    /// writes an expulsion this way, beside its own row), returning the audit entry.
    func appendEvent(_ code: String, today: Day, action: String, in db: Database,
                     _ makeEvent: (MembershipHistory) throws -> MembershipEvent) throws -> AuditEntry {
        let (id, member) = try MemberTable.find(code, in: db)
        let history = try MemberTable.history(memberID: id, in: db)
        let event = try makeEvent(history)
        let destination = event.kind == .transferred || event.kind == .arrived ? try UnitTable.find(event.unitCode, in: db).unit : nil
        let updated = try history.recording(event, of: member, today: today, destination: destination)
        try MemberTable.insert(event, memberID: id, in: db)
        return AuditEntry(action: action, memberCode: code, unitCode: event.unitCode,
                          oldValue: AuditEntry.json(history.events.last), newValue: AuditEntry.json(updated.events.last))
    }

    /// Everything about a member: history, grades, trainings, discipline and referrals
    /// (what `member show` and `member history` print, and what the referral rules read).
    public func memberFacts(_ code: String) throws -> MemberFacts {
        try read { db in try MemberFactsTable.facts(of: code, in: db).facts }
    }

    /// The introduction letter of the member's latest departure (`member letter`).
    public func departureLetter(_ code: String) throws -> DepartureLetter {
        try read { db in
            let (id, member) = try MemberTable.find(code, in: db)
            let history = try MemberTable.history(memberID: id, in: db)
            let left = history.events.last { $0.kind == .left }
            let ancestors = try left.map { try UnitTable.ancestors(of: $0.unitCode, in: db) } ?? []
            return try DepartureLetter(member: member, history: history, ancestors: ancestors)
        }
    }

    private func nextMemberCode(in db: Database) throws -> String {
        var next = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM member") ?? 1)
        while true {
            let code = "DV" + String(format: "%06d", next)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM member WHERE code = ?", arguments: [code]) != true { return code }
            next += 1
        }
    }

    /// Refuses a code or national ID that another member already has, naming that member.
    func refuseDuplicate(_ member: Member, exceptID: Int64?, in db: Database) throws {
        if let other = try Row.fetchOne(db, sql: "SELECT code, full_name FROM member WHERE code = ? AND id IS NOT ?",
                                        arguments: [member.code, exceptID]) {
            throw RegisterError.badInput(Text(
                vi: "Mã đoàn viên \(member.code) đã dùng cho \(other["full_name"] as String).",
                en: "Member code \(member.code) already belongs to \(other["full_name"] as String)."),
                fix: Text(vi: "Dùng mã khác, hoặc `sodoan member update` để sửa đoàn viên đó.",
                          en: "Use another code, or `sodoan member update` to change that member."))
        }
        if let idNumber = member.idNumber,
           let other = try Row.fetchOne(db, sql: "SELECT code, full_name FROM member WHERE id_number = ? AND id IS NOT ?",
                                        arguments: [idNumber, exceptID]) {
            throw RegisterError.badInput(Text(
                vi: "Số CCCD \(idNumber) đã có ở đoàn viên \(other["code"] as String) (\(other["full_name"] as String)).",
                en: "National ID \(idNumber) already belongs to member \(other["code"] as String) (\(other["full_name"] as String))."))
        }
    }
}

/// The audit value of a new member: their facts and the event that brought them in.
private struct NewMemberAudit: Encodable {
    var member: Member
    var membershipEvent: MembershipEvent
}
