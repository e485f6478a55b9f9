import GRDB

/// Which of a register's tables `sodoan copy` carries (docs/CLI.md#register): every table of the
/// schema, the audit log and the accounts included, with every column, read from the
/// register's own schema so that a table a later migration adds is carried without a list
/// to keep. Left out:
/// - grdb_migrations: each engine records the migrations applied to it;
/// - the derived tables, rebuilt on the target (by the schema's triggers as the rows arrive
///   on a file, in one statement each after the load on PostgreSQL): the name words
///   (name_word, member_word), member_state and report_member;
/// - account_session: a copy opens no session of the register's server elsewhere.
///
/// content_version comes last, so the triggers the other rows fire on the target move no
/// counter: it arrives as the source has it.
public enum CopiedTables {
    static let derived = ["member_state", "name_word", "member_word", "report_member"]
    static let notCarried = ["grdb_migrations", "account_session"]
    /// Rows a new register's migrations write (the counter, the dues start, the 2011 rates):
    /// the source's take their place, on either engine.
    public static let seeded = ["content_version", "dues_start", "dues_rate"]

    static func all(in db: Database) throws -> [CopiedTable] {
        let names = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT GLOB 'sqlite_*'
            ORDER BY name = 'content_version', name
            """)
        return try names.filter { name in
            !notCarried.contains(name) && !derived.contains(name)
        }.map { name in
            CopiedTable(name: name, columns: try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [name]))
        }
    }
}

extension CopiedTable {
    /// What a copy carries of one of this table's rows: content_version's kept fingerprint
    /// is the source's cache, not content, so the target computes its own.
    public func carried(_ row: [CopyCell]) -> [CopyCell] {
        guard name == "content_version" else { return row }
        return zip(columns, row).map { column, cell in
            column == "fingerprint" || column == "fingerprint_version" ? .null : cell
        }
    }
}
