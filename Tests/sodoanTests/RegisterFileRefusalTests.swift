import Foundation
import GRDB
import Testing

/// Issue 11, families 2, 5 and 8: only `init` creates a register; every other command
/// refuses a file that is not one and writes nothing to it; files sodoan creates appear
/// only when complete, never over an existing file or through a link; SQLite's failures
/// come out as sentences naming the file, with the documented statuses.
@Suite("Register files: refusals that write nothing")
struct RegisterFileRefusalTests {
    /// Commands of every kind: reads, writes, an import, a backup.
    func commands(_ cli: CLI) throws -> [[String]] {
        let units = try cli.file("units.csv", "code,name,kind,parent,opened_on\nX1,Chi đoàn X,branch,DK,2020-01-01\n")
        return [["member", "list"], ["unit", "list"], ["check"], ["log"], ["export", "members"],
                ["unit", "add", "X1", "--name", "X", "--kind", "branch", "--parent", "DK", "--opened", "2020-01-01"],
                ["import", "units", units], ["backup", cli.directory.appending(path: "copy.db").path], ["policy", "show"]]
    }

    @Test func anEmptyFileIsNotARegisterAndStaysEmpty() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let empty = try cli.file("empty.db", "")
        for command in try commands(cli) {
            let stderr = try cli.refusedLeavingNoTrace(command + ["--lang", "en"], file: empty, status: 65)
            #expect(stderr.contains("The file \(empty) is not a register: the file is empty"), "\(stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appending(path: "copy.db").path))
    }

    @Test func anotherProgramsSQLiteFileIsRefusedWhateverItsJournalMode() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for (name, mode) in [("rollback.db", "DELETE"), ("wal.db", "WAL")] {
            let path = cli.directory.appending(path: name).path
            let other = try DatabaseQueue(path: path)
            try other.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = \(mode)")
                try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
            }
            try other.close()
            for command in try commands(cli) {
                let stderr = try cli.refusedLeavingNoTrace(command + ["--lang", "en"], file: path, status: 65)
                #expect(stderr.contains("The file \(path) is not a register"), "\(stderr)")
            }
        }
        let marked = cli.directory.appending(path: "marked.db").path
        let other = try DatabaseQueue(path: marked)
        try other.write { db in try db.execute(sql: "PRAGMA application_id = 42; CREATE TABLE t (x)") }
        try other.close()
        let stderr = try cli.refusedLeavingNoTrace(["member", "list", "--lang", "en"], file: marked, status: 65)
        #expect(stderr.contains("another program's SQLite database"))
    }

    @Test func aFileThatIsNotSQLiteOrIsADirectoryIsRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let text = try cli.file("notes.txt", "just some notes, long enough to have a hundred bytes of header and then some more text\n")
        #expect(try cli.refusedLeavingNoTrace(["member", "list", "--lang", "en"], file: text, status: 65).contains("not an SQLite database"))
        let folder = cli.directory.appending(path: "folder").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let result = try cli.run(["unit", "list", "--lang", "en", "--db", folder], useDB: false)
        #expect(result.status == 65 && result.stderr.contains("it is a directory"), "\(result.stderr)")
    }

    @Test func aRegisterFromANewerSodoanIsNotOpened() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('99 from the future')") }
        try queue.close()
        for command in try commands(cli) {
            #expect(try cli.refusedLeavingNoTrace(command + ["--lang", "en"], status: 65).contains("made by a newer sodoan"))
        }
    }

    @Test func aDamagedRegisterIsReportedNamingTheFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        var bytes = try cli.registerBytes()
        // Overwrite the pages after the first (the schema page survives, the tables do not).
        for index in 4096..<bytes.count { bytes[index] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: cli.db))
        let stderr = try cli.refusedLeavingNoTrace(["unit", "list", "--lang", "en"], status: 65)
        #expect(stderr.contains("The register \(cli.db) is damaged"), "\(stderr)")
        #expect(stderr.contains("Restore it from a backup"))
    }

    @Test func initRefusesAnExistingFileOrALinkAndLeavesNothingHalfMade() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let existing = try cli.file("existing.db", "keep me")
        let refused = try cli.run(["init", "--name", "Khối", "--db", existing, "--lang", "en"], useDB: false)
        #expect(refused.status == 65 && refused.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
        let link = cli.directory.appending(path: "link.db").path
        let target = cli.directory.appending(path: "elsewhere.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let viaLink = try cli.run(["init", "--name", "Khối", "--db", link, "--lang", "en"], useDB: false)
        #expect(viaLink.status == 65 && viaLink.stderr.contains("is a symbolic link"), "\(viaLink.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
        try cli.ok(["init", "--name", "Khối", "--code", "DK", "--opened", "2015-01-01"])
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        #expect(!left.contains { $0.contains("sodoan-partial") }, "\(left)")
    }

    @Test func backupRefusesAnExistingTargetAndALinkAndMakesACompleteRegister() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let taken = try cli.file("taken.db", "not yours")
        let link = cli.directory.appending(path: "link.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.directory.appending(path: "nowhere.db").path)
        #expect(try cli.refusedLeavingNoTrace(["backup", taken, "--lang", "en"], status: 65).contains("already exists"))
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "not yours")
        #expect(try cli.refusedLeavingNoTrace(["backup", link, "--lang", "en"], status: 65).contains("symbolic link"))
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appending(path: "nowhere.db").path))
        let copy = cli.directory.appending(path: "copy.db").path
        try cli.ok(["backup", copy])
        let attributes = try FileManager.default.attributesOfItem(atPath: copy)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let check = try cli.run(["check", "--db", copy, "--lang", "en"], useDB: false)
        #expect(check.status == 0 && check.stdout.contains("0 errors"), "\(check.stdout)\(check.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        #expect(!left.contains { $0.contains("sodoan-partial") }, "\(left)")
    }
}
