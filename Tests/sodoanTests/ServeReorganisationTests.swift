import Foundation
import PostgresTestSupport
import Testing

/// The reorganisation routes of `sodoan serve`, over HTTP against the built binary: only an
/// office account reorganises, and only units of its subtree; a rule's refusal is 422.
@Suite("sodoan serve: unit reorganisations", .serialized)
struct ServeReorganisationTests {
    @Test(arguments: RegisterEngineKind.allCases) func onlyAnOfficeAccountReorganisesUnitsOfItsSubtree(_ kind: RegisterEngineKind) async throws {
        let fixture = try ServerFixture(kind)
        let server = try fixture.serve()
        defer { server.stop(); fixture.cleanUp() }
        func signedIn(_ name: String) async throws -> HTTPClient {
            let client = HTTPClient(server.base)
            #expect(try await client.logIn(name, ServerFixture.password).status == 200)
            return client
        }
        func expect(_ client: HTTPClient, _ method: String, _ path: String, _ json: [String: Any]?, _ status: Int, rule: String? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> Any? {
            let answer = try await client.send(method, path, json: json)
            #expect(answer.status == status, "\(method) \(path): \(answer.text)", sourceLocation: sourceLocation)
            if let rule { #expect(try answer.refusal()["rule"] as? String == rule, "\(answer.text)", sourceLocation: sourceLocation) }
            return try? answer.json()
        }
        let rename: [String: Any] = ["name": "Chi đoàn Hành chính", "on": "2020-03-01"]
        for name in ["bt.vp", "xem.vp"] {
            _ = try await expect(try await signedIn(name), "POST", "/api/units/YT-VP/rename", rename, 403, rule: "account-role")
        }
        let office = try await signedIn("office.yt")
        _ = try await expect(office, "POST", "/api/units/TC/rename", rename, 403, rule: "account-scope")
        _ = try await expect(office, "POST", "/api/units/YT-VP/move", ["parent": "TC", "on": "2020-06-01"], 403, rule: "account-scope")
        _ = try await expect(office, "POST", "/api/units/YT-VP/move", ["parent": "YT", "on": "2020-06-01"], 422, rule: "unit-parent")
        _ = try await expect(office, "POST", "/api/units/YT-VP/rename", ["name": "Chi đoàn Hành chính"], 400)
        let renamed = try await expect(office, "POST", "/api/units/YT-VP/rename", rename, 200) as? [[String: Any]]
        #expect(renamed?.map { $0["kind"] as? String } == ["renamed"] && renamed?.first?["old_name"] as? String == "Chi đoàn Văn phòng Sở")
        let merged = try await expect(office, "POST", "/api/units/YT-BV/merge", ["into": "YT-VP", "on": "2020-06-01"], 200) as? [[String: Any]]
        #expect(merged?.first?["kind"] as? String == "merged" && merged?.first?["members_moved"] as? Int == 1)
        let viewer = try await signedIn("xem.vp")
        let history = try await expect(viewer, "GET", "/api/units/YT-VP/history", nil, 200) as? [[String: Any]]
        #expect(history?.map { $0["kind"] as? String } == ["renamed", "merged"])
        _ = try await expect(viewer, "GET", "/api/units/TC/history", nil, 403, rule: "account-scope")
        // The merged branch's member came into YT-VP by a reorganisation, so is now in the viewer's subtree.
        let member = try await viewer.send("GET", "/api/members/DV-BV")
        #expect(member.status == 200 && member.text.contains("\"reorganised\""), "\(member.text)")
    }
}
