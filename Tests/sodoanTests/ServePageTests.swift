import Foundation
import PostgresTestSupport
import Testing

/// The pages of `sodoan serve` over HTTP, as a browser without JavaScript sees them:
/// login with its token, forms with the session's CSRF token, escaping, the refusal that
/// keeps what was typed, the language switch, and scope.
@Suite("sodoan serve: the pages", .serialized)
struct ServePageTests {
    func withSignedInPages(_ kind: RegisterEngineKind, _ name: String = "bt.vp",
                           _ body: (ServerFixture, HTTPClient) async throws -> Void) async throws {
        let fixture = try ServerFixture(kind)
        let server = try fixture.serve()
        defer { server.stop(); fixture.cleanUp() }
        let client = HTTPClient(server.base)
        #expect(try await client.send("GET", "/units").header("Location") == "/login")
        _ = try await client.send("GET", "/login")
        let noToken = try await client.send("POST", "/login", form: ["name": name, "password": ServerFixture.password])
        #expect(noToken.status == 401)
        let token = try #require(Self.hidden("login_token", in: noToken.text))
        let refused = try await client.send("POST", "/login", form: ["login_token": token, "name": name, "password": "wrong"])
        #expect(refused.status == 401)
        #expect(refused.text.contains("Sai tên tài khoản hoặc mật khẩu."))
        let again = try #require(Self.hidden("login_token", in: refused.text))
        let signedIn = try await client.send("POST", "/login", form: ["login_token": again, "name": name, "password": ServerFixture.password])
        #expect(signedIn.status == 303 && signedIn.header("Location") == "/units")
        try await body(fixture, client)
    }

