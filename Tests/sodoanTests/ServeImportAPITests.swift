import Foundation
import PostgresTestSupport
import Testing

/// `POST /api/import` over HTTP on loopback: the body is the file, imported all or nothing
/// (or dry-run) by an office account of the top unit only, the problems answered with
/// their file, line and column, and nothing written on a refusal. Each test runs on a file
/// and on PostgreSQL (docs/CLI.md#where-the-register-is).
extension ServeAPITests {
    static let goodMembers = "code,full_name,birth_date,gender,unit,joined_on,education\n"
        + "DV-UP1,Lý Thị Mai,2001-02-03,female,YT-VP,2019-03-26,university\n"

    /// The top unit's office account, added on the command line, signed in.
    func topOffice(_ fixture: ServerFixture, _ server: ServerProcess) async throws -> HTTPClient {
        let added = try fixture.register.run(["user", "add", "office.dk", "--role", "office", "--unit", "DK", "--password-stdin"],
                                        stdin: ServerFixture.password + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        return try await signedIn(server, "office.dk")
    }

    func importing(_ client: HTTPClient, _ query: String, _ file: String, withCSRF: Bool = true) async throws -> HTTPClient.Answer {
        try await client.send("POST", "/api/import?" + query, body: Data(file.utf8), headers: ["Content-Type": "text/csv"],
                              withCSRF: withCSRF)
    }

    @Test(arguments: RegisterEngineKind.allCases) func onlyAnOfficeAccountOfTheTopUnitImports(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            for (name, rule) in [("office.yt", "account-scope"), ("bt.vp", "account-scope"), ("xem.vp", "account-role")] {
                let client = try await signedIn(server, name)
                let refused = try await importing(client, "kind=members", Self.goodMembers)
                #expect(refused.status == 403, "\(name): \(refused.text)")
                #expect(try refused.refusal()["rule"] as? String == rule, "\(name): \(refused.text)")
            }
            #expect(try await importing(HTTPClient(server.base), "kind=members", Self.goodMembers).status == 401)
            let office = try await topOffice(fixture, server)
            #expect(try await importing(office, "kind=members", Self.goodMembers, withCSRF: false).status == 403)
            #expect(try fixture.register.run(["member", "show", "DV-UP1"]).status == 65)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func aFileWithAProblemIsRefusedWholeNamingFileLineAndColumn(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            let office = try await topOffice(fixture, server)
            let bad = Self.goodMembers + "DV-UP2,Đào Văn Nam,2001-02-30,male,YT-VP,2019-03-26,university\n"
            let refused = try await importing(office, "kind=members&file=" + HTTPClient.encoded("../moi <2>.csv"), bad)
            #expect(refused.status == 400)
            let error = try refused.refusal()
            #expect(error["kind"] as? String == "bad-input")
            #expect(error["message"] as? String == "1 lỗi trong moi2.csv; không ghi gì vào sổ.")
            #expect(error["fix"] as? String == "Sửa tệp rồi nhập lại.")
            let report = try #require((try refused.json() as? [String: Any])?["report"] as? [String: Any])
            #expect(report["written"] as? Bool == false && report["rows"] as? Int == 2)
            let problems = try #require(report["problems"] as? [[String: Any]])
            #expect(problems.count == 1)
            #expect(problems.first?["file"] as? String == "moi2.csv")
            #expect(problems.first?["line"] as? Int == 3)
            #expect(problems.first?["column"] as? String == "birth_date")
            #expect(try fixture.register.run(["member", "show", "DV-UP1"]).status == 65)

            let english = try await importing(office, "kind=members&lang=en", bad)
            #expect(try english.refusal()["message"] as? String == "1 problem in upload.csv; nothing was written.")
            let unclosed = try await importing(office, "kind=members", Self.goodMembers + "DV-UP3,\"Đào Văn,2001-02-03\n")
            #expect(unclosed.status == 400)
            let where_ = try #require(((try unclosed.json() as? [String: Any])?["report"] as? [String: Any])?["problems"] as? [[String: Any]])
            #expect(where_.first?["line"] as? Int == 3, "\(unclosed.text)")
            #expect(try fixture.register.run(["member", "show", "DV-UP1"]).status == 65)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func aDryRunWritesNothingAndAnImportIsAuditedWithTheAccount(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            let office = try await topOffice(fixture, server)
            let dry = try await importing(office, "kind=members&dry_run=true&file=moi.csv", Self.goodMembers)
            #expect(dry.status == 200, "\(dry.text)")
            let dryReport = try #require(try dry.json() as? [String: Any])
            #expect(dryReport["dry_run"] as? Bool == true && dryReport["written"] as? Bool == false)
            #expect(dryReport["added"] as? Int == 1 && dryReport["file"] as? String == "moi.csv" && dryReport["kind"] as? String == "members")
            #expect(try fixture.register.run(["member", "show", "DV-UP1"]).status == 65)

            let imported = try await importing(office, "kind=members&dry_run=0&file=moi.csv", Self.goodMembers)
            #expect(imported.status == 200, "\(imported.text)")
            let report = try #require(try imported.json() as? [String: Any])
            #expect(report["written"] as? Bool == true && report["added"] as? Int == 1)
            #expect(try fixture.register.ok(["member", "show", "DV-UP1"]).contains("Lý Thị Mai"))
            // The import's own audit row (a new member has no row of their own) names the account and the route.
            let log = try #require(try JSONSerialization.jsonObject(with: Data(fixture.register.ok(["log", "--format", "json"]).utf8)) as? [[String: Any]])
            let rows = log.filter { $0["action"] as? String == "member.import" }
            #expect(rows.count == 1, "\(rows)")
            #expect(rows.first?["actor"] as? String == "office.dk")
            #expect(rows.first?["command"] as? String == "POST /api/import")
            let again = try #require(try await importing(office, "kind=members", Self.goodMembers).json() as? [String: Any])
            #expect(again["unchanged"] as? Int == 1 && again["added"] as? Int == 0)
        }
    }

