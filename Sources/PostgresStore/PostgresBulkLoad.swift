/// The derived tables a copy onto PostgreSQL fills once, at the end of its load, instead of
/// through their triggers row by row (docs/ARCHITECTURE.md#the-schema-on-two-engines).
///
/// Each inserted membership event and member fired a trigger that rebuilt the member's
/// `member_state` row and name words: about a millisecond a row, so a million members took
/// the better part of an hour. For the load those triggers are disabled, inside the copy's
/// transaction (the owner runs a copy; nobody else sees the new register until it commits,
/// and a failed copy rolls the change back with everything else), then the tables are
/// filled in one statement each, exactly as schema.postgres.sql's migrations fill them from
/// the rows already there, and the triggers are enabled again before the commit.
enum PostgresBulkLoad {
    /// The triggers off during the load, by table: only those an INSERT fires, the only
    /// statement a copy runs.
    static let suspended = [("membership_event", "member_state_event_insert"), ("member", "member_word_insert"),
                            ("member_state", "report_member_state_insert")]

    /// The tables those triggers keep, filled from the copied rows: the statements of
    /// migrations 9 (`member_state`), 15 (`member_word`, `name_word`) and 16
    /// (`report_member`, from `member_state` once it is filled).
    static let fill = [
        "DELETE FROM member_state",
        """
        INSERT INTO member_state (member_id, event_id, kind, on_date, unit_id)
        SELECT DISTINCT ON (e.member_id) e.member_id, e.id, e.kind, e.on_date, e.unit_id FROM membership_event e
        ORDER BY e.member_id, e.on_date DESC, e.id DESC
        """,
        "DELETE FROM member_word",
        "DELETE FROM name_word",
        """
        INSERT INTO member_word (word, member_id, search_name)
        SELECT DISTINCT w, m.id, m.search_name FROM member m, unnest(string_to_array(m.search_name, ' ')) w WHERE w <> ''
        """,
        "INSERT INTO name_word (word, members) SELECT word, count(*) FROM member_word GROUP BY word",
        "DELETE FROM report_member",
        "INSERT INTO report_member (member_id, unit_id, state, profile, religion) SELECT * FROM report_member_derived",
    ]

    /// Runs `load` with the triggers off, then fills their tables and turns them on again.
    static func around<T>(_ session: PostgresSession, _ load: () throws -> T) throws -> T {
        for (table, trigger) in suspended { try session.execute("ALTER TABLE \(table) DISABLE TRIGGER \(trigger)") }
        let result = try load()
        for statement in fill { try session.execute(statement) }
        // The load's deferred foreign-key checks are run now rather than at the commit:
        // PostgreSQL alters no table with checks pending, and they would run anyway.
        try session.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for (table, trigger) in suspended { try session.execute("ALTER TABLE \(table) ENABLE TRIGGER \(trigger)") }
        return result
    }
}
