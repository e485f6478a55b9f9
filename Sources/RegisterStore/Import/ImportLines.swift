/// The line of the file each member row an import wrote or matched came from, kept in a
/// temporary table of the import's own connection, so that a later row with the same code
/// or national ID can be told which line it repeats without the import holding every code
/// and ID number of the file in memory (two dictionaries of them grew with the file: at
/// 6,500,000 rows the import peaked at 984 MB). The member
/// table's UNIQUE indexes find the repeat; this table names the earlier line. It lives in
/// the engine's temporary space (SQLite's temporary database, on disk beyond a small
/// cache; PostgreSQL's session schema `pg_temp`, on the server), so memory stays flat
/// however long the file is; it is created inside the import's transaction and goes with
/// it. Its key is called `id` (it is the member's id) so that a row goes in through
/// `SQLConnection.insert`, the fast path of a file's import and PostgreSQL's `RETURNING id`.
enum ImportLines {
    /// Empties (or creates) the table for a new import.
    static func start(in db: any SQLConnection) throws {
        try db.execute("CREATE TEMP TABLE IF NOT EXISTS import_line (id \(db.dialect.rowIDKey), line INTEGER NOT NULL)"
                       + db.dialect.droppedAtTransactionEnd, .none)
        try db.execute(statements(db).empty, .none)
    }

    /// Row `line` of the file wrote or matched member `memberID`.
    static func record(memberID: Int64, line: Int, in db: any SQLConnection) throws {
        _ = try db.insert(statements(db).record, [memberID, line])
    }

    /// The line of the file that wrote or matched member `memberID`, if one did.
    static func line(ofMemberID memberID: Int64, in db: any SQLConnection) throws -> Int? {
        try line(db, statements(db).lineOfMemberID, [memberID])
    }

    /// The line of the file that wrote the member who has this code, if one did.
    static func line(ofCode code: String, in db: any SQLConnection) throws -> Int? {
        try line(db, statements(db).lineOfCode, [code])
    }

    /// The line of the file that wrote or matched the member who has this national ID, if one did.
    static func line(ofIDNumber idNumber: String, in db: any SQLConnection) throws -> Int? {
        try line(db, statements(db).lineOfIDNumber, [idNumber])
    }

    /// Drops the table once the import is done with it.
    static func end(in db: any SQLConnection) throws {
        try db.execute(statements(db).drop, .none)
    }

    /// The table's statements, with its name in the connection's temporary schema (so that
    /// no table of the register by the same name is ever meant), written once per dialect:
    /// `record` runs for every row of a large file.
    private struct Statements {
        let empty, record, lineOfMemberID, lineOfCode, lineOfIDNumber, drop: String

        init(_ dialect: SQLDialect) {
            let table = dialect.temporarySchema + ".import_line"
            empty = "DELETE FROM \(table)"
            record = "INSERT INTO \(table) (id, line) VALUES (?, ?)"
            lineOfMemberID = "SELECT line FROM \(table) WHERE id = ?"
            lineOfCode = "SELECT l.line FROM member m JOIN \(table) l ON l.id = m.id WHERE m.code = ?"
            lineOfIDNumber = "SELECT l.line FROM member m JOIN \(table) l ON l.id = m.id WHERE m.id_number = ?"
            drop = "DROP TABLE \(table)"
        }
    }

    private static let onFile = Statements(.sqlite), onPostgres = Statements(.postgres)

    private static func statements(_ db: any SQLConnection) -> Statements {
        db.dialect == .sqlite ? onFile : onPostgres
    }

    private static func line(_ db: any SQLConnection, _ sql: String, _ arguments: SQLArguments) throws -> Int? {
        try db.row(sql, arguments).map { Int(try $0.integer("line")) }
    }
}
