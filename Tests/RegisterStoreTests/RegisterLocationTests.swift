import Foundation
@testable import RegisterStore
import Testing
import UnionRegister

@Suite("Where the register is: --db, SODOAN_DB, PostgreSQL URLs and credentials")
struct RegisterLocationTests {
    /// An environment with no PostgreSQL variables and a password file that does not exist,
    /// so the machine's own ~/.pgpass never leaks into a test.
    static let bare = ["PGPASSFILE": "/nonexistent/sodoan-test-pgpass"]

    func address(_ text: String, from source: RegisterLocation.Source = .environment,
                 _ environment: [String: String] = bare) throws -> PostgresAddress {
        guard case .postgres(let address) = try RegisterLocation.parse(text, from: source, environment: environment) else {
            Issue.record("\(text) was read as a file")
            throw CancellationError()
        }
        return address
    }

    func problem(_ text: String, from source: RegisterLocation.Source = .environment,
                 _ environment: [String: String] = bare) -> LocationProblem? {
        do {
            _ = try RegisterLocation.parse(text, from: source, environment: environment)
            return nil
        } catch {
            return error as? LocationProblem
        }
    }

    @Test func anythingButAPostgresURLIsAFileAsBefore() throws {
        #expect(try RegisterLocation.parse("register.db", from: .commandLine, environment: [:]) == .file("register.db"))
        #expect(try RegisterLocation.parse("/tmp/postgres://x", from: .commandLine, environment: [:]) == .file("/tmp/postgres://x"))
        #expect(try RegisterLocation.resolve(option: nil, environment: [:]) == .file("sodoan.db"))
        #expect(try RegisterLocation.resolve(option: nil, environment: ["SODOAN_DB": "a.db"]) == .file("a.db"))
        #expect(try RegisterLocation.resolve(option: "b.db", environment: ["SODOAN_DB": "a.db"]) == .file("b.db"))
    }

    @Test func aWholeURLGivesEveryPart() throws {
        let full = try address("postgres://sodoan@db.example.vn:6543/register")
        #expect(full == PostgresAddress(user: "sodoan", host: "db.example.vn", port: 6543, database: "register", password: nil))
        #expect(try address("POSTGRESQL://a@h/d").host == "h")
        #expect(full.description == "postgres://sodoan@db.example.vn:6543/register")
    }

    @Test func missingPartsComeFromTheStandardVariablesThenLibpqsDefaults() throws {
        let variables = Self.bare.merging(["PGUSER": "u", "PGHOST": "10.0.0.5", "PGPORT": "5433", "PGDATABASE": "d"]) { $1 }
        #expect(try address("postgres://", variables) == PostgresAddress(user: "u", host: "10.0.0.5", port: 5433, database: "d", password: nil))
        // The URL wins over the variables.
        #expect(try address("postgres://x@y:1/z", variables) == PostgresAddress(user: "x", host: "y", port: 1, database: "z", password: nil))
        let defaults = try address("postgres:///")
        #expect(defaults.host == "localhost" && defaults.port == 5432)
        #expect(defaults.user == Register.operatingSystemUser && defaults.database == defaults.user)
        #expect(try address("postgres://h:5/").database == Register.operatingSystemUser)
    }

    @Test func thePortRunsFrom1To65535() throws {
        #expect(try address("postgres://u@h:1/d").port == 1)
        #expect(try address("postgres://u@h:65535/d").port == 65535)
        for bad in ["0", "65536", "99999999999999999999", "-1", "54x", "", "+5432", " 5432"] {
            #expect(problem("postgres://u@h:\(bad)/d") != nil, "port \(bad)")
        }
        #expect(problem("postgres://u@h/d", Self.bare.merging(["PGPORT": "0"]) { $1 })?.text.en.contains("PGPORT") == true)
    }

    @Test func percentEscapesAreDecodedInEveryPart() throws {
        let decoded = try address("postgres://s%C6%A1%40x:p%3Aw%2Fd@h%2Dost:5432/s%E1%BB%95%20%C4%91o%C3%A0n")
        #expect(decoded.user == "sơ@x" && decoded.password == "p:w/d" && decoded.host == "h-ost" && decoded.database == "sổ đoàn")
        for broken in ["postgres://u%4@h/d", "postgres://u%zz@h/d", "postgres://u@h/d%", "postgres://u@h/%00", "postgres://u@h/%FF"] {
            #expect(problem(broken) != nil, "\(broken)")
        }
    }

