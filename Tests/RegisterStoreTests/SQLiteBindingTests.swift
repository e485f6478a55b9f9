import Foundation
import GRDB
@testable import RegisterStore
import Testing

/// `Database.insert` binds its values straight to the prepared statement inside a
/// transaction (the bulk import's path) and leaves other statements to GRDB: the two must
/// store the same bytes and fail with the same errors.
@Suite("A file's inserts bound straight to SQLite")
struct SQLiteBindingTests {
    let directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-binding-\(UUID().uuidString)")

    func database(_ name: String) throws -> DatabaseQueue {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: directory.appending(path: name).path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, i INTEGER, r REAL, b BLOB, n TEXT)")
        }
        return queue
    }

    static let insert = "INSERT INTO t (k, i, r, b, n) VALUES (?, ?, ?, ?, ?)"
    static let values: [[SQLValue]] = [
        [.text("Nguyễn Thị \"Thu\" Hà\\"), .integer(Int64.min), .real(-0.5), .blob(Data([0, 1, 255])), .null],
        [.text(""), .integer(Int64.max), .real(1e300), .blob(Data()), .text("đ")],
    ]

    func stored(_ queue: DatabaseQueue) throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT id || ' ' || quote(k) || ' ' || quote(i) || ' ' || quote(r) || ' ' || quote(b) || ' ' || typeof(b)
                       || ' ' || quote(n) FROM t ORDER BY id
                """)
        }
    }

    @Test func theBoundRowsAreTheRowsGRDBWrites() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let direct = try database("direct.db"), grdb = try database("grdb.db")
        try direct.write { db in
            // Inside the transaction: the direct path; the ids come back in order.
            let ids = try Self.values.map { try db.insert(Self.insert, .positional($0)) }
            #expect(ids == [1, 2])
        }
        try grdb.writeWithoutTransaction { db in
            #expect(db.isInsideTransaction == false)
            for row in Self.values { _ = try db.insert(Self.insert, .positional(row)) }
        }
        #expect(try stored(direct) == stored(grdb))
        #expect(try stored(direct).first == "1 'Nguyễn Thị \"Thu\" Hà\\' -9223372036854775808 -0.5 X'0001FF' blob NULL")
    }

    @Test func aFailedRowFailsAsWithGRDBAndTheStatementServesTheNextOne() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let queue = try database("t.db")
        let repeated: [SQLValue] = [.text("A"), .null, .null, .null, .null]
        let grdbError = try queue.writeWithoutTransaction { db -> DatabaseError? in
            _ = try db.insert(Self.insert, .positional(repeated))
            do { _ = try db.insert(Self.insert, .positional(repeated)) } catch let error as DatabaseError { return error }
            return nil
        }
        try queue.write { db in
            do {
                _ = try db.insert(Self.insert, .positional(repeated))
                Issue.record("a repeated key was inserted")
            } catch let error as DatabaseError {
                #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
                #expect(error.extendedResultCode == grdbError?.extendedResultCode)
                #expect(error.message == grdbError?.message)
            }
            // The refused rows took no id.
            #expect(try db.insert(Self.insert, .positional([.text("B"), .integer(2), .null, .null, .null])) == 2)
            #expect(throws: DatabaseError.self) { try db.insert(Self.insert, .positional([.text("C")])) }
            #expect(try db.insert(Self.insert, .positional([.text("C"), .null, .null, .null, .null])) == 3)
        }
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT k FROM t ORDER BY id") } == ["A", "B", "C"])
    }
}
