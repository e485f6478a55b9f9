import Foundation
@testable import RegisterStore
import Testing
import UnionRegister

/// The server opens the register with `concurrentReads` (a pool: readers beside the one
/// writer over the WAL), so a request's read does not wait for another request's write.
@Suite("Register opened for concurrent reads", .serialized)
struct ConcurrentReadsTests {
    /// A read on another thread finishes while a write is still open in the same process,
    /// and sees the register as it was before that write; afterwards the write is there.
    /// (Behind one connection the read would wait for the write: the 30 s guard fails it.)
    @Test func aReadRunsBesideAnOpenWriteAndSeesTheCommittedRegister() throws {
        let temp = try TemporaryRegister()
        try temp.addMember("DV1", "Nguyễn Văn An", born: "1995-03-02", joined: "2015-03-26")
        _ = try temp.register.updateMember("DV1") { $0.phone = "0900 000 000" }
        let register = try Register.open(at: temp.path, command: "test", clock: .fixed(today: today), concurrentReads: 4)
        nonisolated(unsafe) var seen: String?
        let read = DispatchSemaphore(value: 0)
        try register.updateMember("DV1") { member in
            member.phone = "0900 111 222"
            Thread {
                seen = (try? register.memberFacts("DV1")).map { $0.member.phone ?? "no phone" } ?? "read failed"
                read.signal()
            }.start()
            #expect(read.wait(timeout: .now() + 30) == .success, "the read waited for the write")
        }
        #expect(seen == "0900 000 000")
        #expect(try register.memberFacts("DV1").member.phone == "0900 111 222")
    }

    /// Writes through the pool are audited and chained as through one connection, and the
    /// command line's own connection sees them.
    @Test func writesThroughThePoolKeepTheAuditChain() throws {
        let temp = try TemporaryRegister()
        let register = try Register.open(at: temp.path, command: "test", clock: .fixed(today: today), concurrentReads: 4)
        try register.addMember(Member(code: "DV2", fullName: "Trần Thị Bình", birthDate: day("1996-05-06"), gender: .female,
                                      education: .university, joinedOn: day("2016-03-26")), unitCode: "YT-VP")
        _ = try register.updateMember("DV2") { $0.phone = "0911" }
        #expect(try temp.register.memberFacts("DV2").member.phone == "0911")
        #expect(try temp.register.check().filter { $0.severity == .error }.isEmpty)
    }

    /// The pool's writer syncs every commit to disk (FULL, 2), as the command line does:
    /// what the server acknowledged survives a power cut.
    @Test func thePoolsWriterSyncsEveryCommit() throws {
        let temp = try TemporaryRegister(tree: false)
        let register = try Register.open(at: temp.path, command: "test", clock: .fixed(today: today), concurrentReads: 4)
        #expect(try register.database.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
        #expect(try register.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }
}
