import Foundation
import PostgresTestSupport
import Testing

/// Several `sodoan serve` processes over one PostgreSQL register (docs/ARCHITECTURE.md#postgresql):
/// sessions live in the database, a write through one server is read through another at
/// once, a server killed outright loses no write it acknowledged, and the servers' role may
/// add to the audit log but never change it.
@Suite("sodoan serve: several servers on one PostgreSQL register", .serialized)
struct ServeOnPostgresTests {
    func signedIn(_ server: ServerProcess, _ name: String) async throws -> HTTPClient {
        let client = HTTPClient(server.base)
        let answer = try await client.logIn(name, ServerFixture.password)
        #expect(answer.status == 200, "login \(name): \(answer.text)")
        return client
    }

    /// The same session cookie and CSRF token sent to another server.
    func sameSession(_ client: HTTPClient, on server: ServerProcess) -> HTTPClient {
        let other = HTTPClient(server.base)
        other.cookies = client.cookies
        other.csrf = client.csrf
        return other
    }

    @Test func aSessionOpenedOnOneServerIsOpenOnEveryOtherAndEndsOnAllAtOnce() async throws {
        let fixture = try ServerFixture(.postgres)
        let location = try fixture.register.serverLocation()
        let first = try ServerProcess(fixture.cli, db: location, environment: fixture.register.environment)
        let second = try ServerProcess(fixture.cli, db: location, environment: fixture.register.environment)
        defer { first.stop(); second.stop(); fixture.cleanUp() }
        let onFirst = try await signedIn(first, "bt.vp")
        let onSecond = sameSession(onFirst, on: second)
        #expect(try await onSecond.send("GET", "/api/members/DV-VP").status == 200)
        #expect(try await onSecond.send("DELETE", "/api/session").status == 204)
        #expect(try await onFirst.send("GET", "/api/members/DV-VP").status == 401)
    }

    @Test func aWriteThroughOneServerIsReadThroughTheOtherAtOnce() async throws {
        let fixture = try ServerFixture(.postgres)
        let location = try fixture.register.serverLocation()
        let first = try ServerProcess(fixture.cli, db: location, environment: fixture.register.environment)
        let second = try ServerProcess(fixture.cli, db: location, environment: fixture.register.environment)
        defer { first.stop(); second.stop(); fixture.cleanUp() }
        let writer = try await signedIn(first, "bt.vp")
        let reader = try await signedIn(second, "xem.vp")
        for number in 1...5 {
            let phone = "0912 000 00\(number)"
            #expect(try await writer.send("POST", "/api/members/DV-VP/update", json: ["phone": phone]).status == 200)
            let shown = try #require(try await reader.send("GET", "/api/members/DV-VP").json() as? [String: Any])
            #expect(shown["phone"] as? String == phone, "read \(number) through the other server: \(shown)")
        }
        let admitted = try await writer.send("POST", "/api/members", json: [
            "unit": "YT-VP", "code": "DV-HAI", "full_name": "Đinh Thị Hải", "birth_date": "2001-02-03",
            "gender": "female", "education": "university", "joined_on": "2019-03-26"])
        #expect(admitted.status == 201)
        #expect(try await reader.send("GET", "/api/members/DV-HAI").status == 200)
    }

    /// Writes acknowledged by a server that is then killed with SIGKILL are all in the
    /// register afterwards, each with its audit row, and the other server goes on serving
    /// the same session.
    @Test func aServerKilledOutrightLosesNoAcknowledgedWrite() async throws {
        let fixture = try ServerFixture(.postgres)
        let location = try fixture.register.serverLocation()
        let doomed = try ServerProcess(fixture.cli, db: location, environment: fixture.register.environment)
        let survivor = try ServerProcess(fixture.cli, db: location, environment: fixture.register.environment)
        defer { doomed.stop(); survivor.stop(); fixture.cleanUp() }
        let client = try await signedIn(doomed, "bt.vp")
        var acknowledged: [String] = []
        for number in 1...12 {
            let code = "DV-K\(number)"
            let answer = try await client.send("POST", "/api/members", json: [
                "unit": "YT-VP", "code": code, "full_name": "Bùi Văn Khoa \(number)", "birth_date": "2001-02-03",
                "gender": "male", "education": "university", "joined_on": "2019-03-26"])
            if answer.status == 201 { acknowledged.append(code) }
        }
        doomed.kill()
        #expect(acknowledged.count == 12)
        let listed = try fixture.register.ok(["member", "list", "--unit", "YT-VP", "--format", "csv"])
        for code in acknowledged { #expect(listed.contains(code), "\(code) was acknowledged and is missing") }
        let onSurvivor = sameSession(client, on: survivor)
        #expect(try await onSurvivor.send("GET", "/api/members/DV-K12").status == 200)
        #expect(try await onSurvivor.send("POST", "/api/members/DV-K12/update", json: ["phone": "0913 000 012"]).status == 200)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(fixture.register.ok(["log", "--format", "json"]).utf8)) as? [[String: Any]])
        #expect(log.filter { $0["command"] as? String == "POST /api/members" }.count == 12)
    }

    /// The role `sodoan grant` gives may read and write the register's rows and add to its
    /// audit log, but may not change, remove or truncate an audit row, drop the guards, or
    /// write the schema's records; the server running as it writes as usual (the other
    /// server suites run on PostgreSQL as such a role).
    @Test func theServersRoleMayAddToTheAuditLogButNeverChangeIt() throws {
        let fixture = try ServerFixture(.postgres)
        defer { fixture.cleanUp() }
        let location = try fixture.register.serverLocation()
        let role = try #require(URLComponents(string: location)?.user)
        let database = try #require(URLComponents(string: location)?.path.dropFirst()).description
        let cluster = try PostgresTestCluster.shared()
        let rows = try cluster.psql(database, "SELECT count(*) FROM audit_log", as: role)
        #expect(Int(rows.first ?? "") ?? 0 > 0)
        for sql in ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                    "DROP TRIGGER audit_log_never_updated ON audit_log", "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                    "INSERT INTO grdb_migrations VALUES ('999 later')", "UPDATE register_info SET value = 'x'",
                    "TRUNCATE member CASCADE"] {
            #expect(throws: (any Error).self, "\(sql) as the server's role") { try cluster.psql(database, sql, as: role) }
            do { try cluster.psql(database, sql, as: role) } catch {
                #expect("\(error)".contains("permission denied") || "\(error)".contains("must be owner"), "\(sql): \(error)")
            }
        }
        #expect(try cluster.psql(database, "SELECT count(*) FROM member", as: role) == ["3"])
    }

    @Test func aServerRunningAsTheTablesOwnerWarnsThatItCouldUndoTheAuditLogsGuards() throws {
        let fixture = try ServerFixture(.postgres)
        let server = try ServerProcess(fixture.cli, db: fixture.register.location, environment: fixture.register.environment,
                                       arguments: ["--lang", "en"])
        defer { server.stop(); fixture.cleanUp() }
        #expect(server.log.contains("sodoan serve: warning: the PostgreSQL role sodoan_test owns the register's tables (or is a superuser)"))
    }
}
