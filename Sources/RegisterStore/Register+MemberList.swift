import GRDB
import UnionRegister

extension Register {
    /// Members matching `query`, in Vietnamese name order.
    ///
    /// One query: each member's last event on the day (an index seek per member, only for
    /// members ever in the unit's subtree when a unit is given), the unit subtree of that day through
    /// `unit_closure`, the search on the folded name. The maturity
    /// flag is the domain's rule applied to the rows the birth-date bound lets through, with
    /// whether each holds an office on the day.
    public func members(_ query: MemberQuery) throws -> [MemberListing] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = ["asOf": query.asOf.description]
            var joins = ""
            if let unitCode = query.unitCode {
                let unitID = try UnitTable.find(unitCode, in: db).id
                joins = "JOIN unit_closure c ON c.descendant_id = e.unit_id AND c.ancestor_id = :unitID AND \(UnitTreeSQL.inForce("c", on: ":asOf"))"
                // Only members who were ever in the subtree can be in it on the day: looking
                // up the state of those alone (index `membership_event_unit`) keeps the cost
                // of a unit's list to the unit's size, not the register's.
                conditions.append("""
                    m.id IN (SELECT x.member_id FROM unit_closure xc JOIN membership_event x ON x.unit_id = xc.descendant_id
                             WHERE xc.ancestor_id = :unitID)
                    """)
                arguments += ["unitID": unitID]
            }
            if query.dueMaturity {
                conditions.append("e.kind IN \(MembershipSQL.activeKinds)")
                conditions.append("m.birth_date <= :latestBirth")
                let bound = MaturityRule.latestBirthDate(olderThan: MaturityRule.dueAfter, on: query.asOf)
                arguments += ["latestBirth": bound.description]
            } else if let status = query.status {
                switch status {
                case "active": conditions.append("e.kind IN \(MembershipSQL.activeKinds)")
                case MembershipStatus.temporaryCode: conditions.append("e.kind = 'hosted' AND e.until_on >= :asOf")
                case MembershipStatus.temporaryEndedCode: conditions.append("e.kind = 'hosted' AND e.until_on < :asOf")
                default:
                    conditions.append("e.kind = :status")
                    arguments += ["status": status]
                }
            }
            let words = VietnameseText.fold(query.search ?? "").split(separator: " ").map(String.init)
            for (index, word) in words.enumerated() {
                conditions.append("(m.search_name LIKE :w\(index) ESCAPE '\\' OR m.code = :c\(index) COLLATE NOCASE)")
                arguments += ["w\(index)": "%" + escapeLike(word) + "%", "c\(index)": word]
            }
            if let candidates = Self.searchCandidates(words) {
                conditions.append(candidates.condition)
                arguments += candidates.arguments
            }
            let sql = """
                SELECT \(MemberTable.columns), \(EventTable.columns),
                       \(OfficeTable.heldSQL(memberColumn: "m.id", dayArgument: ":asOf")) AS holds_office
                FROM member m
                JOIN membership_event e ON e.id = \(MembershipSQL.lastEventID(memberColumn: "m.id", dayArgument: ":asOf"))
                JOIN unit u ON u.id = e.unit_id
                LEFT JOIN unit f ON f.id = e.from_unit_id
                \(joins)
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY m.sort_key, m.code
                """
            // Rows read from the cursor, not copied: a copied row finds a column by name by
            // lowercasing every column's name, a tenth of a served roll's time (perf).
            return try Array(Row.fetchCursor(db, sql: sql, arguments: arguments).compactMap { row in
                let member = try MemberTable.member(from: row)
                let event = try EventTable.event(from: row)
                let status = MembershipHistory(events: [event]).status(on: query.asOf)
                let flag = status.isActive ? MaturityRule.flag(for: member, holdsOffice: row["holds_office"], on: query.asOf) : nil
                if query.dueMaturity && flag == nil { return nil }
                return MemberListing(member: member, status: status.code, unitCode: event.unitCode, flag: flag, lastEvent: event)
            })
        }
    }

    /// A condition that narrows a search to the rows the trigram index `member_name_search`
    /// finds, so that a search reads only the matching members, not all of them. It selects a
    /// superset of what the per-word conditions select (the folded name contains each word,
    /// as LIKE does, or a word equals the code), so the result is the same; nil when no word
    /// is long enough for a trigram.
    ///
    /// The index is asked for the first trigram of every word of 3 letters or more, all of
    /// them at once: a name containing "khoa" contains "kho". A Vietnamese syllable's first
    /// trigram holds its initial consonant and is far rarer than its rhyme ("kho" is in 1.5 %
    /// of a million names, "hoa" in 11 %, "inh" in 15 %), and single trigrams need no
    /// position lists, so FTS5 intersects them cheaply and the rows read are about those
    /// that match. On the million-member benchmark register, "tran minh khoa" reads 136
    /// rows at 4 ms a query in the sqlite3 shell, where asking for the most selective word
    /// alone ("khoa") read 14,736 members at 45 ms; that read grew with the register
    /// (210 ms at 6,500,000 members). The LIKE conditions still check every word.
    static func searchCandidates(_ words: [String]) -> (condition: String, arguments: StatementArguments)? {
        var trigrams: [String] = []
        for word in words where word.count >= 3 {
            let trigram = "\"" + String(word.prefix(3)).replacingOccurrences(of: "\"", with: "\"\"") + "\""
            if !trigrams.contains(trigram) { trigrams.append(trigram) }
        }
        guard !trigrams.isEmpty else { return nil }
        let codes = words.indices.map { ":sc\($0)" }.joined(separator: ", ")
        var arguments: StatementArguments = ["match": trigrams.joined(separator: " AND ")]
        for (index, word) in words.enumerated() { arguments += ["sc\(index)": word] }
        return ("(m.id IN (SELECT rowid FROM member_name_search WHERE member_name_search MATCH :match) OR m.code COLLATE NOCASE IN (\(codes)))",
                arguments)
    }

    private func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
