import UnionRegister

extension Register {
    /// Members matching `query`, in Vietnamese name order.
    ///
    /// One query: each member's last event on the day (an index seek per member, only for
    /// members ever in the unit's subtree when a unit is given), the unit subtree of that day through
    /// `unit_closure`, the search on the folded name. The maturity
    /// flag is the domain's rule applied to the rows the birth-date bound lets through, with
    /// whether each holds an office on the day. The same statement on both engines; only the
    /// code's caseless comparison is written in each one's words (`SQLDialect.caseless`).
    public func members(_ query: MemberQuery) throws -> [MemberListing] {
        try readSQL { db in
            var conditions: [String] = []
            var arguments: [String: SQLValue] = ["asOf": .text(query.asOf.description)]
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
                arguments["unitID"] = .integer(unitID)
            }
            if query.dueMaturity {
                conditions.append("e.kind IN \(MembershipSQL.activeKinds)")
                conditions.append("m.birth_date <= :latestBirth")
                let bound = MaturityRule.latestBirthDate(olderThan: MaturityRule.dueAfter, on: query.asOf)
                arguments["latestBirth"] = .text(bound.description)
            } else if let status = query.status {
                switch status {
                case "active": conditions.append("e.kind IN \(MembershipSQL.activeKinds)")
                case MembershipStatus.temporaryCode: conditions.append("e.kind = 'hosted' AND e.until_on >= :asOf")
                case MembershipStatus.temporaryEndedCode: conditions.append("e.kind = 'hosted' AND e.until_on < :asOf")
                default:
                    conditions.append("e.kind = :status")
                    arguments["status"] = .text(status)
                }
            }
            let words = VietnameseText.fold(query.search ?? "").split(separator: " ").map(String.init)
            for (index, word) in words.enumerated() {
                conditions.append("(m.search_name LIKE :w\(index) ESCAPE '\\' OR \(db.dialect.caseless("m.code")) = :c\(index))")
                arguments["w\(index)"] = .text(MemberWordTable.likeContaining(word))
                arguments["c\(index)"] = .text(word)
            }
            if let candidates = try Self.searchCandidates(words, in: db) {
                conditions.append(candidates.condition)
                arguments.merge(candidates.arguments) { $1 }
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
            // On a file, rows read from the cursor, not copied: a copied row finds a column by
            // name by lowercasing every column's name, a tenth of a served roll's time (perf).
            return try db.storedRows(sql, .named(arguments)) { row in
                let member = try MemberTable.member(from: row)
                let event = try EventTable.event(from: row)
                let status = MembershipHistory(events: [event]).status(on: query.asOf)
                let holdsOffice = try row.integer("holds_office") != 0
                let flag = status.isActive ? MaturityRule.flag(for: member, holdsOffice: holdsOffice, on: query.asOf) : nil
                if query.dueMaturity && flag == nil { return nil }
                return MemberListing(member: member, status: status.code, unitCode: event.unitCode, flag: flag, lastEvent: event)
            }
        }
    }

    /// A condition that narrows a search to the members the word index (`member_word`,
    /// migration 15) finds, so that a search reads only those, not the whole register. It
    /// selects a superset of what the per-word conditions select (the folded name contains
    /// each word, as LIKE does, or a word equals the code), so the result is the same; nil
    /// when there is no word.
    ///
    /// A search word is part of one word of the name (neither has a space), so the members
    /// whose name contains it are those having a word of the dictionary `name_word` that
    /// contains it. The search starts from the search word whose dictionary words have the
    /// fewest members (the dictionary keeps the counts): for "tran minh khoa" on the
    /// million-member benchmark register that is "khoa", 14,736 rows of `member_word` read in
    /// one range, of which the 136 whose stored name also holds "tran" and "minh" are looked
    /// up in `member`. The trigram index it replaces walked the document lists of "tra",
    /// "min" and "kho", one name in eight for "tra", and grew with the register faster.
    static func searchCandidates(_ words: [String], in db: any SQLConnection) throws -> (condition: String, arguments: [String: SQLValue])? {
        var driver: (index: Int, members: Int)?
        for (index, word) in words.enumerated() {
            let members = try MemberWordTable.members(withWordContaining: word, in: db)
            if members < driver?.members ?? .max { driver = (index, members) }
        }
        return driver.map { MemberWordTable.candidates(words, driver: $0.index, dialect: db.dialect) }
    }
}
