import Foundation
import GRDB
import PostgresStore
import PostgresTestSupport
@testable import RegisterStore
import UnionRegister

/// A register for one test, removed when the test ends: a file in a fresh temporary
/// directory, or a database of its own in the run's PostgreSQL cluster (`engine`), so that
/// a store test asks the same of both engines (`@Test(arguments: RegisterEngineKind.allCases)`).
/// The directory is made on both, for the files a test imports.
final class TemporaryRegister {
    let engine: RegisterEngineKind
    let directory: URL
    let register: Register
    /// The test's database on PostgreSQL; nil for a file.
    let database: String?
    var path: String { register.path }

    /// An empty register with a bloc DK and, when `tree` is set, the usual small tree:
    /// DK → YT (grassroots union) → YT-VP, YT-BV (branches), and DK → TC (grassroots branch).
    init(on engine: RegisterEngineKind = .file, tree: Bool = true) throws {
        self.engine = engine
        directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch engine {
        case .file:
            register = try Register.create(at: directory.appending(path: "register.db").path, name: Self.rootName, rootCode: "DK",
                                           openedOn: day("2015-01-01"), command: "test", clock: .fixed(today: today))
            if tree { try Self.addTree(to: register) }
            database = nil
        case .postgres:
            let cluster = try PostgresTestCluster.shared()
            let name = try cluster.makeDatabase(from: try Self.template(tree: tree))
            database = name
            register = try PostgresRegister.open(at: try Self.address(name), command: "test", clock: .fixed(today: today))
        }
    }

    /// The database is dropped `WITH (FORCE)` (PostgreSQL 13 and later), which ends the
    /// register's own session, still open here.
    deinit {
        try? FileManager.default.removeItem(at: directory)
        if let database { try? PostgresTestCluster.shared().dropDatabase(database) }
    }

    /// The same register opened again, as another process would open it, with `clock`.
    func reopened(command: String = "test", clock: RegisterClock = .fixed(today: today)) throws -> Register {
        switch engine {
        case .file: return try Register.open(at: path, command: command, clock: clock)
        case .postgres: return try PostgresRegister.open(at: try Self.address(database!), command: command, clock: clock)
        }
    }

    /// Adds a member admitted to `unit` on `joined`.
    @discardableResult
    func addMember(_ code: String, _ name: String, born: String, joined: String, unit: String = "YT-VP",
                   gender: Gender = .female) throws -> Member {
        try register.addMember(Member(code: code, fullName: name, birthDate: day(born), gender: gender,
                                      education: .university, joinedOn: day(joined)),
                               unitCode: unit)
    }

    /// The first column of the first row of `sql`, an integer, read through the store's
    /// own connection on either engine; anything else (no row, NULL, another type) fails
    /// the test rather than give a number two reads could agree on.
    func count(_ sql: String) throws -> Int {
        let value = try register.readSQL { db in try db.value(sql) }
        guard case .integer(let number) = value else { throw ClusterError("\(sql) gave \(value.map(\.shown) ?? "no row"), not an integer") }
        return Int(number)
    }

    /// How many temporary tables the store's connection has left behind.
    func temporaryTables() throws -> Int {
        try count(engine == .file ? "SELECT COUNT(*) FROM sqlite_temp_master" : "SELECT COUNT(*) FROM pg_class WHERE relpersistence = 't'")
    }

    /// Every row of `sql`, each value as a message shows it, read on either engine.
    func rows(_ sql: String) throws -> [[String]] {
        try register.readSQL { db in try db.rows(sql, .none).map { $0.values.map(\.shown) } }
    }

    /// Everything the register holds, to compare before and after a write that must change
    /// nothing: the file's bytes, or the database's every table row by row.
    func contents() throws -> Data {
        switch engine {
        case .file: return try Data(contentsOf: URL(fileURLWithPath: path))
        case .postgres: return Data(try PostgresTestCluster.shared().contents(of: database!).joined(separator: "\n").utf8)
        }
    }

    /// Runs `sql` behind the program's back, as someone with the file or the database's
    /// owner would: outside the store, its rules and its audit log (the database's own
    /// triggers still fire).
    func tamper(_ sql: String) throws {
        switch engine {
        case .file:
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
            try queue.close()
        case .postgres:
            try PostgresTestCluster.shared().psql(database!, sql)
        }
    }

    private static let rootName = "Đoàn Khối các cơ quan tỉnh"

    /// The usual small tree under DK.
    private static func addTree(to register: Register) throws {
        try register.addUnit(Unit(code: "YT", name: "Đoàn cơ sở Sở Y tế", kind: .grassrootsUnion, parentCode: "DK", openedOn: day("2015-01-01")))
        try register.addUnit(Unit(code: "YT-VP", name: "Chi đoàn Văn phòng", kind: .branch, parentCode: "YT", openedOn: day("2015-01-01")))
        try register.addUnit(Unit(code: "YT-BV", name: "Chi đoàn Bệnh viện", kind: .branch, parentCode: "YT", openedOn: day("2015-01-01")))
        try register.addUnit(Unit(code: "TC", name: "Chi đoàn cơ sở Sở Tài chính", kind: .grassrootsBranch, parentCode: "DK", openedOn: day("2015-01-01")))
    }

    /// The run's PostgreSQL database holding the same new register a file test starts from,
    /// made once by `init --db`'s own code (`PostgresRegister.create`), which each test's
    /// database copies. The register that added the tree is released before the template
    /// is first copied; `makeDatabase` waits for its session to close.
    private static func template(tree: Bool) throws -> String {
        templateLock.lock()
        defer { templateLock.unlock() }
        if let made = templates[tree] { return made }
        let name = try PostgresTestCluster.shared().makeDatabase()
        let address = try address(name)
        try PostgresRegister.create(at: address, name: rootName, rootCode: "DK", openedOn: day("2015-01-01"), command: "test",
                                    clock: .fixed(today: today))
        if tree { try addTree(to: PostgresRegister.open(at: address, command: "test", clock: .fixed(today: today))) }
        templates[tree] = name
        return name
    }

    nonisolated(unsafe) private static var templates: [Bool: String] = [:]
    private static let templateLock = NSLock()

    private static func address(_ database: String) throws -> PostgresAddress {
        let cluster = try PostgresTestCluster.shared()
        guard case .postgres(let address) = try RegisterLocation.parse(cluster.url(database), from: .commandLine, environment: cluster.environment) else {
            throw ClusterError("\(cluster.url(database)) is no PostgreSQL address")
        }
        return address
    }
}

func day(_ text: String) -> Day { Day(parsing: text)! }

let today = day("2026-11-22")
