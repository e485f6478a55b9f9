import GRDB

/// The content version of migration 4: a counter every change to the hashed content moves
/// on (triggers), and the fingerprint kept for one version of it.
enum ContentVersion {
    /// The fingerprint of the content `db` sees: the one kept for the current version
    /// when there is one, else computed now. `computedFor` is the version a freshly
    /// computed fingerprint belongs to (nil when it was kept), for `Register.keep`.
    static func fingerprint(in db: any SQLConnection) throws -> (fingerprint: String, computedFor: Int64?) {
        guard let row = try db.storedRows("SELECT version, fingerprint, fingerprint_version FROM content_version", .none, {
            (version: try $0.integer("version"), kept: try $0.optionalText("fingerprint"), keptFor: try $0.optionalInteger("fingerprint_version"))
        }).first else {
            throw StoredValue.damaged("content_version.version", "")
        }
        if let kept = row.kept, row.keptFor == row.version { return (kept, nil) }
        return (try Fingerprint.compute(in: db), row.version)
    }

    /// Keeps `fingerprint` as that of content `version`, unless the content has moved on.
    static func keep(_ fingerprint: String, for version: Int64, in db: any SQLConnection) throws {
        try db.execute("UPDATE content_version SET fingerprint = ?, fingerprint_version = ? WHERE version = ?",
                       .positional([.text(fingerprint), .integer(version), .integer(version)]))
    }

    /// Runs `body` with the per-row triggers dropped, then puts them back and moves the
    /// counter once: a bulk import would otherwise fire one trigger per row it writes.
    /// Everything happens inside the caller's transaction, triggers included, so a failed
    /// or killed import leaves the triggers exactly as they were.
    ///
    /// On a file only: PostgreSQL's triggers run in the server, costing no round trip of
    /// their own, and dropping one needs the table's owner, which the server's role is not
    /// (`sodoan grant`); there they move the counter row by row, as for any other write.
    static func suspendingTriggers<T>(in connection: any SQLConnection, _ body: () throws -> T) throws -> T {
        guard let db = connection as? Database else { return try body() }
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'content_version_*'")
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger["name"] as String)") }
        let result = try body()
        for trigger in triggers { try db.execute(sql: trigger["sql"]) }
        try db.execute(sql: "UPDATE content_version SET version = version + 1")
        return result
    }
}

extension Register {
    /// The SHA-256 of the register's content (units, members without personal data,
    /// membership history, grades, trainings, discipline, referral steps), as 64 hex digits.
    ///
    /// The same content always gives the same fingerprint, however it was written; any
    /// change to it gives another. Reports print it so a figure read at a conference can be
    /// traced to exactly the register it came from; an export re-imported into an empty
    /// register gives the same fingerprint. It is computed only when the content has changed
    /// since the last time (see `ContentVersion`).
    public func fingerprint() throws -> String {
        let (fingerprint, computedFor) = try readSQL { db in try ContentVersion.fingerprint(in: db) }
        if let computedFor { keep(fingerprint, for: computedFor) }
        return fingerprint
    }

    /// Keeps a freshly computed fingerprint for its content version, unless the content
    /// has moved on meanwhile. Keeping it only saves time later, so a register that cannot
    /// be written (a read-only copy) just computes it again next time.
    func keep(_ fingerprint: String, for version: Int64) {
        switch storage {
        case .file(let database): try? database.write { db in try ContentVersion.keep(fingerprint, for: version, in: db) }
        case .engine(let engine): _ = try? engine.write { db in (try ContentVersion.keep(fingerprint, for: version, in: db), commit: true) }
        }
    }
}