    /// The value of a hidden input of a page.
    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value="[^"]*""#, options: .regularExpression) else { return nil }
        return String(html[range].split(separator: "\"")[3])
    }

    @Test(arguments: RegisterEngineKind.allCases) func theAdmissionFormRefusesWithTheRuleKeepsWhatWasTypedAndAdmits(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind) { fixture, client in
            let form = try await client.send("GET", "/members/new")
            let csrf = try #require(Self.hidden("csrf", in: form.text))
            var fields = ["csrf": csrf, "unit": "YT-VP", "full_name": "Hoàng Thị <b>Em</b>", "birth_date": "2015-06-01",
                          "gender": "female", "education": "primary", "joined_on": "2024-01-01", "phone": "0912 345 678"]
            let refused = try await client.send("POST", "/members", form: fields)
            #expect(refused.status == 422)
            #expect(refused.text.contains("[admission-age]"))
            #expect(refused.text.contains("phải trên 15 tuổi"))
            #expect(refused.text.contains(#"value="Hoàng Thị &lt;b&gt;Em&lt;/b&gt;""#))
            #expect(refused.text.contains(#"value="0912 345 678""#))
            #expect(refused.text.contains(#"<option value="female" selected>"#))
            #expect(!refused.text.contains("<b>Em</b>"))
            fields["birth_date"] = "2001-06-01"
            fields["code"] = "DV-EM"
            let admitted = try await client.send("POST", "/members", form: fields)
            #expect(admitted.status == 303)
            #expect(admitted.header("Location") == "/members/DV-EM?admitted=1")
            let page = try await client.send("GET", "/members/DV-EM?admitted=1")
            #expect(page.text.contains("Đã kết nạp Hoàng Thị &lt;b&gt;Em&lt;/b&gt; (mã DV-EM) vào YT-VP"))
            #expect(try fixture.register.ok(["member", "show", "DV-EM"]).contains("Hoàng Thị <b>Em</b>"))
            fields["csrf"] = "forged"
            fields["code"] = "DV-FORGED"
            #expect(try await client.send("POST", "/members", form: fields).status == 403)
            #expect(try fixture.register.run(["member", "show", "DV-FORGED"]).status == 65)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func aMemberNamedScriptShowsAsTextEverywhere(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind) { fixture, client in
            try fixture.register.ok(["member", "add", "--unit", "YT-VP", "--code", "DV-X", "--name", "<script>alert('x')</script>",
                                "--born", "1999-01-01", "--gender", "male", "--joined", "2017-01-01", "--education", "university"])
            for path in ["/members/DV-X", "/members?unit=YT-VP", "/members?search=script"] {
                let page = try await client.send("GET", path)
                #expect(page.status == 200)
                #expect(!page.text.contains("<script>"), "\(path)")
                #expect(page.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "\(path)")
                #expect(page.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
            }
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func pagesOutsideTheSubtreeAre403AndSearchIgnoresDiacritics(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind) { _, client in
            let outside = try await client.send("GET", "/members/DV-TC")
            #expect(outside.status == 403)
            #expect(outside.text.contains("[account-scope]"))
            #expect(try await client.send("GET", "/members?unit=YT-BV").status == 403)
            #expect(try await client.send("GET", "/reports/annual?unit=TC&year=2025").status == 403)
            #expect(try await client.send("GET", "/members/DV-TC/referral").status == 403)
            let found = try await client.send("GET", "/members?search=nguyen+van")
            #expect(found.text.contains("Nguyễn Văn An"))
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func theUnitTreeTheReportAndTheEnglishSwitch(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind, "office.yt") { _, client in
            let units = try await client.send("GET", "/units")
            #expect(units.text.contains("Chi đoàn Văn phòng Sở") && units.text.contains("Chi đoàn Bệnh viện Đa khoa"))
            #expect(!units.text.contains("Sở Tài chính"))
            let report = try await client.send("GET", "/reports/annual?year=2025&unit=YT")
            #expect(report.text.contains("Đoàn viên đầu kỳ"))
            #expect(report.text.contains("Đoàn cơ sở Sở Y tế (YT)"))
            let english = try await client.send("GET", "/reports/annual?year=2025&unit=YT&lang=en")
            #expect(english.text.contains("At start") && english.text.contains(#"<html lang="en">"#))
            // The switch is kept in a cookie for the next pages.
            #expect(try await client.send("GET", "/units").text.contains("Unit tree"))
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func theReferralFormExplainsARefusalAndRecordsAStep(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind) { fixture, client in
            let form = try await client.send("GET", "/members/DV-VP/referral")
            let csrf = try #require(Self.hidden("csrf", in: form.text))
            let nominateEarly = ["csrf": csrf, "stage": "nominated", "on": "2026-03-01", "convened": "10", "present": "9", "votes_for": "8"]
            let refused = try await client.send("POST", "/members/DV-VP/referral", form: nominateEarly)
            #expect(refused.status == 422)
            // The refusal lists the failing criterion with its evidence, as `referral check` does.
            #expect(refused.text.contains("Xếp loại gần nhất"))
            #expect(refused.text.contains(#"value="8""#))
            #expect(refused.text.contains(#"<option value="nominated" selected>"#))
            try fixture.register.ok(["grade", "set", "DV-VP", "--year", "2025", "--grade", "excellent"])
            let nominate = ["csrf": csrf, "stage": "nominated", "on": "2026-03-01", "convened": "10", "present": "9", "votes_for": "8"]
            let recorded = try await client.send("POST", "/members/DV-VP/referral", form: nominate)
            #expect(recorded.status == 200)
            #expect(recorded.text.contains("Đã ghi «Chi đoàn đề xuất» cho DV-VP ngày 2026-03-01"))
        }
    }

    /// A roll of 230 (the fixture's member and 229 imported) shows 100 rows a page, the whole
    /// list's count, links that keep the unit and the search, and the whole list on asking.
    @Test(arguments: RegisterEngineKind.allCases) func aLongListShowsAHundredRowsAPage(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind) { fixture, client in
            let rows = (1...229).map { String(format: "DV-P%03d,Phạm Văn Lâm %03d,1999-01-01,male,YT-VP,2016-01-01,university", $0, $0) }
            let csv = try fixture.cli.file("many.csv", (["code,full_name,birth_date,gender,unit,joined_on,education"] + rows)
                .joined(separator: "\n") + "\n")
            try fixture.register.ok(["import", "members", csv])
            func shown(_ html: String) -> Int { html.components(separatedBy: "<tr><td><a href=\"/members/").count - 1 }
            let first = try await client.send("GET", "/members?unit=YT-VP")
            #expect(shown(first.text) == 100)
            #expect(first.text.contains("YT-VP: 230"))
            #expect(first.text.contains("Trang 1/3"))
            #expect(first.text.contains(#"href="/members?unit=YT-VP&amp;page=2" rel="next""#))
            #expect(!first.text.contains(#"rel="prev""#))
            let last = try await client.send("GET", "/members?unit=YT-VP&page=3")
            #expect(shown(last.text) == 30)
            #expect(last.text.contains(#"href="/members?unit=YT-VP&amp;page=2" rel="prev""#) && !last.text.contains(#"rel="next""#))
            // Past the last page (the list shrank since the link was made): the last page.
            #expect(shown(try await client.send("GET", "/members?unit=YT-VP&page=9").text) == 30)
            let all = try await client.send("GET", "/members?unit=YT-VP&page=all")
            #expect(shown(all.text) == 230)
            // A search's links keep the search, escaped for a URL: "lâm 0" finds the 130
            // numbers from 001 to 229 that hold a 0.
            let searched = try await client.send("GET", "/members?unit=YT-VP&search=l%C3%A2m+0")
            #expect(searched.text.contains("YT-VP: 130"))
            #expect(searched.text.contains(#"href="/members?unit=YT-VP&amp;search=l%C3%A2m%200&amp;page=2" rel="next""#))
            let english = try await client.send("GET", "/members?unit=YT-VP&page=2&lang=en")
            #expect(english.text.contains("Page 2 of 3") && english.text.contains("Next page"))
            for bad in ["0", "x", "-1", "99999999999999999999"] {
                let refused = try await client.send("GET", "/members?unit=YT-VP&page=\(bad)")
                #expect(refused.status == 400, "page=\(bad)")
                #expect(refused.text.contains("page=all"), "page=\(bad)")
            }
        }
    }

    /// A card number such as 12/2019 is a member code: the list links to its page with the
    /// slash escaped, and the link opens the member.
    @Test(arguments: RegisterEngineKind.allCases) func aCodeWithASlashLinksToItsOwnPage(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind) { fixture, client in
            try fixture.register.ok(["member", "add", "--unit", "YT-VP", "--code", "12/2019", "--name", "Đỗ Thị Hạnh",
                                "--born", "1999-01-01", "--gender", "female", "--joined", "2017-01-01", "--education", "university"])
            let list = try await client.send("GET", "/members?unit=YT-VP")
            #expect(list.text.contains(#"<a href="/members/12%2F2019">12/2019</a>"#))
            let page = try await client.send("GET", "/members/12%2F2019")
            #expect(page.status == 200)
            #expect(page.text.contains("Đỗ Thị Hạnh"))
            #expect(page.text.contains(#"href="/members/12%2F2019/update""#))
            #expect(try await client.send("GET", "/api/members/12%2F2019").status == 200)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func aViewerSeesButCannotAdmit(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind, "xem.vp") { _, client in
            let form = try await client.send("GET", "/members/new")
            let csrf = try #require(Self.hidden("csrf", in: form.text))
            let refused = try await client.send("POST", "/members", form: [
                "csrf": csrf, "unit": "YT-VP", "full_name": "Ngô Văn Phúc", "birth_date": "2001-06-01", "gender": "male",
                "education": "university"])
            #expect(refused.status == 403)
            #expect(refused.text.contains("[account-role]"))
            #expect(refused.text.contains(#"value="Ngô Văn Phúc""#))
        }
    }
}
