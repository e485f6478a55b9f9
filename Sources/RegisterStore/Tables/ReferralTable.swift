import GRDB
import UnionRegister

/// Reads and writes rows of `referral` and `referral_step`.
enum ReferralTable {
    /// The referrals of the members whose ids `members` selects (an SQL subquery with named
    /// arguments), by member id, each member's oldest nomination first.
    static func referrals(ofMembers members: String, arguments: StatementArguments, in db: Database) throws -> [Int64: [Referral]] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT r.member_id, s.referral_id, s.stage, s.on_date, s.convened, s.present, s.votes_for,
                   s.resolution_no, s.decision_no, s.reason
            FROM referral r JOIN referral_step s ON s.referral_id = r.id
            WHERE r.member_id IN (\(members))
            ORDER BY r.member_id, r.id, s.on_date, s.id
            """), arguments: arguments)
        var result: [Int64: [Referral]] = [:]
        var lastReferral: Int64?
        while let row = try rows.next() {
            let memberID: Int64 = row["member_id"], referralID: Int64 = row["referral_id"]
            if referralID != lastReferral {
                result[memberID, default: []].append(Referral(steps: []))
                lastReferral = referralID
            }
            result[memberID]![result[memberID]!.count - 1].steps.append(try step(from: row))
        }
        return result
    }

    static func step(from row: Row) throws -> ReferralStep {
        let convened: Int? = row["convened"], present: Int? = row["present"], votesFor: Int? = row["votes_for"]
        let vote = convened.map { Vote(convened: $0, present: present ?? 0, votesFor: votesFor ?? 0) }
        return ReferralStep(stage: try StoredValue.code(row, "stage"), on: try StoredValue.day(row, "on_date"), vote: vote,
                            resolutionNo: row["resolution_no"], decisionNo: row["decision_no"], reason: row["reason"])
    }

    /// Writes `step`: a nomination opens a new referral, any other step extends the
    /// member's latest one.
    static func insert(_ step: ReferralStep, memberID: Int64, in db: Database) throws {
        let referralID: Int64
        if step.stage == .nominated {
            try db.execute(sql: "INSERT INTO referral (member_id) VALUES (?)", arguments: [memberID])
            referralID = db.lastInsertedRowID
        } else {
            referralID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM referral WHERE member_id = ?", arguments: [memberID])!
        }
        try db.execute(sql: """
            INSERT INTO referral_step (referral_id, stage, on_date, convened, present, votes_for, resolution_no, decision_no, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [referralID, step.stage.rawValue, step.on.description, step.vote?.convened, step.vote?.present,
                             step.vote?.votesFor, step.resolutionNo, step.decisionNo, step.reason])
    }
}
