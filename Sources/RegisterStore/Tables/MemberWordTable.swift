/// The word index of the folded names (migration 15): `member_word`, one row per member and
/// distinct word of its `search_name` with the name beside it, and `name_word`, each word
/// with the number of members having it. The triggers of schema.sql keep both in step with
/// `member`; this type holds the SQL that reads them, builds them in bulk after an import
/// and compares them with a rebuild for `check`.
enum MemberWordTable {
    /// The words of a folded name in `column`, as rows whose `value` is a word (or '' for an
    /// empty name): the same split as the triggers' (schema.sql's `json_each`,
    /// schema.postgres.sql's `string_to_array`).
    static func words(of column: String, _ dialect: SQLDialect = .sqlite) -> String {
        switch dialect {
        case .sqlite: return "json_each('[' || replace(json_quote(\(column)), ' ', '\",\"') || ']')"
        case .postgres: return "unnest(string_to_array(\(column), ' ')) AS j(value)"
        }
    }

    /// Every (word, member, folded name) row the members with an id above `:after` imply,
    /// in the table's key order. Grouped by word and member rather than `DISTINCT` (the
    /// folded name follows from the member): SQLite then sorts the rows once, where
    /// `DISTINCT … ORDER BY` built a temporary index of them and sorted them again, half of
    /// the word index's build after a million-row import (BENCHMARKS.md, issue 10).
    private static func derivedRows(_ dialect: SQLDialect) -> String {
        """
        SELECT j.value AS word, m.id AS member_id, m.search_name AS search_name
        FROM member m, \(words(of: "m.search_name", dialect))\(dialect == .sqlite ? " j" : "")
        WHERE m.id > :after AND j.value <> ''
        GROUP BY 1, 2
        """
    }

    /// Adds the rows of the members with an id above `memberID` (those of a bulk import,
    /// whose insert trigger was dropped while it ran), sorted as the table is, and their
    /// words' counts. When the register had no members before (`memberID` 0), every row of
    /// `member_word` is a new one, and the counts are read from it in its key order instead
    /// of splitting every name a second time.
    static func index(membersAfter memberID: Int64, in db: any SQLConnection) throws {
        let rows = derivedRows(db.dialect), arguments = SQLArguments.named(["after": .integer(memberID)])
        try db.execute("INSERT INTO member_word (word, member_id, search_name) \(rows) ORDER BY 1, 2", arguments)
        let newRows = memberID == 0 ? "SELECT word FROM member_word" : "SELECT word FROM (\(rows)) AS derived"
        try db.execute("""
            INSERT INTO name_word (word, members)
            SELECT word, COUNT(*) FROM (\(newRows)) AS new_words WHERE true GROUP BY word
            ON CONFLICT (word) DO UPDATE SET members = name_word.members + excluded.members
            """, memberID == 0 ? .none : arguments)
    }

    /// How many rows of the two tables differ from a rebuild from `member` (`check`).
    static func wrongRows(in db: any SQLConnection) throws -> Int {
        let wrong = try db.row("""
            WITH derived AS (\(derivedRows(db.dialect))),
                 counts AS (SELECT word, COUNT(*) AS members FROM derived GROUP BY word)
            SELECT (SELECT COUNT(*) FROM (SELECT * FROM derived EXCEPT SELECT word, member_id, search_name FROM member_word) AS a)
                 + (SELECT COUNT(*) FROM (SELECT word, member_id, search_name FROM member_word EXCEPT SELECT * FROM derived) AS b)
                 + (SELECT COUNT(*) FROM (SELECT * FROM counts EXCEPT SELECT word, members FROM name_word) AS c)
                 + (SELECT COUNT(*) FROM (SELECT word, members FROM name_word EXCEPT SELECT * FROM counts) AS d) AS wrong
            """, ["after": 0])
        return Int(try wrong?.integer("wrong") ?? 0)
    }

    /// How many members have a word containing `part` (LIKE, so as `member list` matches).
    static func members(withWordContaining part: String, in db: any SQLConnection) throws -> Int {
        try db.storedRows("SELECT COALESCE(SUM(members), 0) AS members FROM name_word WHERE word LIKE ? ESCAPE '\\'",
                          [likeContaining(part)]) { Int(try $0.integer("members")) }.first ?? 0
    }

    /// A condition on `m.id` that holds for the members whose folded name contains every
    /// one of `words` or whose code equals one of them: the members having a word that
    /// contains `words[driver]` are one range of `member_word` per such word, and the other
    /// words are checked on the name stored in those rows, so `member` is read only for the
    /// rows that pass. The code's members are a second set joined to the first by UNION, an
    /// index seek each (`member_code_nocase`): written as `OR` beside the `IN`, PostgreSQL's
    /// planner could use neither index and read every member (BENCHMARKS.md, issue 20).
    static func candidates(_ words: [String], driver: Int, dialect: SQLDialect) -> (condition: String, arguments: [String: SQLValue]) {
        var arguments: [String: SQLValue] = ["driver": .text(likeContaining(words[driver]))]
        var nameConditions = ""
        for (index, word) in words.enumerated() where index != driver {
            nameConditions += " AND w.search_name LIKE :sn\(index) ESCAPE '\\'"
            arguments["sn\(index)"] = .text(likeContaining(word))
        }
        for (index, word) in words.enumerated() { arguments["sc\(index)"] = .text(word) }
        let codes = words.indices.map { ":sc\($0)" }.joined(separator: ", ")
        return ("""
            m.id IN (SELECT w.member_id FROM member_word w
                     WHERE w.word IN (SELECT word FROM name_word WHERE word LIKE :driver ESCAPE '\\')\(nameConditions)
                     UNION SELECT c.id FROM member c WHERE \(dialect.caseless("c.code")) IN (\(codes)))
            """, arguments)
    }

    /// The LIKE pattern of a text containing `part`, its wildcards escaped with `\`.
    static func likeContaining(_ part: String) -> String {
        "%" + part.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
