import Foundation
import UnionRegister

/// The register as one account may use it: every read and write the server offers, each
/// checked against the account's role and the subtree of its unit (through `unit_closure`, as the tree is now)
/// before anything is read or written (docs/SECURITY.md). The server holds only this, never
/// the whole `Register`, for a request that has a session.
///
/// A member belongs to the unit of their latest membership event, whatever its date: the
/// branch they are in, or the one they left. Writes are recorded with the account as the
/// audit row's actor.
public struct ScopedRegister: Sendable {
    public let account: Account
    private let register: Register

    /// `command` is what the audit log records as the command, e.g. `POST /api/members`.
    public init(_ register: Register, account: Account, command: String) {
        self.account = account
        self.register = register.acting(as: account.name, command: command)
    }

    // MARK: Reads

    /// The units of the account's subtree, in tree order, depths counted from its unit.
    public func unitTree(on day: Day) throws -> [UnitSummary] {
        let inScope = try register.readSQL { db in try Set(db.storedRows(Self.subtreeCodes, [account.unitCode]) { try $0.text("code") }) }
        let tree = try register.unitTree(on: day).filter { inScope.contains($0.unit.code) }
        let top = tree.first?.depth ?? 0
        return tree.map { UnitSummary(unit: $0.unit, depth: $0.depth - top, members: $0.members, warnings: $0.warnings) }
    }

    /// Members of a unit of the subtree (the account's own unit when none is named).
    public func members(_ query: MemberQuery) throws -> [MemberListing] {
        var query = query
        query.unitCode = try inScope(unit: query.unitCode, .read)
        return try register.members(query)
    }

    public func memberFacts(_ code: String) throws -> MemberFacts {
        try requireMember(code, .read)
        return try register.memberFacts(code)
    }

    /// `Register.memberBook` after one scope check: a member's page.
    public func memberBook(_ code: String, eligibilityFor next: (MemberFacts) -> EligibilityStep?,
                           on day: Day) throws -> (facts: MemberFacts, eligibility: Eligibility?) {
        try requireMember(code, .read)
        return try register.memberBook(code, eligibilityFor: next, on: day)
    }

    public func checkReferral(_ code: String, step: EligibilityStep, on day: Day) throws -> Eligibility {
        try requireMember(code, .read)
        return try register.checkReferral(code, step: step, on: day)
    }

    public func referralCandidates(step: EligibilityStep, unitCode: String?, on day: Day) throws -> [ReferralCandidate] {
        try register.referralCandidates(step: step, unitCode: try inScope(unit: unitCode, .read), on: day)
    }

    public func yearEndReport(unitCode: String?, period: ReportPeriod) throws -> YearEndReport {
        try register.yearEndReport(unitCode: try inScope(unit: unitCode, .read), period: period)
    }

    public func policy(on day: Day) throws -> Policy { try register.policy(on: day) }

    /// An export (`Register.export`) of a unit of the subtree (the account's own when nil).
    public func export(_ kind: DataKind, unitCode: String?, includePersonal: Bool, _ body: ([String]) throws -> Void) throws {
        try register.export(kind, unitCode: try inScope(unit: unitCode, .read), includePersonal: includePersonal, body)
    }

    /// The referral resolution (form 4-KNĐ) of the member's latest referral.
    public func referralResolution(_ code: String) throws -> ReferralResolution {
        try requireMember(code, .read)
        return try register.referralResolution(code)
    }

    /// The introduction letter of the member's latest departure: the member left from a
    /// unit of the subtree, so their latest event is still there.
    public func departureLetter(_ code: String) throws -> DepartureLetter {
        try requireMember(code, .read)
        return try register.departureLetter(code)
    }

    /// The day the register's rules take as today.
    public var today: Day { register.today }

    // MARK: Writes

    @discardableResult
    public func addMember(_ member: Member, unitCode: String) throws -> Member {
        _ = try inScope(unit: unitCode, .write)
        return try register.addMember(member, unitCode: unitCode)
    }

    /// Both ends of a transfer must be in the subtree: a branch's secretary cannot put a
    /// member into another branch's roll, the office above both can.
    public func transferMember(_ code: String, to unitCode: String, on day: Day) throws {
        try requireMember(code, .write)
        _ = try inScope(unit: unitCode, .write)
        try register.transferMember(code, to: unitCode, on: day)
    }

    @discardableResult
    public func updateMember(_ code: String, _ change: (inout Member) throws -> Void) throws -> MemberUpdate {
        try requireMember(code, .write)
        return try register.updateMember(code, change)
    }

    /// As for a transfer, both the unit the member was last in and the one they come into
    /// must be in the subtree.
    public func arriveMember(_ code: String, to unitCode: String, _ arrival: Arrival) throws {
        try requireMember(code, .write)
        _ = try inScope(unit: unitCode, .write)
        try register.arriveMember(code, to: unitCode, arrival)
    }

    public func leaveMember(_ code: String, on day: Day, to place: String, letterNo: String?) throws {
        try requireMember(code, .write)
        try register.leaveMember(code, on: day, to: place, letterNo: letterNo)
    }

