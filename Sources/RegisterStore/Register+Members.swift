import Foundation
import UnionRegister

extension Register {
    /// Registers a new member admitted to `unitCode` on `member.joinedOn`, after the
    /// admission rules (age, education) and the member's own facts are checked.
    /// A member without a code gets the next free `DVnnnnnn`.
    @discardableResult
    public func addMember(_ member: Member, unitCode: String) throws -> Member {
        var member = member
        member.fullName = VietnameseText.normalized(member.fullName)
        return try write { tx in
            if member.code.isEmpty { member.code = try tx.nextMemberCode() }
            try tx.refuseDuplicate(member, exceptID: nil)
            let unit = try UnitTable.find(unitCode, in: tx.db)
            try WriteTransaction.checkNewMember(member, in: unit.unit, today: tx.today)
            try tx.admit(member, to: unit)
            return (member, AuditEntry(action: "member.add", memberCode: member.code, unitCode: unit.unit.code,
                                       newValue: AuditEntry.json(member)))
        }
    }

    /// Changes a member's facts. A changed joining date moves the admission event with it,
    /// and the admission rules are checked again against the new facts. A change that
    /// changes nothing writes nothing.
    public func updateMember(_ code: String, _ change: (inout Member) throws -> Void) throws -> Member {
        try write { tx in
            let (id, old) = try MemberTable.find(code, in: tx.db)
            var new = old
            try change(&new)
            new.fullName = VietnameseText.normalized(new.fullName)
            guard new != old else { return (old, nil) }
            try tx.updateMember(id: id, from: old, to: new)
            return (new, AuditEntry(action: "member.update", memberCode: new.code,
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
            let id = try MemberTable.find(code, in: tx.db).id
            return ((), try tx.recordEvent(memberID: id, code: code, action: action, makeEvent))
        }
    }

    /// Everything about a member: history, grades, trainings, discipline and referrals
    /// (what `member show` and `member history` print, and what the referral rules read).
    public func memberFacts(_ code: String) throws -> MemberFacts {
        try read { db in try MemberFactsTable.facts(of: code, in: db).facts }
    }
}
