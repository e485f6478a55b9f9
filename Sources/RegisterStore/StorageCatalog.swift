import GRDB
import UnionRegister

/// One object of a register's schema (a table, an index, a trigger, a function) and its
/// definition as the engine keeps it, which `check` compares with what this sodoan's
/// migrations make.
public struct SchemaObject: Sendable, Equatable {
    public var type: String
    public var name: String
    public var definition: String?

    public init(type: String, name: String, definition: String?) {
        self.type = type
        self.name = name
        self.definition = definition
    }
}

/// A row whose foreign key names no row: its table, its row id (where the table has one)
/// and the table it refers to, as SQLite's `PRAGMA foreign_key_check` lists it.
public struct ForeignKeyViolation: Sendable, Equatable {
    public var table: String
    public var rowID: Int64?
    public var parent: String

    public init(table: String, rowID: Int64?, parent: String) {
        self.table = table
        self.rowID = rowID
        self.parent = parent
    }
}

/// What `check` asks of the engine beside the rows it reads through `SQLConnection`: its own
/// check of what it stores, the schema as stored and as the migrations make it, and the
/// foreign keys no row answers. A file answers from SQLite's `integrity_check`,
/// `sqlite_master` and `foreign_key_check`; PostgreSQL from its catalog (PostgresStore),
/// docs/ARCHITECTURE.md#check-on-two-engines.
public protocol StorageCatalog {
    /// What the engine finds wrong in what it stores (SQLite: its pages, indexes and the
    /// rows its CHECK constraints refuse; PostgreSQL: the rows its CHECK constraints refuse).
    func integrityFindings() throws -> [Finding]

    /// The register's schema objects, and those this sodoan's migrations make.
    func schemaObjects() throws -> (actual: [SchemaObject], expected: [SchemaObject])

    /// Every row whose foreign key names a row that is not there.
    func foreignKeyViolations() throws -> [ForeignKeyViolation]
}

extension Database: StorageCatalog {
    public func integrityFindings() throws -> [Finding] {
        try String.fetchAll(self, sql: "PRAGMA integrity_check").filter { $0 != "ok" }.map { problem in
            Finding(.error, code: "sqlite-integrity", subject: "register", Text(vi: "SQLite: \(problem)", en: "SQLite: \(problem)"))
        }
    }

    /// `sqlite_master` of the file and of a new in-memory register migrated by this sodoan.
    public func schemaObjects() throws -> (actual: [SchemaObject], expected: [SchemaObject]) {
        let reference = try DatabaseQueue()
        try SchemaMigrations.migrator().migrate(reference)
        func objects(_ db: Database) throws -> [SchemaObject] {
            try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").map {
                SchemaObject(type: $0["type"], name: $0["name"], definition: $0["sql"])
            }
        }
        return (try objects(self), try reference.read(objects))
    }

    public func foreignKeyViolations() throws -> [ForeignKeyViolation] {
        try Row.fetchAll(self, sql: "PRAGMA foreign_key_check").map { ForeignKeyViolation(table: $0[0], rowID: $0[1], parent: $0[2]) }
    }
}

/// The findings of `check` about the storage (`StorageCatalog`), worded alike for both engines.
enum StorageFindings {
    /// A changed, missing or added schema object: a dropped trigger (the audit log's, the
    /// content version's) or a changed table is damage.
    static func schema(actual: [SchemaObject], expected: [SchemaObject]) -> [Finding] {
        func byName(_ objects: [SchemaObject]) -> [String: SchemaObject] {
            Dictionary(objects.map { ("\($0.type) \($0.name)", $0) }, uniquingKeysWith: { first, _ in first })
        }
        let expected = byName(expected), actual = byName(actual)
        var findings: [Finding] = []
        func changed(_ message: Text) { findings.append(Finding(.error, code: "schema-changed", subject: "register", message)) }
        for (key, object) in expected.sorted(by: { ($0.value.name, $0.value.type) < ($1.value.name, $1.value.type) }) {
            if let found = actual[key] {
                if found.definition != object.definition {
                    changed(Text(vi: "\(object.type) \(object.name) đã bị sửa khác với lược đồ của sodoan.",
                                 en: "The \(object.type) \(object.name) differs from sodoan's schema."))
                }
            } else {
                changed(Text(vi: "Thiếu \(object.type) \(object.name) (đã bị xóa ngoài sodoan).",
                             en: "The \(object.type) \(object.name) is missing (dropped behind sodoan's back)."))
            }
        }
        for (key, object) in actual.sorted(by: { ($0.value.name, $0.value.type) < ($1.value.name, $1.value.type) }) where expected[key] == nil {
            changed(Text(vi: "Có \(object.type) \(object.name) không do sodoan tạo.", en: "There is a \(object.type) \(object.name) that sodoan did not make."))
        }
        return findings
    }

    static func foreignKeys(_ violations: [ForeignKeyViolation]) -> [Finding] {
        violations.map { violation in
            let row = violation.rowID.map(String.init) ?? "?"
            return Finding(.error, code: "foreign-key", subject: "register", Text(
                vi: "Bảng \(violation.table), dòng \(row): tham chiếu tới \(violation.parent) không tồn tại.",
                en: "Table \(violation.table), row \(row): reference to a missing \(violation.parent)."))
        }
    }
}
