import GRDB
import UnionRegister

/// Migration 12's follow-up: the free-text `member.office` becomes dated offices, and the
/// column goes (schema.sql says how each text is placed). SQL cannot read a role out of a
/// Vietnamese text, so this runs in Swift, in the migration's transaction.
enum OfficeMigration {
    static func moveFreeTextOffices(in db: Database) throws {
        // Each member with a text: the unit and day of their latest placing event, and the
        // day membership ended if their latest event ended it.
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.office,
                   p.unit_id, p.on_date AS from_on,
                   CASE WHEN l.kind IN ('left', 'matured', 'removed', 'expelled', 'deceased') THEN l.on_date END AS to_on
            FROM member m
            JOIN membership_event p ON p.id = (SELECT x.id FROM membership_event x WHERE x.member_id = m.id
                                               AND x.kind IN ('admitted', 'transferred', 'arrived', 'hosted')
                                               ORDER BY x.on_date DESC, x.id DESC LIMIT 1)
            JOIN membership_event l ON l.id = (SELECT y.id FROM membership_event y WHERE y.member_id = m.id
                                               ORDER BY y.on_date DESC, y.id DESC LIMIT 1)
            WHERE length(trim(COALESCE(m.office, ''))) > 0
            ORDER BY m.id
            """)
        var secretaries: [Int64: [(from: String, to: String?)]] = [:]
        for row in rows {
            let title: String = row["office"], unitID: Int64 = row["unit_id"], from: String = row["from_on"]
            let to: String? = row["to_on"]
            if let to, to <= from { continue }  // in and out of the unit on one day: no term to keep
            var role = OfficeRole(recognising: title)
            if role == .secretary {
                let overlapping = (secretaries[unitID] ?? []).contains { other in
                    from < (other.to ?? "9999-12-31") && other.from < (to ?? "9999-12-31")
                }
                if overlapping { role = .committee } else { secretaries[unitID, default: []].append((from, to)) }
            }
            try db.execute(sql: "INSERT INTO office (member_id, unit_id, role, from_on, to_on, title) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [row["id"] as Int64, unitID, role.rawValue, from, to, VietnameseText.normalized(title)])
        }
        try db.execute(sql: "ALTER TABLE member DROP COLUMN office")
    }
}
