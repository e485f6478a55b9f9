import Foundation
import PostgresTestSupport
import Testing

/// The JSON API of `sodoan serve`, driven over HTTP on loopback against the built binary:
/// sessions, the answers' shapes, refusals, and the scope of every route tried from the
/// outside as each role, on a member inside and outside the account's subtree; each on
/// both engines, the PostgreSQL server running as a role with only `sodoan grant`'s rights.
@Suite("sodoan serve: the JSON API", .serialized)
struct ServeAPITests {
    /// Runs `body` with a server over a fresh fixture register, then stops it.
    func withServer(_ kind: RegisterEngineKind, _ body: (ServerFixture, ServerProcess) async throws -> Void) async throws {
        let fixture = try ServerFixture(kind)
        let server = try fixture.serve()
        defer { server.stop(); fixture.cleanUp() }
        try await body(fixture, server)
    }

    func signedIn(_ server: ServerProcess, _ name: String) async throws -> HTTPClient {
        let client = HTTPClient(server.base)
        let answer = try await client.logIn(name, ServerFixture.password)
        #expect(answer.status == 200, "login \(name): \(answer.text)")
        return client
    }

    @Test(arguments: RegisterEngineKind.allCases) func loginSetsAStrictHttpOnlyExpiringCookieAndLogoutEndsTheSession(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { _, server in
            let client = HTTPClient(server.base)
            let answer = try await client.logIn("bt.vp", ServerFixture.password)
            #expect(answer.status == 200)
            let cookie = try #require(answer.header("Set-Cookie"))
            #expect(cookie.contains("sodoan_session="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Max-Age=28800"))
            let account = try #require((try answer.json() as? [String: Any])?["account"] as? [String: Any])
            #expect(account["unit"] as? String == "YT-VP" && account["role"] as? String == "secretary")
            #expect(try await client.send("GET", "/api/units").status == 200)
            #expect(try await client.send("DELETE", "/api/session", withCSRF: false).status == 403)
            #expect(try await client.send("DELETE", "/api/session").status == 204)
            let stale = HTTPClient(server.base)
            stale.cookies["sodoan_session"] = cookie.split(separator: ";")[0].split(separator: "=")[1].description
            #expect(try await stale.send("GET", "/api/units").status == 401)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func everyRouteButLoginAnswers401WithoutASession(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { _, server in
            let client = HTTPClient(server.base)
            for (method, path) in [("GET", "/api/units"), ("GET", "/api/members"), ("POST", "/api/members"),
                                   ("GET", "/api/members/DV-VP"), ("POST", "/api/members/DV-VP/transfer"),
                                   ("POST", "/api/members/DV-VP/update"), ("POST", "/api/members/DV-VP/grade"),
                                   ("GET", "/api/referral/candidates?step=nominate"), ("GET", "/api/reports/annual?year=2025"),
                                   ("DELETE", "/api/session")] {
                let answer = try await client.send(method, path, json: method == "GET" ? nil : [:])
                #expect(answer.status == 401, "\(method) \(path)")
                #expect(try answer.refusal()["kind"] as? String == "unauthorized", "\(method) \(path)")
            }
        }
    }

    /// A login after four failures for the same name waits four seconds (a second per
    /// failure) before its password is checked, right password or not; each failure is
    /// logged. The wait is checked as a floor on the whole answer's time: a difference with
    /// an earlier login would also hold bcrypt's own time, which a loaded machine can
    /// stretch by seconds in either login.
    @Test(arguments: RegisterEngineKind.allCases) func badLoginsAreSlowedDownAndLogged(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { _, server in
            func timedLogIn(_ password: String) async throws -> (Int, Duration) {
                let start = ContinuousClock.now
                let status = try await HTTPClient(server.base).logIn("bt.vp", password).status
                return (status, start.duration(to: .now))
            }
            let (firstStatus, _) = try await timedLogIn(ServerFixture.password)
            #expect(firstStatus == 200)
            for _ in 0..<4 {
                let (status, _) = try await timedLogIn("not the password")
                #expect(status == 401)
            }
            let (status, after) = try await timedLogIn(ServerFixture.password)
            #expect(status == 200)
            #expect(after >= .seconds(4), "the login after four failures took \(after)")
            #expect(server.log.contains("login refused for bt.vp from 127.0.0.1 (4 in 15 min)"))
            let unknown = try await HTTPClient(server.base).logIn("<nobody>", "whatever").status
            #expect(unknown == 401)
            #expect(server.log.contains("login refused for (not an account name) from 127.0.0.1"))
        }
    }

