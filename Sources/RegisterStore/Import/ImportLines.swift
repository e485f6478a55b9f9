import GRDB

/// The line of the file each member row an import wrote or matched came from, kept in a
/// temporary table of the import's own connection, so that a later row with the same code
/// or national ID can be told which line it repeats without the import holding every code
/// and ID number of the file in memory (two dictionaries of them grew with the file: at
/// 6,500,000 rows the import peaked at 984 MB). The member
/// table's UNIQUE indexes find the repeat; this table names the earlier line. It lives in
/// SQLite's temporary database, on disk beyond a small cache, so memory stays flat however
/// long the file is; it is created inside the import's transaction and goes with it.
enum ImportLines {
    /// Empties (or creates) the table for a new import.
    static func start(in db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS import_line (member_id INTEGER PRIMARY KEY, line INTEGER NOT NULL);
            DELETE FROM temp.import_line;
            """)
    }

    /// Row `line` of the file wrote or matched member `memberID`.
    static func record(memberID: Int64, line: Int, in db: Database) throws {
        _ = try db.insert("INSERT INTO temp.import_line (member_id, line) VALUES (?, ?)", [memberID, line])
    }

    /// The line of the file that wrote or matched member `memberID`, if one did.
    static func line(ofMemberID memberID: Int64, in db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT line FROM temp.import_line WHERE member_id = ?"), arguments: [memberID])
    }

    /// The line of the file that wrote the member who has this code, if one did.
    static func line(ofCode code: String, in db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT l.line FROM member m JOIN temp.import_line l ON l.member_id = m.id WHERE m.code = ?
            """), arguments: [code])
    }

    /// The line of the file that wrote or matched the member who has this national ID, if one did.
    static func line(ofIDNumber idNumber: String, in db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT l.line FROM member m JOIN temp.import_line l ON l.member_id = m.id WHERE m.id_number = ?
            """), arguments: [idNumber])
    }

    /// Drops the table once the import is done with it.
    static func end(in db: Database) throws {
        try db.execute(sql: "DROP TABLE temp.import_line")
    }
}