    @discardableResult
    public func setGrade(_ code: String, year: Int, grade: Grade) throws -> GradeChange {
        try requireMember(code, .write)
        return try register.setGrade(code, year: year, grade: grade)
    }

    public func addTraining(_ code: String, _ record: TrainingRecord) throws {
        try requireMember(code, .write)
        try register.addTraining(code, record)
    }

    /// Imports a file (`Register.importFile`, all or nothing, or a dry run), once
    /// `requireWholeRegister` allows it.
    public func importFile(_ kind: DataKind, from path: String, dryRun: Bool) throws -> ImportReport {
        try requireWholeRegister()
        return try register.importFile(kind, from: path, dryRun: dryRun)
    }

    /// The rows of an import name their own units, so an import needs the whole register in
    /// scope: an office account of the top unit (`AccessRefused.wholeRegister`). Public so
    /// that the server refuses before it reads an upload.
    public func requireWholeRegister() throws {
        try requireRole(.write)
        let top = try register.readSQL { db in try UnitTable.root(in: db).unit.code }
        guard account.role == .office, account.unitCode == top else {
            throw AccessRefused.wholeRegister(account: account.name, scope: account.unitCode, top: top)
        }
    }

    public func recordReferral(_ code: String, _ action: ReferralAction, on day: Day) throws -> ReferralStep {
        try requireMember(code, .write)
        return try register.recordReferral(code, action, on: day)
    }

    // MARK: Reorganisations

    /// A reorganisation reshapes the tree above the members: it needs an office account,
    /// and every unit it names in the account's subtree.
    public func renameUnit(_ code: String, to name: String, on day: Day) throws {
        try requireOffice(units: [code])
        try register.renameUnit(code, to: name, on: day)
    }

    public func moveUnit(_ code: String, under parentCode: String, on day: Day) throws {
        try requireOffice(units: [code, parentCode])
        try register.moveUnit(code, under: parentCode, on: day)
    }

    public func mergeUnits(_ codes: [String], into targetCode: String, on day: Day) throws {
        try requireOffice(units: codes + [targetCode])
        try register.mergeUnits(codes, into: targetCode, on: day)
    }

    public func unitHistory(_ code: String) throws -> [UnitHistoryEntry] {
        try register.unitHistory(try inScope(unit: code, .read))
    }

    private func requireOffice(units: [String]) throws {
        guard account.role.allows(.reorganise) else { throw AccessRefused.reorganisation(account.role, account: account.name) }
        for unit in units { _ = try inScope(unit: unit, .write) }
    }

    // MARK: Checks

    /// The unit asked for (the account's own when nil), once it is known to be in the
    /// subtree and the role allows `access`.
    private func inScope(unit code: String?, _ access: AccountRole.Access) throws -> String {
        try requireRole(access)
        let code = code ?? account.unitCode
        let inside = try register.readSQL { db -> Bool in
            _ = try UnitTable.find(code, in: db)
            return try !db.storedRows(Self.unitInSubtree, [account.unitCode, code]) { _ in true }.isEmpty
        }
        guard inside else { throw AccessRefused.outside(unit: code, account: account.name, scope: account.unitCode) }
        return code
    }

    /// Refuses a member outside the subtree; an unknown code is bad input, as on the CLI.
    private func requireMember(_ code: String, _ access: AccountRole.Access) throws {
        try requireRole(access)
        let inside = try register.readSQL { db -> Bool in
            _ = try MemberTable.find(code, in: db)
            return try !db.storedRows(Self.memberInSubtree, ["member": code, "scope": account.unitCode]) { _ in true }.isEmpty
        }
        guard inside else { throw AccessRefused.outside(unit: code, account: account.name, scope: account.unitCode) }
    }

    private func requireRole(_ access: AccountRole.Access) throws {
        guard account.role.allows(access) else { throw AccessRefused.role(account.role, account: account.name) }
    }

    private static let subtreeCodes = """
        SELECT d.code FROM unit_closure c JOIN unit a ON a.id = c.ancestor_id JOIN unit d ON d.id = c.descendant_id
        WHERE a.code = ? AND \(UnitTreeSQL.current("c"))
        """

    private static let unitInSubtree = """
        SELECT 1 FROM unit_closure c JOIN unit a ON a.id = c.ancestor_id JOIN unit d ON d.id = c.descendant_id
        WHERE a.code = ? AND d.code = ? AND \(UnitTreeSQL.current("c"))
        """

    /// A row when the unit of a member's latest membership event, whatever its date, is in
    /// the subtree.
    private static let memberInSubtree = """
        SELECT 1 FROM unit_closure c JOIN unit a ON a.id = c.ancestor_id
        WHERE a.code = :scope AND \(UnitTreeSQL.current("c")) AND c.descendant_id = (
            SELECT e.unit_id FROM membership_event e JOIN member m ON m.id = e.member_id
            WHERE m.code = :member ORDER BY e.on_date DESC, e.id DESC LIMIT 1)
        """
}
