import Foundation
import GRDB
import UnionRegister

/// Reads and writes rows of `member` and `membership_event`.
enum MemberTable {
    static let columns = """
        m.id, m.code, m.full_name, m.birth_date, m.gender, m.education, m.id_number, m.phone,
        m.email, m.workplace, m.office, m.joined_on, m.party_joined_on
        """

    static func member(from row: Row) -> Member {
        Member(code: row["code"], fullName: row["full_name"], birthDate: Day(parsing: row["birth_date"])!,
               gender: Gender(rawValue: row["gender"])!, education: EducationLevel(rawValue: row["education"])!,
               idNumber: row["id_number"], phone: row["phone"], email: row["email"], workplace: row["workplace"],
               office: row["office"], joinedOn: Day(parsing: row["joined_on"])!,
               partyJoinedOn: (row["party_joined_on"] as String?).flatMap(Day.init(parsing:)))
    }

    /// The columns derived from a full name: the folded form `--search` matches and the
    /// Vietnamese sort key. Computing them is most of the cost of inserting a member, so the
    /// bulk import keeps them per distinct name (names repeat a great deal).
    struct NameKeys: Sendable {
        let search: String
        let sort: Data

        init(_ fullName: String) {
            search = VietnameseText.fold(fullName)
            sort = Data(VietnameseText.nameSortKey(fullName))
        }
    }

    static func arguments(for member: Member, keys: NameKeys? = nil) -> StatementArguments {
        let keys = keys ?? NameKeys(member.fullName)
        return [member.code, member.fullName, keys.search, keys.sort, member.birthDate.description,
         member.gender.rawValue, member.education.rawValue, member.idNumber, member.phone,
         member.email, member.workplace, member.office, member.joinedOn.description,
         member.partyJoinedOn?.description]
    }

    @discardableResult
    static func insert(_ member: Member, keys: NameKeys? = nil, in db: Database) throws -> Int64 {
        // Cached: `import members` inserts a million rows through this one statement.
        try db.cachedStatement(sql: """
            INSERT INTO member (code, full_name, search_name, sort_key, birth_date, gender, education,
                                id_number, phone, email, workplace, office, joined_on, party_joined_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: arguments(for: member, keys: keys))
        return db.lastInsertedRowID
    }

    static func update(id: Int64, to member: Member, in db: Database) throws {
        var args = arguments(for: member)
        args += [id]
        try db.execute(sql: """
            UPDATE member SET code = ?, full_name = ?, search_name = ?, sort_key = ?, birth_date = ?,
                gender = ?, education = ?, id_number = ?, phone = ?, email = ?, workplace = ?,
                office = ?, joined_on = ?, party_joined_on = ?
            WHERE id = ?
            """, arguments: args)
    }

    /// The member with this code and its row id, or a bad-input error naming the code.
    static func find(_ code: String, in db: Database) throws -> (id: Int64, member: Member) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM member m WHERE m.code = ?"), arguments: [code]) else {
            throw RegisterError.unknownMember(code)
        }
        return (row["id"], member(from: row))
    }

    /// The columns `event(from:)` reads, from `membership_event e` joined to its unit `u`
    /// and, left-joined, the unit `f` a transfer left.
    static let eventColumns = "e.kind, e.on_date, u.code AS unit_code, f.code AS from_code, e.reason, e.place, e.letter_no, e.until_on"

    /// A member's membership events in order, with unit codes.
    static func history(memberID: Int64, in db: Database) throws -> MembershipHistory {
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(eventColumns)
            FROM membership_event e
            JOIN unit u ON u.id = e.unit_id
            LEFT JOIN unit f ON f.id = e.from_unit_id
            WHERE e.member_id = ?
            ORDER BY e.on_date, e.id
            """, arguments: [memberID])
        return MembershipHistory(events: rows.map(event(from:)))
    }

    /// An event from a row with the columns of `eventColumns`.
    static func event(from row: Row) -> MembershipEvent {
        MembershipEvent(kind: MembershipEventKind(rawValue: row["kind"])!, on: Day(parsing: row["on_date"])!,
                        unitCode: row["unit_code"], fromUnitCode: row["from_code"], reason: row["reason"],
                        place: row["place"], letterNo: row["letter_no"],
                        until: (row["until_on"] as String?).flatMap(Day.init(parsing:)))
    }

    static func insert(_ event: MembershipEvent, memberID: Int64, in db: Database) throws {
        let unitID = try UnitTable.find(event.unitCode, in: db).id
        let fromID = try event.fromUnitCode.map { try UnitTable.find($0, in: db).id }
        try insert(event, memberID: memberID, unitID: unitID, fromUnitID: fromID, in: db)
    }

    /// Inserts an event whose unit ids the caller already knows (the bulk import does).
    static func insert(_ event: MembershipEvent, memberID: Int64, unitID: Int64, fromUnitID: Int64?, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO membership_event (member_id, kind, on_date, unit_id, from_unit_id, reason, place, letter_no, until_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [memberID, event.kind.rawValue, event.on.description, unitID, fromUnitID, event.reason,
                                     event.place, event.letterNo, event.until?.description])
    }
}
