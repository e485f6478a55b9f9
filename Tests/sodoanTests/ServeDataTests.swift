import Foundation
import PostgresTestSupport
import Testing

/// The CSV upload of `sodoan serve` (the import, all or nothing, or a dry run, with each
/// problem's file, line and column) and the export downloads (personal data out unless
/// asked), each within the account's subtree.
extension ServePageTests {
    /// A browser's `multipart/form-data` body of the import form.
    static func upload(csrf: String, kind: String, file: String, name: String, dryRun: Bool) -> (Data, [String: String]) {
        let boundary = "----sodoan-test-boundary"
        var body = ""
        for (field, value) in [("csrf", csrf), ("kind", kind)] + (dryRun ? [("dry_run", "1")] : []) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n"
        body += "--\(boundary)--\r\n"
        return (Data(body.utf8), ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
    }

    @Test(arguments: RegisterEngineKind.allCases) func anUploadIsCheckedAllOrNothingAndOnlyTheTopOfficeImports(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind, "office.yt") { fixture, client in
            let page = try await client.send("GET", "/import")
            #expect(page.text.contains(#"enctype="multipart/form-data""#))
            let csrf = try #require(Self.hidden("csrf", in: page.text))
            let good = "code,full_name,birth_date,gender,unit,joined_on,education\nDV-UP1,Lý Thị Mai,2001-02-03,female,YT-VP,2019-03-26,university\n"
            let (body, headers) = Self.upload(csrf: csrf, kind: "members", file: good, name: "moi.csv", dryRun: false)
            let outside = try await client.send("POST", "/import", body: body, headers: headers)
            #expect(outside.status == 403 && outside.text.contains("[account-scope]") && outside.text.contains("tài khoản văn phòng của DK"))

            let top = try fixture.register.run(["user", "add", "office.dk", "--role", "office", "--unit", "DK", "--password-stdin"],
                                          stdin: ServerFixture.password + "\n")
            #expect(top.status == 0)
            let office = HTTPClient(client.base)
            #expect(try await office.logIn("office.dk", ServerFixture.password).status == 200)
            let token = try #require(office.csrf)
            let bad = good + "DV-UP2,Đào Văn Nam,2001-02-30,male,YT-VP,2019-03-26,university\n"
            let (badBody, badHeaders) = Self.upload(csrf: token, kind: "members", file: bad, name: "../moi <2>.csv", dryRun: false)
            let refused = try await office.send("POST", "/import", body: badBody, headers: badHeaders)
            #expect(refused.status == 400)
            #expect(refused.text.contains("<td>moi2.csv</td><td>3</td><td>birth_date</td>"), "\(refused.text)")
            #expect(try fixture.register.run(["member", "show", "DV-UP1"]).status == 65)

            let (dryBody, dryHeaders) = Self.upload(csrf: token, kind: "members", file: good, name: "moi.csv", dryRun: true)
            let dry = try await office.send("POST", "/import", body: dryBody, headers: dryHeaders)
            #expect(dry.status == 200 && dry.text.contains("Chạy thử xong") && dry.text.contains("thêm 1"))
            #expect(try fixture.register.run(["member", "show", "DV-UP1"]).status == 65)
            let (realBody, realHeaders) = Self.upload(csrf: token, kind: "members", file: good, name: "moi.csv", dryRun: false)
            let imported = try await office.send("POST", "/import", body: realBody, headers: realHeaders)
            #expect(imported.status == 200 && imported.text.contains("Đã nhập vào sổ."))
            #expect(try fixture.register.ok(["member", "show", "DV-UP1"]).contains("Lý Thị Mai"))

            let (forged, forgedHeaders) = Self.upload(csrf: "forged", kind: "members", file: good, name: "moi.csv", dryRun: false)
            #expect(try await office.send("POST", "/import", body: forged, headers: forgedHeaders).status == 403)
            let huge = Self.upload(csrf: token, kind: "members", file: String(repeating: "x", count: 5 * 1024 * 1024), name: "big.csv", dryRun: true)
            #expect(try await office.send("POST", "/import", body: huge.0, headers: huge.1).status == 413)
        }
    }

    @Test(arguments: RegisterEngineKind.allCases) func exportsDownloadTheSubtreeWithoutPersonalDataUnlessAsked(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind) { _, client in
            let plain = try await client.send("GET", "/export/download?kind=members")
            #expect(plain.status == 200)
            #expect(plain.header("Content-Type")?.hasPrefix("text/csv") == true)
            #expect(plain.header("Content-Disposition") == "attachment; filename=\"members-YT-VP.csv\"")
            #expect(plain.text.contains("DV-VP,Nguyễn Văn An") && !plain.text.contains("DV-BV") && !plain.text.contains("DV-TC"))
            #expect(!plain.text.contains("birth_date") && !plain.text.contains("1998-03-10"))
            let personal = try await client.send("GET", "/export/download?kind=members&personal=1")
            #expect(personal.text.contains("birth_date") && personal.text.contains("1998-03-10"))
            let outside = try await client.send("GET", "/export/download?kind=members&unit=TC")
            #expect(outside.status == 403 && outside.text.contains("[account-scope]"))
            #expect(try await client.send("GET", "/export/download?kind=everything").status == 400)
        }
    }
}
