import UnionRegister

/// Reads and writes rows of `referral` and `referral_step`, on either engine.
enum ReferralTable {
    /// The referrals of the members whose ids `members` selects (an SQL subquery with named
    /// arguments), by member id, each member's oldest nomination first.
    static func referrals(ofMembers members: String, arguments: SQLArguments, in db: any SQLConnection) throws -> [Int64: [Referral]] {
        var result: [Int64: [Referral]] = [:]
        var lastReferral: Int64?
        try db.forEachStoredRow("""
            SELECT r.member_id, s.referral_id, s.stage, s.on_date, s.convened, s.present, s.votes_for,
                   s.resolution_no, s.decision_no, s.reason
            FROM referral r JOIN referral_step s ON s.referral_id = r.id
            WHERE r.member_id IN (\(members))
            ORDER BY r.member_id, r.id, s.on_date, s.id
            """, arguments) { row in
            let memberID = try row.integer("member_id"), referralID = try row.integer("referral_id")
            if referralID != lastReferral {
                result[memberID, default: []].append(Referral(steps: []))
                lastReferral = referralID
            }
            result[memberID]![result[memberID]!.count - 1].steps.append(try step(from: row))
        }
        return result
    }

    static func step(from row: some StoredRow) throws -> ReferralStep {
        func count(_ column: String) throws -> Int? { try row.optionalInteger(column).map { Int($0) } }
        let vote = try count("convened").map { Vote(convened: $0, present: try count("present") ?? 0, votesFor: try count("votes_for") ?? 0) }
        return ReferralStep(stage: try StoredValue.code(row, "stage"), on: try StoredValue.day(row, "on_date"), vote: vote,
                            resolutionNo: try row.optionalText("resolution_no"), decisionNo: try row.optionalText("decision_no"),
                            reason: try row.optionalText("reason"))
    }

    /// Writes `step`: a nomination opens a new referral, any other step extends the
    /// member's latest one.
    static func insert(_ step: ReferralStep, memberID: Int64, in db: any SQLConnection) throws {
        let referralID: Int64
        if step.stage == .nominated {
            referralID = try db.insert("INSERT INTO referral (member_id) VALUES (?)", [memberID])
        } else {
            guard let latest = try db.storedRows("SELECT MAX(id) AS id FROM referral WHERE member_id = ?", [memberID], {
                try $0.optionalInteger("id")
            }).first else { throw StoredValue.damaged("referral.id", "NULL") }
            referralID = latest
        }
        try db.execute("""
            INSERT INTO referral_step (referral_id, stage, on_date, convened, present, votes_for, resolution_no, decision_no, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [referralID, step.stage.rawValue, step.on.description, step.vote?.convened, step.vote?.present,
                  step.vote?.votesFor, step.resolutionNo, step.decisionNo, step.reason])
    }
}
