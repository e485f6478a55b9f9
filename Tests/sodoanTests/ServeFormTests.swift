import Foundation
import PostgresTestSupport
import Testing

/// The member's write forms and printable documents of `sodoan serve`, as a browser
/// without JavaScript uses them: each form writes what the command line's command writes,
/// a refusal names the rule and keeps what was typed, and every route keeps to the
/// account's subtree.
extension ServePageTests {
    /// Posts a form of the member's page with the session's CSRF token.
    func post(_ client: HTTPClient, _ path: String, _ fields: [String: String]) async throws -> HTTPClient.Answer {
        let form = try await client.send("GET", path)
        let csrf = try #require(Self.hidden("csrf", in: form.text), "\(path): \(form.status)")
        return try await client.send("POST", path, form: fields.merging(["csrf": csrf]) { $1 })
    }

    @Test(arguments: RegisterEngineKind.allCases) func eachMemberFormWritesWhatItsCommandWrites(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind, "office.yt") { fixture, client in
            let update = try await client.send("GET", "/members/DV-VP/update")
            #expect(update.text.contains(#"value="Nguyễn Văn An""#) && update.text.contains(#"value="1998-03-10""#))
            var done = try await post(client, "/members/DV-VP/update", ["full_name": "Nguyễn Văn An", "birth_date": "1998-03-10",
                                                                        "gender": "male", "education": "postgraduate",
                                                                        "joined_on": "2016-01-01", "phone": "0987 654 321"])
            #expect(done.status == 200 && done.text.contains("Đã cập nhật DV-VP — Nguyễn Văn An."))
            done = try await post(client, "/members/DV-VP/transfer", ["to": "YT-BV", "on": "2026-01-15"])
            #expect(done.text.contains("Đã chuyển sinh hoạt DV-VP sang YT-BV từ ngày 2026-01-15."))
            done = try await post(client, "/members/DV-VP/grade", ["year": "2025", "grade": "excellent"])
            #expect(done.text.contains("năm 2025: Hoàn thành xuất sắc nhiệm vụ"), "\(done.text)")
            done = try await post(client, "/members/DV-VP/training", ["kind": "party-awareness", "completed": "2025-04-20",
                                                                      "certificate": "15/GCN", "started": "", "provider": "", "result": ""])
            #expect(done.text.contains("cho đoàn viên DV-VP"))
            done = try await post(client, "/members/DV-BV/leave", ["on": "2026-02-01", "to": "Tỉnh đoàn Hà Nam", "letter": "15-GGT/ĐTN"])
            #expect(done.text.contains("Đã ghi DV-BV chuyển sinh hoạt đi Tỉnh đoàn Hà Nam ngày 2026-02-01"))
            done = try await post(client, "/members/DV-BV/arrive", ["unit": "YT-VP", "on": "2026-03-01", "from": "Tỉnh đoàn Hà Nam", "letter": ""])
            #expect(done.text.contains("Đã ghi DV-BV chuyển sinh hoạt đến YT-VP từ Tỉnh đoàn Hà Nam ngày 2026-03-01."))
            let shown = try fixture.register.ok(["member", "show", "DV-VP", "--format", "json"])
            #expect(shown.contains("\"phone\" : \"0987 654 321\"") || shown.contains("\"phone\": \"0987 654 321\""), "\(shown)")
            #expect(shown.contains("postgraduate") && shown.contains("YT-BV") && shown.contains("15/GCN"))
            let log = try fixture.register.ok(["log", "--member", "DV-BV", "--format", "json"])
            #expect(log.contains("\"POST /members/DV-BV/leave\"") && log.contains("office.yt"))
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func aRefusedTransferOrGradeNamesTheRuleAndKeepsWhatWasTyped(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind) { fixture, client in
            let before = try fixture.register.ok(["member", "show", "DV-VP", "--format", "json"])
            let transfer = try await post(client, "/members/DV-VP/transfer", ["to": "YT-VP", "on": "2026-01-15"])
            #expect(transfer.status == 422)
            #expect(transfer.text.contains("[transfer-same-unit]"))
            #expect(transfer.text.contains(#"name="to" value="YT-VP""#) && transfer.text.contains(#"name="on" value="2026-01-15""#))
            let grade = try await post(client, "/members/DV-VP/grade", ["year": "2012", "grade": "good"])
            #expect(grade.status == 422)
            #expect(grade.text.contains("[grade-"))
            #expect(grade.text.contains(#"name="year" value="2012""#) && grade.text.contains(#"<option value="good" selected>"#))
            let english = try await client.send("POST", "/members/DV-VP/grade?lang=en", form: [
                "csrf": try #require(Self.hidden("csrf", in: grade.text)), "year": "soon", "grade": "good"])
            #expect(english.status == 400 && english.text.contains("year: &quot;soon&quot; is not a number."))
            #expect(try fixture.register.ok(["member", "show", "DV-VP", "--format", "json"]) == before)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func theDepartureLetterAndTheResolutionPrintAsTheCommandLineRendersThem(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind) { fixture, client in
            try fixture.register.ok(["grade", "set", "DV-VP", "--year", "2023", "--grade", "excellent"])
            try fixture.register.ok(["training", "add", "DV-VP", "--kind", "party-awareness", "--completed", "2024-04-20"])
            let vote = ["--convened", "15", "--present", "12", "--for", "11"]
            try fixture.register.ok(["referral", "nominate", "DV-VP", "--on", "2024-01-10"] + vote)
            try fixture.register.ok(["referral", "refer-to-class", "DV-VP", "--on", "2024-02-01"])
            try fixture.register.ok(["referral", "refer", "DV-VP", "--on", "2024-06-01", "--resolution", "12-NQ/ĐTN"] + vote)
            try fixture.register.ok(["member", "leave", "DV-VP", "--on", "2026-02-01", "--to", "Tỉnh đoàn <Hà Nam>", "--letter", "15-GGT/ĐTN"])
            let page = try await client.send("GET", "/members/DV-VP")
            #expect(page.text.contains(#"action="/members/DV-VP/document""#) && page.text.contains(#"action="/members/DV-VP/letter""#))
            let resolution = try await client.send("GET", "/members/DV-VP/document?place=Qu%E1%BA%A3ng+Ninh&signer=L%C3%AA+Hoa")
            #expect(resolution.status == 200)
            #expect(resolution.text == (try fixture.register.ok(["referral", "document", "DV-VP", "--format", "html",
                                                                   "--place", "Quảng Ninh", "--signer", "Lê Hoa"])))
            let letter = try await client.send("GET", "/members/DV-VP/letter")
            #expect(letter.text == (try fixture.register.ok(["member", "letter", "DV-VP", "--format", "html"])))
            #expect(letter.text.contains("Tỉnh đoàn &lt;Hà Nam&gt;"))
            // The document's own style sheet is allowed by its hash, and nothing else.
            let policy = try #require(letter.header("Content-Security-Policy"))
            #expect(policy.contains("style-src 'sha256-") && policy.contains("default-src 'none'") && !policy.contains("unsafe"))
        }
    }

    /// Every new page route (the forms, the documents, import and export), as each role, on the member inside every account's subtree
    /// (DV-VP) and the one outside all of them (DV-TC).
    @Test(arguments: RegisterEngineKind.allCases) func everyFormAndDocumentAsEveryRoleInsideAndOutsideTheSubtree(_ kind: RegisterEngineKind) async throws {
        for (name, role, _) in ServerFixture.accounts {
            try await withSignedInPages(kind, name) { _, client in
                let csrf = try #require(Self.hidden("csrf", in: try await client.send("GET", "/members/DV-VP").text))
                for path in ["update", "transfer", "arrive", "leave", "grade", "training"] {
                    #expect(try await client.send("GET", "/members/DV-VP/\(path)").status == 200, "\(name) GET \(path)")
                    let outside = try await client.send("GET", "/members/DV-TC/\(path)")
                    #expect(outside.status == 403 && outside.text.contains("[account-scope]"), "\(name) GET \(path) outside")
                    let posted = try await client.send("POST", "/members/DV-TC/\(path)", form: ["csrf": csrf, "on": "2026-01-15"])
                    #expect(posted.status == 403 && posted.text.contains("[account-scope]"), "\(name) POST \(path) outside")
                }
                let graded = try await client.send("POST", "/members/DV-VP/grade", form: ["csrf": csrf, "year": "2025", "grade": "good"])
                #expect(graded.status == (role == "viewer" ? 403 : 200), "\(name) grade: \(graded.status)")
                if role == "viewer" { #expect(graded.text.contains("[account-role]")) }
                #expect(try await client.send("GET", "/export/download?kind=members&unit=YT-VP").status == 200, "\(name) export")
                #expect(try await client.send("GET", "/export/download?kind=events&unit=TC").status == 403, "\(name) export outside")
                let (upload, headers) = Self.upload(csrf: csrf, kind: "grades", file: "code,year,grade\nDV-VP,2025,good\n",
                                                    name: "g.csv", dryRun: true)
                let imported = try await client.send("POST", "/import", body: upload, headers: headers)
                // No fixture account is an office of the top unit DK: an import would reach outside.
                #expect(imported.status == 403 && imported.text.contains(role == "viewer" ? "[account-role]" : "[account-scope]"),
                        "\(name) import")
                for path in ["document", "letter"] {
                    #expect(try await client.send("GET", "/members/DV-TC/\(path)").status == 403, "\(name) \(path) outside")
                    // Inside, the member has neither document: refused by the rule, not by scope.
                    #expect(try await client.send("GET", "/members/DV-VP/\(path)").status == 422, "\(name) \(path) inside")
                }
            }
        }
    }
}