    /// A workbook body is read as a workbook: the register's own .xlsx export of its members
    /// imports back with every row unchanged.
    @Test(arguments: RegisterEngineKind.allCases) func aWorkbookBodyImportsAsAWorkbook(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            let office = try await topOffice(fixture, server)
            try fixture.register.ok(["export", "members", "--include-personal", "--format", "xlsx", "--output", "members.xlsx"])
            let workbook = try Data(contentsOf: fixture.cli.directory.appending(path: "members.xlsx"))
            let answer = try await office.send("POST", "/api/import?kind=members&dry_run=true&file=members.xlsx", body: workbook,
                                               headers: ["Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
            #expect(answer.status == 200, "\(answer.text)")
            let report = try #require(try answer.json() as? [String: Any])
            #expect(report["rows"] as? Int == 3 && report["unchanged"] as? Int == 3 && report["file"] as? String == "members.xlsx", "\(report)")
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func aMalformedImportRequestIs400AndAnOversizedOne413(kind: RegisterEngineKind) async throws {
        try await withServer(kind) { fixture, server in
            let office = try await topOffice(fixture, server)
            for query in ["", "kind=everything", "kind=members&dry_run=maybe"] {
                let answer = try await importing(office, query, Self.goodMembers)
                #expect(answer.status == 400, "\(query): \(answer.text)")
                #expect(try answer.refusal()["kind"] as? String == "bad-input", "\(query)")
            }
            let empty = try await importing(office, "kind=members", "")
            #expect(empty.status == 400)
            #expect(try empty.refusal()["message"] as? String == "Thân yêu cầu rỗng: gửi nội dung tệp CSV hoặc sổ tính .xlsx.")
            #expect(try await importing(office, "kind=members", String(repeating: "x", count: 5 * 1024 * 1024)).status == 413)
            #expect(try fixture.register.run(["member", "show", "DV-UP1"]).status == 65)
        }
    }
}
