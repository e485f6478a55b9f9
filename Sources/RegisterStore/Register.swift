import Foundation
import GRDB
import UnionRegister

/// An open register file: the one SQLite database that holds a bloc's units, members and
/// their whole history.
///
/// Every write goes through `write(_:)`: one IMMEDIATE transaction (so two processes
/// writing at once queue up behind the busy timeout instead of failing) that also appends
/// one audit row. A thrown error rolls everything back, leaving the file as it was.
public final class Register: @unchecked Sendable {
    /// The file path, as given.
    public let path: String
    /// The command line that opened the register, recorded in the audit log.
    public let command: String
    /// Who writes through this handle, recorded in the audit log: the operating-system
    /// user for the command line, the account for a server request (`acting(as:command:)`).
    public let actor: String
    /// Where writes take the moment and today from.
    public let clock: RegisterClock
    /// What holds the register: a file or another engine.
    let storage: Storage

    /// A register file or the database of another engine (`RegisterEngine`).
    enum Storage {
        /// One connection for the command line (`DatabaseQueue`); for the server, a
        /// `DatabasePool`: one writer and several readers over the WAL, so requests read side
        /// by side and beside a write instead of queueing behind one connection. Writes are
        /// serialised either way (the pool's one writer, and SQLite's lock between processes).
        case file(any DatabaseWriter)
        case engine(any RegisterEngine)
    }

    /// The register file's connections, for the operations still written against GRDB;
    /// another engine's register refuses them.
    var database: any DatabaseWriter {
        get throws {
            guard case .file(let database) = storage else { throw RegisterError.fileOnly(path) }
            return database
        }
    }

    /// How long a write waits for another process's write to finish.
    public static let busyTimeout: TimeInterval = 30

    private init(path: String, command: String, actor: String, clock: RegisterClock, storage: Storage) {
        self.path = path
        self.command = command
        self.actor = actor
        self.clock = clock
        self.storage = storage
    }

    private convenience init(path: String, command: String, actor: String, clock: RegisterClock, database: any DatabaseWriter) {
        self.init(path: path, command: command, actor: actor, clock: clock, storage: .file(database))
    }

    /// The register `engine` holds, named `name` in messages (a URL without its password).
    /// The engine has checked its schema already.
    public convenience init(engine: any RegisterEngine, named name: String, command: String,
                            actor: String = operatingSystemUser, clock: RegisterClock = .system) {
        self.init(path: name, command: command, actor: actor, clock: clock, storage: .engine(engine))
    }

    /// The same open register, writing audit rows with another actor and command: the
    /// server opens the file once and writes each request as its account.
    public func acting(as actor: String, command: String) -> Register {
        Register(path: path, command: command, actor: actor, clock: clock, storage: storage)
    }