    /// Each route as each role, on the member inside every account's subtree (DV-VP in
    /// YT-VP) and the one outside all of them (DV-TC in TC).
    @Test(arguments: RegisterEngineKind.allCases) func everyRouteAsEveryRoleInsideAndOutsideTheSubtree(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { _, server in
            for (name, role, unit) in ServerFixture.accounts {
                let client = try await signedIn(server, name)
                let writes = role != "viewer"
                func expectStatus(_ method: String, _ path: String, _ json: Any? = nil, _ expected: Int,
                                  rule: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                    let answer = try await client.send(method, path, json: json)
                    #expect(answer.status == expected, "\(name) \(method) \(path): \(answer.text)", sourceLocation: sourceLocation)
                    if let rule { #expect(try answer.refusal()["rule"] as? String == rule, "\(name) \(method) \(path): \(answer.text)", sourceLocation: sourceLocation) }
                }
                try await expectStatus("GET", "/api/members/DV-VP", nil, 200)
                try await expectStatus("GET", "/api/members/DV-TC", nil, 403, rule: "account-scope")
                try await expectStatus("GET", "/api/members?unit=YT-VP", nil, 200)
                try await expectStatus("GET", "/api/members?unit=TC", nil, 403, rule: "account-scope")
                try await expectStatus("GET", "/api/referral/candidates?step=nominate&unit=YT-VP", nil, 200)
                try await expectStatus("GET", "/api/referral/candidates?step=nominate&unit=TC", nil, 403, rule: "account-scope")
                try await expectStatus("GET", "/api/reports/annual?year=2025&unit=YT-VP", nil, 200)
                try await expectStatus("GET", "/api/reports/annual?year=2025&unit=TC", nil, 403, rule: "account-scope")
                let admit: [String: Any] = ["unit": "YT-VP", "full_name": "Phạm Thị Dung \(name)", "birth_date": "2001-02-03",
                                            "gender": "female", "education": "university", "joined_on": "2019-03-26"]
                try await expectStatus("POST", "/api/members", admit, writes ? 201 : 403, rule: writes ? nil : "account-role")
                try await expectStatus("POST", "/api/members", admit.merging(["unit": "TC"]) { $1 }, 403)
                // The office of YT may move a member between its branches; a branch's own
                // secretary has only its branch, so the same move leaves its subtree.
                let move = ["to": "YT-BV", "on": "2026-01-15"]
                try await expectStatus("POST", "/api/members/DV-TC/transfer", move, 403)
                try await expectStatus("POST", "/api/members/DV-VP/transfer", move, role == "office" ? 200 : 403,
                                       rule: role == "office" ? nil : (writes ? "account-scope" : "account-role"))
                if role == "office" {
                    // Put the member back for the next account.
                    try await expectStatus("POST", "/api/members/DV-VP/transfer", ["to": "YT-VP", "on": "2026-02-15"], 200)
                }
                // The member's other writes: a viewer refused by role, inside the subtree or not; a
                // writer refused by scope outside it, answered by the store's own rules inside.
                let writesInside: [(String, [String: Any], Int)] = [
                    ("update", ["phone": "0900 000 00\(name.count)"], 200), ("grade", ["year": 2025, "grade": "good"], 200),
                    ("training", ["kind": "other", "completed": "2025-05-02"], 200),
                    ("arrive", ["unit": "YT-VP", "on": "2026-01-20", "from": "Tỉnh đoàn Hà Nam"], 422),
                    ("leave", ["on": "2010-01-01", "to": "Tỉnh đoàn Hà Nam"], 422),
                ]
                for (path, body, status) in writesInside {
                    try await expectStatus("POST", "/api/members/DV-TC/\(path)", body, 403, rule: writes ? "account-scope" : "account-role")
                    try await expectStatus("POST", "/api/members/DV-VP/\(path)", body, writes ? status : 403,
                                           rule: writes ? nil : "account-role")
                }
                let units = try #require(try await client.send("GET", "/api/units").json() as? [[String: Any]])
                #expect(units.first?["code"] as? String == unit)
                #expect(!units.contains { $0["code"] as? String == "TC" })
            }
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func answersHaveTheShapesOfTheCommandLinesJSON(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            let client = try await signedIn(server, "office.yt")
            for (path, arguments) in [("/api/members/DV-VP", ["member", "show", "DV-VP"]),
                                      ("/api/members?unit=YT", ["member", "list", "--unit", "YT"]),
                                      ("/api/referral/candidates?step=nominate&unit=YT", ["referral", "candidates", "--step", "nominate", "--unit", "YT"]),
                                      ("/api/reports/annual?year=2025&unit=YT", ["report", "annual", "--year", "2025", "--unit", "YT"])] {
                let answer = try await client.send("GET", path)
                #expect(answer.status == 200)
                #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
                #expect(answer.text == (try fixture.register.ok(arguments + ["--format", "json"])), "\(path)")
            }
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRuleRefusalIs422NamingTheRuleAndMalformedInputIs400(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            let client = try await signedIn(server, "bt.vp")
            let before = try fixture.register.ok(["member", "list", "--format", "json"])
            let young = try await client.send("POST", "/api/members", json: [
                "unit": "YT-VP", "full_name": "Hoàng Văn Em", "birth_date": "2015-01-01", "gender": "male",
                "education": "primary", "joined_on": "2024-01-01"])
            #expect(young.status == 422)
            let refusal = try young.refusal()
            #expect(refusal["kind"] as? String == "rule-refused")
            #expect(refusal["rule"] as? String == "admission-age")
            #expect((refusal["message"] as? String)?.contains("tuổi") == true)
            let english = try await client.send("POST", "/api/members?lang=en", json: [
                "unit": "YT-VP", "full_name": "Hoàng Văn Em", "birth_date": "2015-01-01", "gender": "male",
                "education": "primary", "joined_on": "2024-01-01"])
            #expect((try english.refusal()["message"] as? String)?.contains("must be older than 15") == true)
            #expect((try english.refusal()["fix"] as? String)?.contains("Admission is possible from") == true)
            #expect(try await client.send("POST", "/api/members", body: Data("{not json".utf8),
                                          headers: ["Content-Type": "application/json"]).status == 400)
            #expect(try await client.send("POST", "/api/members", json: ["unit": "YT-VP"]).status == 400)
            #expect(try await client.send("GET", "/api/members?as_of=2024-02-30").status == 400)
            #expect(try await client.send("GET", "/api/referral/candidates?step=jump").status == 400)
            #expect(try await client.send("GET", "/api/reports/annual?year=soon").status == 400)
            #expect(try await client.send("GET", "/api/members/NOBODY").status == 400)
            #expect(try fixture.register.ok(["member", "list", "--format", "json"]) == before)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func writesWithoutTheCSRFTokenAreRefusedAndChangeNothing(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            let client = try await signedIn(server, "bt.vp")
            let admit: [String: Any] = ["unit": "YT-VP", "full_name": "Đỗ Văn Giang", "birth_date": "2001-02-03",
                                        "gender": "male", "education": "university"]
            let refused = try await client.send("POST", "/api/members", json: admit, withCSRF: false)
            #expect(refused.status == 403)
            let wrong = try await client.send("POST", "/api/members", json: admit, headers: ["X-CSRF-Token": "guess"])
            #expect(wrong.status == 403)
            #expect(try fixture.register.ok(["member", "list", "--search", "giang", "--format", "json"]) == "[\n\n]\n")
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func writesAreAuditedWithTheAccountAndTheRoute(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            let client = try await signedIn(server, "bt.vp")
            let answer = try await client.send("POST", "/api/members", json: [
                "unit": "YT-VP", "code": "DV-NEW", "full_name": "Vũ Thị Hạnh", "birth_date": "2001-02-03",
                "gender": "female", "education": "university", "joined_on": "2019-03-26"])
            #expect(answer.status == 201)
            #expect((try answer.json() as? [String: Any])?["code"] as? String == "DV-NEW")
            let log = try #require(try JSONSerialization.jsonObject(with: Data(fixture.register.ok(["log", "--member", "DV-NEW", "--format", "json"]).utf8)) as? [[String: Any]])
            #expect(log.first?["actor"] as? String == "bt.vp")
            #expect(log.first?["command"] as? String == "POST /api/members")
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func aPasswordChangeOrDisableOnTheCommandLineEndsOpenSessions(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            let secretary = try await signedIn(server, "bt.vp")
            let viewer = try await signedIn(server, "xem.vp")
            #expect(try fixture.register.run(["user", "passwd", "bt.vp", "--password-stdin"], stdin: "một-mật-khẩu-khác-9\n").status == 0)
            #expect(try await secretary.send("GET", "/api/units").status == 401)
            #expect(try fixture.register.run(["user", "disable", "xem.vp"]).status == 0)
            #expect(try await viewer.send("GET", "/api/units").status == 401)
            #expect(try await HTTPClient(server.base).logIn("xem.vp", ServerFixture.password).status == 401)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func securityHeadersBodyLimitAndTheAccessLog(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { _, server in
            let client = try await signedIn(server, "bt.vp")
            let answer = try await client.send("GET", "/api/units")
            #expect(answer.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(answer.header("X-Content-Type-Options") == "nosniff")
            #expect(answer.header("Cache-Control") == "no-store")
            let huge = Data(("{\"unit\": \"" + String(repeating: "x", count: 70_000) + "\"}").utf8)
            let tooLarge = try await client.send("POST", "/api/members", body: huge, headers: ["Content-Type": "application/json"])
            #expect(tooLarge.status == 413)
            #expect(try await client.send("GET", "/health").text == "ok")
            #expect(server.log.contains("GET /api/units 200"))
            #expect(server.log.contains("POST /api/members 413"))
        }
    }

    /// The checked-in OpenAPI document lists exactly the API's routes: every operation in
    /// it answers (not 404 or 405), and every route this suite drives is in it.
    @Test(arguments: RegisterEngineKind.allCases) func theOpenAPIDocumentMatchesTheRoutes(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { _, server in
            let client = try await signedIn(server, "office.yt")
            let answer = try await client.send("GET", "/api/openapi.json")
            #expect(answer.status == 200)
            let document = try #require(try answer.json() as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var operations: Set<String> = []
            for (path, methods) in paths {
                for method in methods.keys { operations.insert("\(method.uppercased()) \(path)") }
            }
            #expect(operations == [
                "GET /api/openapi.json", "POST /api/session", "DELETE /api/session", "GET /api/units", "GET /api/members",
                "POST /api/members", "GET /api/members/{code}", "POST /api/members/{code}/transfer",
                "POST /api/members/{code}/update", "POST /api/members/{code}/arrive", "POST /api/members/{code}/leave",
                "POST /api/members/{code}/grade", "POST /api/members/{code}/training",
                "GET /api/referral/candidates", "GET /api/reports/annual", "POST /api/import",
                "POST /api/units/{code}/rename", "POST /api/units/{code}/move", "POST /api/units/{code}/merge",
                "GET /api/units/{code}/history",
            ])
            for operation in operations where !operation.contains("session") {
                let parts = operation.split(separator: " ")
                let path = parts[1].replacingOccurrences(of: "{code}", with: "DV-VP")
                let status = try await client.send(String(parts[0]), path, json: parts[0] == "GET" ? nil : [:]).status
                #expect(![404, 405].contains(status), "\(operation) answered \(status)")
            }
            #expect(try await client.send("GET", "/api/nothing-here").status == 404)
        }
    }
}
