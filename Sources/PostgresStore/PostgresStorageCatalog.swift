import RegisterStore
import UnionRegister

/// `check`'s questions to PostgreSQL's catalog (docs/ARCHITECTURE.md#check-on-two-engines):
/// the schema compared with a reference made by this sodoan's migrations, and the foreign
/// keys no row answers, which SQLite's `sqlite_master` and `foreign_key_check` answer on a
/// file.
extension PostgresSQLConnection: StorageCatalog {
    /// The schema in which `check` builds its reference; it lives only inside the check's
    /// transaction, which is always rolled back.
    static let referenceSchema = "sodoan_check_reference"

    /// The register's objects, then the same migrations applied in an empty schema of the
    /// same transaction, read the same way. The caller's transaction must be a write that
    /// rolls back (`Register.check` asks for one): DDL is transactional in PostgreSQL, so
    /// nothing of the reference is ever committed. `SET LOCAL` ends with it too.
    func schemaObjects() throws -> (actual: [SchemaObject], expected: [SchemaObject]) {
        let actual = try objects()
        let path = try rows("SELECT current_setting('search_path') AS path", .none).first?["path"]
        try session.execute("CREATE SCHEMA \(Self.referenceSchema); SET LOCAL search_path TO \(Self.referenceSchema)")
        for section in PostgresMigrations.sections { try session.execute(section.sql) }
        let expected = try objects()
        // The rest of the transaction reads the register again.
        if case .text(let path)? = path { try execute("SELECT set_config('search_path', ?, true)", [path]) }
        return (actual, expected)
    }

    /// The tables (columns with their types, nullability, collation, default and identity,
    /// then every constraint), indexes, triggers (a disabled one says so) and functions of
    /// the current schema, each definition with that schema's name taken out so that the
    /// register's and the reference's compare. `grdb_migrations` is the migrations' record
    /// (`PostgresMigrations`), not one of theirs.
    private func objects() throws -> [SchemaObject] {
        let own = "c.relnamespace = current_schema()::regnamespace"
        let rows = try rows("""
            SELECT 'table' AS type, c.relname::text AS name,
                   (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                                      || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                                      || COALESCE(' COLLATE ' || co.collname, '')
                                      || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                                      || CASE WHEN a.attidentity <> '' THEN ' IDENTITY' ELSE '' END, ', ' ORDER BY a.attnum)
                    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
                    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
                   || '; ' || COALESCE((SELECT string_agg(k.conname || ' ' || pg_get_constraintdef(k.oid), ', ' ORDER BY k.conname)
                                        FROM pg_constraint k WHERE k.conrelid = c.oid), '') AS definition
            FROM pg_class c WHERE \(own) AND c.relkind = 'r' AND c.relname <> 'grdb_migrations'
            UNION ALL
            SELECT 'index', c.relname::text, pg_get_indexdef(c.oid)
            FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid JOIN pg_class t ON t.oid = i.indrelid
            WHERE \(own) AND t.relname <> 'grdb_migrations'
            UNION ALL
            SELECT 'trigger', g.tgname::text, pg_get_triggerdef(g.oid) || CASE WHEN g.tgenabled = 'D' THEN ' DISABLED' ELSE '' END
            FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE \(own) AND NOT g.tgisinternal
            UNION ALL
            SELECT 'function', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.prosrc
            FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
            """, .none)
        let schema = try self.rows("SELECT current_schema()::text AS name", .none).first?["name"]
        let prefix = if case .text(let name)? = schema { name + "." } else { "" }
        return rows.map { row in
            func text(_ column: String) -> String? { if case .text(let text) = row[column] { text } else { nil } }
            return SchemaObject(type: text("type") ?? "", name: text("name") ?? "",
                                definition: text("definition")?.replacingOccurrences(of: prefix, with: ""))
        }
    }

    /// The rows a CHECK constraint of the current schema refuses, one finding per row (for
    /// the first constraint by name it fails) as SQLite's `integrity_check` gives them: PostgreSQL enforces its
    /// constraints, but a superuser can write past them (the catalog's `relchecks`, or a
    /// constraint dropped and added back `NOT VALID`). PostgreSQL's pages and indexes are
    /// the server's to check (data checksums, `pg_amcheck`): SQL reaches them only through
    /// the `amcheck` extension, which `check` does not install.
    func integrityFindings() throws -> [Finding] {
        var findings: [Finding] = []
        var found: Set<String> = []
        for constraint in try rows("""
            SELECT t.relname::text AS tab, k.conname::text AS name, pg_get_expr(k.conbin, k.conrelid) AS expression,
                   EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = t.oid AND i.attname = 'id' AND NOT i.attisdropped) AS has_id
            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
            WHERE k.contype = 'c' AND k.connamespace = current_schema()::regnamespace
            ORDER BY t.relname, k.conname
            """, .none) {
            guard case .text(let table) = constraint["tab"], case .text(let name) = constraint["name"],
                  case .text(let expression) = constraint["expression"] else { continue }
            let id = constraint["has_id"] == .integer(1) ? "id" : "NULL::bigint"
            for row in try rows("SELECT \(id) AS id FROM \"\(table)\" WHERE NOT (\(expression)) ORDER BY 1", .none) {
                let rowID: Int64? = if case .integer(let number) = row["id"] { number } else { nil }
                if let rowID, !found.insert("\(table) \(rowID)").inserted { continue }
                findings.append(Finding(.error, code: "postgres-integrity", subject: "register", Text(
                    vi: "PostgreSQL: bảng \(table)\(rowID.map { ", dòng \($0)" } ?? "") không thỏa ràng buộc CHECK \(name).",
                    en: "PostgreSQL: table \(table)\(rowID.map { ", row \($0)" } ?? "") fails its CHECK constraint \(name).")))
            }
        }
        return findings
    }

    /// Each foreign key of the current schema's tables (all on one column), and the rows
    /// whose value names no row of the table it refers to: PostgreSQL enforces them, but
    /// `session_replication_role = replica` or a disabled trigger lets a row through behind
    /// sodoan's back. A row is named by its `id`, SQLite's row id, where the table has one.
    func foreignKeyViolations() throws -> [ForeignKeyViolation] {
        let keys = try rows("""
            SELECT t.relname::text AS child, p.relname::text AS parent, a.attname::text AS child_column, pa.attname::text AS parent_column,
                   EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = t.oid AND i.attname = 'id' AND NOT i.attisdropped) AS has_id
            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1]
            WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace
            ORDER BY t.relname, k.conname
            """, .none)
        var violations: [ForeignKeyViolation] = []
        for key in keys {
            guard case .text(let child) = key["child"], case .text(let parent) = key["parent"],
                  case .text(let column) = key["child_column"], case .text(let parentColumn) = key["parent_column"] else { continue }
            let id = key["has_id"] == .integer(1) ? "c.id" : "NULL::bigint"
            for row in try rows("""
                SELECT \(id) AS id FROM "\(child)" c
                WHERE c."\(column)" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "\(parent)" p WHERE p."\(parentColumn)" = c."\(column)")
                ORDER BY 1
                """, .none) {
                let rowID: Int64? = if case .integer(let number) = row["id"] { number } else { nil }
                violations.append(ForeignKeyViolation(table: child, rowID: rowID, parent: parent))
            }
        }
        return violations
    }
}
