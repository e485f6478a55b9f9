import Foundation
import GRDB
import UnionRegister

/// Reads and writes rows of `member`: a member's identity and contact facts.
enum MemberTable {
    static let columns = """
        m.id, m.code, m.full_name, m.birth_date, m.gender, m.education, m.id_number, m.phone,
        m.email, m.workplace, m.office, m.joined_on, m.party_joined_on, m.ethnicity, m.religion, m.qualification,
        m.theory_level, m.central_id
        """

    static func member(from row: Row) throws -> Member {
        Member(code: row["code"], fullName: row["full_name"], birthDate: try StoredValue.day(row, "birth_date"),
               gender: try StoredValue.code(row, "gender"), education: try StoredValue.code(row, "education"),
               idNumber: row["id_number"], phone: row["phone"], email: row["email"], workplace: row["workplace"],
               office: row["office"], joinedOn: try StoredValue.day(row, "joined_on"),
               partyJoinedOn: try StoredValue.optionalDay(row, "party_joined_on"),
               ethnicity: try StoredValue.optionalEthnicity(row, "ethnicity"),
               religion: (row["religion"] as String?).flatMap(Religion.init(parsing:)),
               qualification: row["qualification"], enteredTheory: try StoredValue.optionalCode(row, "theory_level"),
               centralID: row["central_id"])
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
         member.partyJoinedOn?.description, member.ethnicity?.code, member.religion?.stored, member.qualification,
         member.enteredTheory?.rawValue, member.centralID]
    }

    @discardableResult
    static func insert(_ member: Member, keys: NameKeys? = nil, in db: Database) throws -> Int64 {
        // Cached: `import members` inserts a million rows through this one statement.
        try db.cachedStatement(sql: """
            INSERT INTO member (code, full_name, search_name, sort_key, birth_date, gender, education,
                                id_number, phone, email, workplace, office, joined_on, party_joined_on,
                                ethnicity, religion, qualification, theory_level, central_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: arguments(for: member, keys: keys))
        return db.lastInsertedRowID
    }

    static func update(id: Int64, to member: Member, in db: Database) throws {
        var args = arguments(for: member)
        args += [id]
        try db.execute(sql: """
            UPDATE member SET code = ?, full_name = ?, search_name = ?, sort_key = ?, birth_date = ?,
                gender = ?, education = ?, id_number = ?, phone = ?, email = ?, workplace = ?,
                office = ?, joined_on = ?, party_joined_on = ?, ethnicity = ?, religion = ?, qualification = ?,
                theory_level = ?, central_id = ?
            WHERE id = ?
            """, arguments: args)
    }

    /// Rewrites every stored sort key that differs from the domain's current one (after a
    /// change of `VietnameseText.nameSortKey`), computing each distinct name once.
    static func recomputeSortKeys(in db: Database) throws {
        var keys: [String: Data] = [:]
        let update = try db.makeStatement(sql: "UPDATE member SET sort_key = ? WHERE id = ?")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, full_name, sort_key FROM member ORDER BY id")
        while let row = try rows.next() {
            let name: String = row["full_name"]
            let key = keys[name] ?? Data(VietnameseText.nameSortKey(name))
            keys[name] = key
            if row["sort_key"] != key {
                try update.execute(arguments: [key, row["id"] as Int64])
            }
        }
    }

    /// The member with this code and its row id, or a bad-input error naming the code.
    static func find(_ code: String, in db: Database) throws -> (id: Int64, member: Member) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM member m WHERE m.code = ?"), arguments: [code]) else {
            throw RegisterError.unknownMember(code)
        }
        return (row["id"], try member(from: row))
    }
}

extension MemberTable {
    /// One more than the highest row id: where automatic member codes start looking.
    static func nextID(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM member") ?? 1
    }

    static func exists(code: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM member WHERE code = ?", arguments: [code]) == true
    }

    /// The member other than `exceptID` who has this code.
    static func holder(ofCode code: String, exceptID: Int64?, in db: Database) throws -> (code: String, fullName: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT code, full_name FROM member WHERE code = ? AND id IS NOT ?"),
                         arguments: [code, exceptID]).map { ($0["code"], $0["full_name"]) }
    }

    /// The member other than `exceptID` who has this national ID number.
    static func holder(ofIDNumber idNumber: String, exceptID: Int64?, in db: Database) throws -> (code: String, fullName: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT code, full_name FROM member WHERE id_number = ? AND id IS NOT ?"),
                         arguments: [idNumber, exceptID]).map { ($0["code"], $0["full_name"]) }
    }

    /// The member other than `exceptID` who has this Central Union identifier.
    static func holder(ofCentralID centralID: String, exceptID: Int64?, in db: Database) throws -> (code: String, fullName: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT code, full_name FROM member WHERE central_id = ? AND id IS NOT ?"),
                         arguments: [centralID, exceptID]).map { ($0["code"], $0["full_name"]) }
    }

    /// A member already in the register (row id up to `lastID`) with this folded name and
    /// birth date: a likely duplicate of a person an import adds under a new code.
    static func namesake(searchName: String, birthDate: Day, upToID lastID: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT code FROM member WHERE search_name = ? AND birth_date = ? AND id <= ? LIMIT 1
            """), arguments: [searchName, birthDate.description, lastID])
    }

    /// The highest row id: members up to it were in the register before an import.
    static func lastID(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM member") ?? 0
    }
}
