import Foundation
import UnionRegister

extension Register {
    /// Registers a new member in `unitCode`: admitted there on `member.joinedOn`, or, with
    /// an `arrival`, admitted to the Union elsewhere on that day and in the branch from the
    /// arrival (hosted only, when the arrival has an end). The admission rules (age,
    /// education) are judged on the admission day, the branch's opening on the day the
    /// member comes into it. A member without a code gets the next free `DVnnnnnn`.
    @discardableResult
    public func addMember(_ member: Member, unitCode: String, arrival: Arrival? = nil) throws -> Member {
        var member = member
        member.fullName = VietnameseText.normalized(member.fullName)
        member.qualification = member.qualification.map(VietnameseText.normalized)
        let arrival = arrival.map { Arrival(on: $0.on, from: VietnameseText.normalized($0.from), letterNo: $0.letterNo, until: $0.until) }
        return try write { tx in
            if member.code.isEmpty { member.code = try tx.nextMemberCode() }
            try tx.refuseDuplicate(member, exceptID: nil)
            let unit = try UnitTable.find(unitCode, in: tx.connection)
            let entry = Arrival.entry(of: member, into: unit.unit.code, arrival)
            try WriteTransaction.checkNewMember(member, entry: entry, in: unit.unit, today: tx.today)
            try tx.admit(member, to: unit, by: entry)
            // An arrival's audit row keeps the event too: where from, which letter.
            let audit = arrival == nil
                ? AuditEntry(action: "member.add", memberCode: member.code, unitCode: unit.unit.code, newValue: AuditEntry.json(member))
                : AuditEntry(action: AuditEntry.action(of: entry.kind), memberCode: member.code, unitCode: unit.unit.code,
                             newValue: AuditEntry.json(NewMemberAudit(member: member, membershipEvent: entry)))
            return (member, audit)
        }
    }

    /// Changes a member's facts. A changed joining date moves the admission event with it,
    /// and the admission rules are checked again against the new facts. A change that
    /// changes nothing writes nothing.
    @discardableResult
    public func updateMember(_ code: String, _ change: (inout Member) throws -> Void) throws -> MemberUpdate {
        try write { tx in
            let (id, old) = try MemberTable.find(code, in: tx.connection)
            var new = old
            try change(&new)
            new.fullName = VietnameseText.normalized(new.fullName)
            new.qualification = new.qualification.map(VietnameseText.normalized)
            guard new != old else { return (MemberUpdate(member: old, changed: false), nil) }
            try tx.updateMember(id: id, from: old, to: new)
            return (MemberUpdate(member: new, changed: true), AuditEntry(action: "member.update", memberCode: new.code,
                                    oldValue: AuditEntry.json(old), newValue: AuditEntry.json(new)))
        }
    }

    /// Moves a member to another branch-level unit from `day`.
    public func transferMember(_ code: String, to unitCode: String, on day: Day) throws {
        try recordEvent(code, action: AuditEntry.action(of: .transferred)) { history in
            // Events are appended in date order, so the latest unit is the one left on `day`;
            // `recording` refuses the event when that is not so.
            MembershipEvent(kind: .transferred, on: day, unitCode: unitCode, fromUnitCode: history.events.last?.unitCode)
        }
    }

    /// Brings back a member who left the register (or was hosted here) into `unitCode` from
    /// `arrival.on`, coming from `arrival.from`.
    public func arriveMember(_ code: String, to unitCode: String, _ arrival: Arrival) throws {
        try recordEvent(code, action: AuditEntry.action(of: .arrived)) { _ in
            MembershipEvent(kind: .arrived, on: arrival.on, unitCode: unitCode, place: VietnameseText.normalized(arrival.from),
                            letterNo: arrival.letterNo)
        }
    }

    /// Ends a member's membership here by a transfer to `to`, a unit outside the register,
    /// with the introduction letter's number (not a removal).
    public func leaveMember(_ code: String, on day: Day, to: String, letterNo: String?) throws {
        try recordEvent(code, action: AuditEntry.action(of: .left)) { history in
            MembershipEvent(kind: .left, on: day, unitCode: history.events.last?.unitCode ?? "",
                            place: VietnameseText.normalized(to), letterNo: letterNo)
        }
    }

    /// Records that an active member works at `place` from `day` through `until`; they stay
    /// counted in their branch.
    public func sendAway(_ code: String, on day: Day, to place: String, until: Day) throws {
        try recordEvent(code, action: AuditEntry.action(of: .away)) { history in
            MembershipEvent(kind: .away, on: day, unitCode: history.events.last?.unitCode ?? "",
                            place: VietnameseText.normalized(place), until: until)
        }
    }

    /// Ends a member's membership (matured, removed, deceased) on `day`.
    public func endMembership(_ code: String, _ kind: MembershipEventKind, on day: Day, reason: String?) throws {
        precondition(kind.endsMembership && kind != .expelled, "expulsion is recorded as discipline")
        try recordEvent(code, action: AuditEntry.action(of: kind)) { history in
            MembershipEvent(kind: kind, on: day, unitCode: history.events.last?.unitCode ?? "", reason: reason)
        }
    }

    /// Checks and writes one membership event built from the member's history, in its
    /// own audited transaction.
    private func recordEvent(_ code: String, action: String, _ makeEvent: (MembershipHistory) throws -> MembershipEvent) throws {
        try write { tx in
            let id = try MemberTable.find(code, in: tx.connection).id
            return ((), try tx.recordEvent(memberID: id, code: code, action: action, makeEvent))
        }
    }

    /// Everything about a member: history, grades, trainings, discipline and referrals
    /// (what `member show` and `member history` print, and what the referral rules read).
    public func memberFacts(_ code: String) throws -> MemberFacts {
        try readSQL { db in try MemberFactsTable.facts(of: code, in: db).facts }
    }

    /// The introduction letter of the member's latest departure (`member letter`).
    public func departureLetter(_ code: String) throws -> DepartureLetter {
        try readSQL { db in
            let (id, member) = try MemberTable.find(code, in: db)
            let history = try EventTable.history(memberID: id, in: db)
            let left = history.events.last { $0.kind == .left }
            let ancestors = try left.map { try UnitTable.ancestors(of: $0.unitCode, on: $0.on, in: db) } ?? []
            let dues = try DuesTable.accounts(ofMembers: "SELECT :member", arguments: ["member": id], in: db).first
            return try DepartureLetter(member: member, history: history, ancestors: ancestors,
                                       duesPaidThrough: left.flatMap { dues?.paidThrough(on: $0.on) })
        }
    }
}

/// The audit value of a new member who arrived or is hosted: their facts and the event
/// that brought them in.
private struct NewMemberAudit: Encodable {
    var member: Member
    var membershipEvent: MembershipEvent
}