    @Test func anIPv6HostIsWrittenInBrackets() throws {
        let loopback = try address("postgres://u@[::1]:5433/d")
        #expect(loopback.host == "::1" && loopback.port == 5433)
        #expect(loopback.description == "postgres://u@[::1]:5433/d")
        #expect(try address("postgres://u@[2001:db8::7]/d").port == 5432)
        for bad in ["postgres://u@[::1/d", "postgres://u@[]/d", "postgres://u@[::1]x/d", "postgres://u@[::g]/d", "postgres://u@[::1]:0/d"] {
            #expect(problem(bad) != nil, "\(bad)")
        }
    }

    @Test func parametersAndPathsAreRefusedNotIgnored() throws {
        #expect(problem("postgres://u@h/d?sslmode=require")?.text.en.contains("sslmode=require") == true)
        #expect(problem("postgres://u@h/d/e") != nil)
        #expect(problem("postgres:///d", Self.bare.merging(["PGHOST": "/var/run/postgresql"]) { $1 })?.text.en.contains("PGHOST") == true)
    }

    @Test func aPasswordOnTheCommandLineIsRefusedWithTheFixButAllowedInTheEnvironment() throws {
        let refused = problem("postgres://u:secret@h/d", from: .commandLine)
        #expect(refused == .passwordOnCommandLine)
        #expect(refused?.text.vi.contains("PGPASSWORD") == true && refused?.text.en.contains(".pgpass") == true)
        #expect(refused?.text.en.contains("secret") == false)
        #expect(problem("postgres://u:@h/d", from: .commandLine) == .passwordOnCommandLine)
        #expect(try address("postgres://u:secret@h/d", from: .environment).password == "secret")
        #expect(throws: LocationProblem.passwordOnCommandLine) {
            try RegisterLocation.resolve(option: "postgres://u:secret@h/d", environment: ["SODOAN_DB": "postgres://u:secret@h/d"])
        }
        #expect(try RegisterLocation.resolve(option: nil, environment: Self.bare.merging(["SODOAN_DB": "postgres://u:s@h/d"]) { $1 })
                == .postgres(PostgresAddress(user: "u", host: "h", port: 5432, database: "d", password: "s")))
    }

    @Test func aMalformedURLsMessageNeverShowsItsPassword() throws {
        let shown = problem("postgres://u:hunter2@h:0/d")
        #expect(shown != nil && shown?.text.en.contains("hunter2") == false && shown?.text.vi.contains("u:***@h:0/d") == true)
    }

    @Test func thePasswordComesFromPGPASSWORDBeforeThePasswordFile() throws {
        let file = try PasswordFileFixture("h:5432:d:u:from-file\n")
        #expect(try address("postgres://u@h/d", file.environment).password == "from-file")
        #expect(try address("postgres://u@h/d", file.environment.merging(["PGPASSWORD": "from-variable"]) { $1 }).password == "from-variable")
        #expect(try address("postgres://u:from-url@h/d", file.environment.merging(["PGPASSWORD": "v"]) { $1 }).password == "from-url")
        // Empty is unset, as libpq reads it.
        #expect(try address("postgres://u:@h/d", file.environment.merging(["PGPASSWORD": ""]) { $1 }).password == "from-file")
    }

    @Test func thePasswordFileMatchesItsFieldsWithWildcardsAndEscapes() throws {
        let file = try PasswordFileFixture("""
            # comment line
            other:5432:d:u:wrong-host
            \\:\\:1:*:d:u:ipv6-loopback
            h:*:*:u:first-match
            *:*:*:*:fallback
            bad line without fields
            """)
        #expect(try address("postgres://u@h:1234/anything", file.environment).password == "first-match")
        #expect(try address("postgres://u@[::1]/d", file.environment).password == "ipv6-loopback")
        #expect(try address("postgres://someone@elsewhere/db", file.environment).password == "fallback")
        #expect(PasswordFile.fields("a\\:b:c\\\\:d:e:p:w") == ["a:b", "c\\", "d", "e", "p:w"])
    }

    @Test func aPasswordFileOthersCanReadIsRefused() throws {
        let file = try PasswordFileFixture("*:*:*:*:pw\n", mode: 0o644)
        let refusal = problem("postgres://u@h/d", file.environment)
        #expect(refusal?.text.en.contains("chmod 0600") == true && refusal?.text.vi.contains("chmod 0600") == true)
        #expect(try address("postgres://u@h/d", Self.bare.merging(["PGPASSFILE": file.directory.path]) { $1 }).password == nil)
    }
}

/// A password file in a temporary folder, owner-only unless told otherwise.
final class PasswordFileFixture {
    let directory: URL
    let path: String
    var environment: [String: String] { ["PGPASSFILE": path] }

    init(_ text: String, mode: Int = 0o600) throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "sodoan-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appending(path: "pgpass").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
