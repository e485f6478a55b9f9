import GRDB
import UnionRegister

/// The writes of a member's facts and membership history, shared by `member` commands and
/// `import members|events`: each is decided by the domain's rules and written here only.
extension WriteTransaction {
    /// Writes a new member who comes into `unit` (whose row id the caller knows) by `entry`:
    /// their admission on the joining day, their arrival or their stay. The caller has
    /// checked them with `checkNewMember` and `refuseDuplicate` (the bulk import checks on
    /// its reading thread, and skips the duplicate look-ups in an empty register). `keys`
    /// are the member's name keys when the caller has them (the bulk import keeps them per
    /// distinct name). Returns the new member's row id.
    @discardableResult
    func admit(_ member: Member, to unit: (id: Int64, unit: UnionRegister.Unit), by entry: MembershipEvent,
               keys: MemberTable.NameKeys? = nil) throws -> Int64 {
        let id = try MemberTable.insert(member, keys: keys, in: connection)
        try EventTable.insert(entry, memberID: id, unitID: unit.id, fromUnitID: nil, in: connection)
        return id
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

    /// Checks and writes a change of a member's facts (`member update`, `import members`).
    /// A changed joining date moves the admission event with it.
    func updateMember(id: Int64, from old: Member, to new: Member) throws {
        try checkUpdate(id: id, from: old, to: new)
        if new.joinedOn != old.joinedOn {
            try EventTable.moveAdmission(memberID: id, to: new.joinedOn, in: connection)
        }
        try MemberTable.update(id: id, to: new, in: connection)
    }

    /// The rules a changed member must still meet; a changed joining date must stay before
    /// the member's second event.
    private func checkUpdate(id: Int64, from old: Member, to new: Member) throws {
        try MemberRules.validate(new, today: today)
        try refuseDuplicate(new, exceptID: id)
        if new.joinedOn != old.joinedOn || new.birthDate != old.birthDate || new.education != old.education {
            try AdmissionRule.check(new, admittedOn: new.joinedOn)
        }
        if new.joinedOn != old.joinedOn {
            let history = try EventTable.history(memberID: id, in: connection)
            if let admittedTo = history.events.first?.unitCode {
                // An admission moves with the joining day; an arrival must not come before it.
                _ = try history.movingAdmission(to: new.joinedOn, admittedTo: try UnitTable.find(admittedTo, in: connection).unit)
            }
        }
    }

    /// Checks one membership event built from the member's history and writes it, returning
    /// the audit entry that records it (`member transfer|mature|remove|decease`,
    /// `import events`). `makeEvent` returns nil when there is nothing to record (the event
    /// is already kept), and so does this.
    func recordEvent(memberID id: Int64, code: String, action: String,
                     _ makeEvent: (MembershipHistory) throws -> MembershipEvent?) throws -> AuditEntry? {
        let history = try EventTable.history(memberID: id, in: connection)
        guard let event = try makeEvent(history) else { return nil }
        let member = try MemberTable.find(code, in: connection).member
        let placing = event.kind.movesWithin || event.kind == .arrived || event.kind == .hosted
        let destination = placing ? try UnitTable.find(event.unitCode, in: connection).unit : nil
        let updated = try history.recording(event, of: member, today: today, destination: destination)
        try EventTable.insert(event, memberID: id, in: connection)
        return AuditEntry(action: action, memberCode: code, unitCode: event.unitCode,
                          oldValue: AuditEntry.json(history.events.last), newValue: AuditEntry.json(updated.events.last))
    }

    /// The next free automatic member code, `DVnnnnnn`.
    func nextMemberCode() throws -> String {
        var next = try MemberTable.nextID(in: connection)
        while try MemberTable.exists(code: "DV" + String(format: "%06d", next), in: connection) { next += 1 }
        return "DV" + String(format: "%06d", next)
    }

    /// Refuses a code or national ID that another member already has, naming that member.
    func refuseDuplicate(_ member: Member, exceptID: Int64?) throws {
        if let other = try MemberTable.holder(ofCode: member.code, exceptID: exceptID, in: connection) {
            throw RegisterError.badInput(Text(
                vi: "Mã đoàn viên \(member.code) đã dùng cho \(other.fullName).",
                en: "Member code \(member.code) already belongs to \(other.fullName)."),
                fix: Text(vi: "Dùng mã khác, hoặc `sodoan member update` để sửa đoàn viên đó.",
                          en: "Use another code, or `sodoan member update` to change that member."))
        }
        if let idNumber = member.idNumber, let other = try MemberTable.holder(ofIDNumber: idNumber, exceptID: exceptID, in: connection) {
            throw RegisterError.badInput(Text(
                vi: "Số CCCD \(idNumber) đã có ở đoàn viên \(other.code) (\(other.fullName)).",
                en: "National ID \(idNumber) already belongs to member \(other.code) (\(other.fullName))."))
        }
        if let central = member.centralID, let other = try MemberTable.holder(ofCentralID: central, exceptID: exceptID, in: connection) {
            throw RegisterError.badInput(Text(
                vi: "Mã định danh đoàn viên \(central) đã có ở đoàn viên \(other.code) (\(other.fullName)).",
                en: "Central member identifier \(central) already belongs to member \(other.code) (\(other.fullName))."))
        }
    }
}
