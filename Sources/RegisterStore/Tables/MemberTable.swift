import Foundation
import GRDB
import UnionRegister

/// Reads and writes rows of `member`: a member's identity and contact facts.
enum MemberTable {
    static let columns = """
        m.id, m.code, m.full_name, m.birth_date, m.gender, m.education, m.id_number, m.phone,
        m.email, m.workplace, m.joined_on, m.party_joined_on, m.ethnicity, m.religion, m.qualification,
        m.theory_level, m.central_id
        """

    static func member(from row: some StoredRow) throws -> Member {
        Member(code: try row.text("code"), fullName: try row.text("full_name"), birthDate: try StoredValue.day(row, "birth_date"),
               gender: try StoredValue.code(row, "gender"), education: try StoredValue.code(row, "education"),
               idNumber: try row.optionalText("id_number"), phone: try row.optionalText("phone"), email: try row.optionalText("email"),
               workplace: try row.optionalText("workplace"), joinedOn: try StoredValue.day(row, "joined_on"),
               partyJoinedOn: try StoredValue.optionalDay(row, "party_joined_on"),
               ethnicity: try StoredValue.optionalEthnicity(row, "ethnicity"),
               religion: try row.optionalText("religion").flatMap(Religion.init(parsing:)),
               qualification: try row.optionalText("qualification"), enteredTheory: try StoredValue.optionalCode(row, "theory_level"),
               centralID: try row.optionalText("central_id"))
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

    /// The stored columns of `member`, in the order of `insert` and `update`. Built as
    /// `SQLValue`s and turned into GRDB's arguments once, as many conversions as the literal
    /// of GRDB's values this replaced: `import members` writes every row through it.
    static func arguments(for member: Member, keys: NameKeys? = nil) -> [SQLValue] {
        let keys = keys ?? NameKeys(member.fullName)
        let values: [any SQLValueConvertible] = [member.code, member.fullName, keys.search, keys.sort, member.birthDate.description,
         member.gender.rawValue, member.education.rawValue, member.idNumber, member.phone,
         member.email, member.workplace, member.joinedOn.description,
         member.partyJoinedOn?.description, member.ethnicity?.code, member.religion?.stored, member.qualification,
         member.enteredTheory?.rawValue, member.centralID]
        return values.map(\.sqlValue)
    }

    @discardableResult
    static func insert(_ member: Member, keys: NameKeys? = nil, in db: any SQLConnection) throws -> Int64 {
        // Cached on a file (as every `SQLConnection` statement is): `import members` inserts
        // a million rows through this one statement.
        try db.insert("""
            INSERT INTO member (code, full_name, search_name, sort_key, birth_date, gender, education,
                                id_number, phone, email, workplace, joined_on, party_joined_on,
                                ethnicity, religion, qualification, theory_level, central_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, .positional(arguments(for: member, keys: keys)))
    }

    static func update(id: Int64, to member: Member, in db: any SQLConnection) throws {
        try db.execute("""
            UPDATE member SET code = ?, full_name = ?, search_name = ?, sort_key = ?, birth_date = ?,
                gender = ?, education = ?, id_number = ?, phone = ?, email = ?, workplace = ?,
                joined_on = ?, party_joined_on = ?, ethnicity = ?, religion = ?, qualification = ?,
                theory_level = ?, central_id = ?
            WHERE id = ?
            """, .positional(arguments(for: member) + [.integer(id)]))
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
    static func find(_ code: String, in db: any SQLConnection) throws -> (id: Int64, member: Member) {
        guard let found = try db.storedRows("SELECT \(columns) FROM member m WHERE m.code = ?", [code], {
            (id: try $0.integer("id"), member: try member(from: $0))
        }).first else {
            throw RegisterError.unknownMember(code)
        }
        return found
    }
}

extension MemberTable {
    /// One more than the highest row id: where automatic member codes start looking.
    static func nextID(in db: any SQLConnection) throws -> Int {
        guard case .integer(let next)? = try db.value("SELECT COALESCE(MAX(id), 0) + 1 FROM member") else { return 1 }
        return Int(next)
    }

    static func exists(code: String, in db: any SQLConnection) throws -> Bool {
        try db.row("SELECT 1 FROM member WHERE code = ?", [code]) != nil
    }

    /// The member other than `exceptID` who has this code.
    static func holder(ofCode code: String, exceptID: Int64?, in db: any SQLConnection) throws -> (code: String, fullName: String)? {
        try holder(where: "code", is: code, exceptID: exceptID, in: db)
    }

    /// The member other than `exceptID` who has this national ID number.
    static func holder(ofIDNumber idNumber: String, exceptID: Int64?, in db: any SQLConnection) throws -> (code: String, fullName: String)? {
        try holder(where: "id_number", is: idNumber, exceptID: exceptID, in: db)
    }

    /// The member other than `exceptID` who has this Central Union identifier.
    static func holder(ofCentralID centralID: String, exceptID: Int64?, in db: any SQLConnection) throws -> (code: String, fullName: String)? {
        try holder(where: "central_id", is: centralID, exceptID: exceptID, in: db)
    }

    /// `IS DISTINCT FROM` (SQLite's `IS NOT`, which PostgreSQL does not read) lets a NULL
    /// `exceptID` exclude nobody.
    private static func holder(where column: String, is value: String, exceptID: Int64?,
                               in db: any SQLConnection) throws -> (code: String, fullName: String)? {
        try db.row("SELECT code, full_name FROM member WHERE \(column) = ? AND id IS DISTINCT FROM ?", [value, exceptID])
            .map { (try $0.text("code"), try $0.text("full_name")) }
    }

    /// A member already in the register (row id up to `lastID`) with this folded name and
    /// birth date: a likely duplicate of a person an import adds under a new code.
    static func namesake(searchName: String, birthDate: Day, upToID lastID: Int64, in db: any SQLConnection) throws -> String? {
        try db.row("SELECT code FROM member WHERE search_name = ? AND birth_date = ? AND id <= ? LIMIT 1",
                   [searchName, birthDate.description, lastID]).map { try $0.text("code") }
    }

    /// The highest row id: members up to it were in the register before an import.
    static func lastID(in db: any SQLConnection) throws -> Int64 {
        try db.row("SELECT COALESCE(MAX(id), 0) AS id FROM member").map { try $0.integer("id") } ?? 0
    }
}