    /// The operating-system user running this process, the actor of command-line writes.
    public static var operatingSystemUser: String {
        if let entry = getpwuid(geteuid()) { return String(cString: entry.pointee.pw_name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        let trace = ProcessInfo.processInfo.environment[sqlTraceVariable].flatMap(FileHandle.init(forWritingAtPath:))
        config.prepareDatabase { db in
            VietnameseSQLFunctions.install(in: db)
            if let trace {
                trace.seekToEndOfFile()
                db.trace(options: .statement) { event in
                    // A trigger's statements run inside the statement that fired it.
                    guard case .statement(let statement) = event, !statement.sql.hasPrefix("--") else { return }
                    trace.write(Data((statement.expandedSQL + ";\n").utf8))
                }
            }
        }
        return config
    }

    /// The environment variable naming a file to which every SQL statement the register runs
    /// is appended, with its arguments written in: sodoan-bench replays a command's
    /// statements in the sqlite3 shell, so the baseline does exactly the SQL work the command
    /// does. The file must exist; unset (the normal case), nothing is traced. The trace
    /// holds the values bound to each statement, personal data included: it is written
    /// only where the one who set the variable asked.
    public static let sqlTraceVariable = "SODOAN_SQL_TRACE"

    /// Creates a new register file with its root bloc unit. Refuses if anything (a file, a
    /// directory, a symbolic link) is at `path`. The register is built under a temporary name
    /// in the same folder and linked into place only when complete (`NewFile`), so a killed
    /// `init` leaves no half-made register. The file is readable and writable by its owner
    /// only: it holds personal data.
    public static func create(at path: String, name: String, rootCode: String, openedOn: Day,
                              command: String, actor: String = operatingSystemUser,
                              clock: RegisterClock = .system) throws -> Register {
        let root = Unit(code: rootCode, name: VietnameseText.normalized(name), kind: .bloc, parentCode: nil, openedOn: openedOn)
        try UnitRules.validateNew(root, parent: nil, today: clock.read().today)
        try NewFile.write(to: path, what: Text(vi: "sổ", en: "register")) { temporary in
            let queue = try DatabaseQueue(path: temporary, configuration: configuration())
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try SchemaMigrations.migrator().migrate(queue)
            try NameSortKeyVersion.bringUpToDate(queue)
            let register = Register(path: temporary, command: command, actor: actor, clock: clock, database: queue)
            try register.write { tx in
                try RegisterInfoTable.insert(name: root.name, createdAt: tx.now, in: tx.db)
                // A new register keeps dues from the month it is created, by its own clock.
                try DuesTable.setKeptFrom(Month(tx.today), in: tx.db)
                try UnitTable.insert(root, parentID: nil, in: tx.db)
                return ((), AuditEntry(action: "register.init", unitCode: root.code, newValue: AuditEntry.json(root)))
            }
            try queue.close()
        }
        return try open(at: path, command: command, clock: clock)
    }

    /// Opens an existing register, migrating it forward (schema and stored name sort keys)
    /// if an older sodoan made it. Refuses, without writing anything, a file that is not a
    /// register (`RegisterFile`) or that a newer sodoan made. `concurrentReads` above 0 (the
    /// server: as many as it runs requests at once) opens a pool of that many reading
    /// connections beside the writing one; a file this user may not write is opened with
    /// one connection whatever is asked, since a pool's readers need the WAL's
    /// shared-memory file.
    public static func open(at path: String, command: String, actor: String = operatingSystemUser,
                            clock: RegisterClock = .system, concurrentReads: Int = 0) throws -> Register {
        try RegisterFile.requireRegister(at: path)
        return try StorageFailure.naming(path) {
            var config = configuration()
            // A file this user may not write is still readable: reads work, writes are
            // refused with a message saying so.
            config.readonly = !FileManager.default.isWritableFile(atPath: path)
            let database: any DatabaseWriter
            if concurrentReads > 0 && !config.readonly {
                config.maximumReaderCount = concurrentReads
                let pool = try DatabasePool(path: path, configuration: config)
                // GRDB sets a pool's writer to `synchronous = NORMAL`, which in WAL mode may lose
                // the last commits on a power cut; an acknowledged write must stay written, as
                // the command line's (SQLite's default, FULL) does.
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
                database = pool
            } else {
                database = try DatabaseQueue(path: path, configuration: config)
            }
            let migrator = SchemaMigrations.migrator()
            if try database.read({ try migrator.hasBeenSuperseded($0) }) {
                throw RegisterError.badInput(Text(
                    vi: "Sổ \(path) được tạo bởi phiên bản sodoan mới hơn.",
                    en: "The register \(path) was made by a newer sodoan."),
                    fix: Text(vi: "Cập nhật sodoan.", en: "Update sodoan."))
            }
            if try !database.read({ try migrator.hasCompletedMigrations($0) }) {
                try migrator.migrate(database)
            }
            try NameSortKeyVersion.bringUpToDate(database)
            return Register(path: path, command: command, actor: actor, clock: clock, database: database)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction and appends the audit row it returns; a
    /// body that returns no audit row changed nothing, and nothing is committed.
    /// Anything thrown rolls the whole write back.
    func write<T>(_ body: (WriteTransaction) throws -> (T, AuditEntry?)) throws -> T {
        try inTransaction { tx in
            let (result, audit) = try body(tx)
            guard let audit else { return (result, .rollback) }
            try tx.audit(audit)
            return (result, .commit)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction that commits or rolls back as `body` says
    /// (a dry run of an import rolls back what it did); anything thrown rolls back.
    func inTransaction<T>(_ body: (WriteTransaction) throws -> (T, Database.TransactionCompletion)) throws -> T {
        let (now, today) = clock.read()
        func transaction(_ connection: any SQLConnection) throws -> (T, Database.TransactionCompletion) {
            try body(WriteTransaction(connection: connection, register: path, command: command, actor: actor, now: now, today: today))
        }
        switch storage {
        case .engine(let engine):
            return try engine.write { connection in
                let (value, completion) = try transaction(connection)
                return (value, completion == .commit)
            }
        case .file(let database):
            var result: T?
            try StorageFailure.naming(path) {
                try database.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        let (value, completion) = try transaction(db)
                        result = value
                        return completion
                    }
                }
            }
            return result!
        }
    }

    /// Runs `body` in one read transaction: a consistent view of the register file. Written
    /// against GRDB: another engine's register refuses it.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StorageFailure.naming(path) { try database.read(body) }
    }

    /// Runs `body` in one read transaction through the engine-neutral SQL surface, on a file
    /// or on another engine alike.
    func readSQL<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        switch storage {
        case .file(let database): return try StorageFailure.naming(path) { try database.read { try body($0) } }
        case .engine(let engine): return try engine.read(body)
        }
    }

    /// The day the register's rules take as today, from its clock.
    public var today: Day { clock.read().today }

    /// The register's name (the root unit's name when it was created).
    public func name() throws -> String {
        try readSQL { db in try RegisterInfoTable.name(in: db) }
    }

    /// Applied schema migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try SchemaMigrations.migrator().appliedMigrations(db) }
    }
}
