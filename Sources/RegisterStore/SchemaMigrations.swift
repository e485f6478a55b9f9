import GRDB

/// The migrations of `schema.sql`, one per `-- migration: N name` section.
///
/// The file is embedded at build time (`EmbeddedSchema.sql`), so the store applies exactly
/// what the repository's schema.sql says; GRDB's migrator records each applied section in
/// the register file, so a register made by an older sodoan migrates forward on open.
/// The sections are public for the PostgreSQL side (schema.postgres.sql), which has the
/// same ones.
public enum SchemaMigrations {
    public struct Section: Equatable, Sendable {
        /// "1 register": the number and the name, as recorded in grdb_migrations.
        public var identifier: String
        public var sql: String
    }

    /// The sections of a schema text, in order. SQL before the first marker is the file's
    /// header comment and belongs to no migration.
    /// The text is cut at its newline bytes rather than its characters: every command opens
    /// a register and so reads the whole schema, and splitting 50 kB by grapheme cluster was
    /// a tenth of a short command's time.
    public static func sections(of schema: String) -> [Section] {
        var sections: [Section] = []
        let marker = "-- migration: ".utf8
        for bytes in schema.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if bytes.starts(with: marker), let digit = bytes.dropFirst(marker.count).first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) {
                let identifier = String(decoding: bytes.dropFirst(marker.count), as: UTF8.self)
                sections.append(Section(identifier: identifier.trimmingCharacters(in: .whitespaces), sql: ""))
            } else if !sections.isEmpty {
                sections[sections.count - 1].sql += String(decoding: bytes, as: UTF8.self) + "\n"
            }
        }
        return sections
    }

    /// The embedded schema's sections, parsed once per process.
    static let embeddedSections = sections(of: EmbeddedSchema.sql)

    /// What a migration needs beyond its SQL, run in the same transaction right after it:
    /// migration 5 chains the audit rows written before it (SQL has no SHA-256), migration
    /// 12 turns the free-text offices into dated ones (SQL cannot read a role in a text).
    static let followUps: [String: @Sendable (Database) throws -> Void] = [
        "5 audit chain and register identity": AuditChain.sealExisting(in:),
        "12 union book": OfficeMigration.moveFreeTextOffices(in:),
    ]

    /// A migrator for the embedded schema, optionally stopping after section `last`
    /// (tests use it to make a register as an older version left it).
    static func migrator(upTo last: String? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for section in embeddedSections {
            migrator.registerMigration(section.identifier) { db in
                try db.execute(sql: section.sql)
                try followUps[section.identifier]?(db)
            }
            if section.identifier == last { break }
        }
        return migrator
    }

    /// The identifiers of every section, for tests and `check`.
    public static var identifiers: [String] { embeddedSections.map(\.identifier) }
}
