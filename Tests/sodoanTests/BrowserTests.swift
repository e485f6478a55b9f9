import Foundation
import PostgresTestSupport
import Testing

/// A secretary's day in a real browser (headless chromium through WebDriver), without
/// JavaScript on the pages: sign in, admit a member, be refused a referral step and a grade
/// and read why, then open and print the year-end report.
@Suite("sodoan serve in a browser", .serialized)
struct BrowserTests {
    @Test(arguments: RegisterEngineKind.allCases) func signInAdmitBeRefusedAReferralStepAndPrintTheReport(_ kind: RegisterEngineKind) async throws {
        let fixture = try ServerFixture(kind)
        let server = try fixture.serve()
        defer { server.stop(); fixture.cleanUp() }
        let browser = try await WebDriver()
        do {
            try await browse(browser, server)
            await browser.quit()
        } catch {
            await browser.quit()
            throw error
        }
    }

    private func browse(_ browser: WebDriver, _ server: ServerProcess) async throws {
        // Signing in: a page without a session sends the browser to the login form.
        try await browser.open(server.base.appending(path: "members"))
        #expect(try await browser.url.hasSuffix("/login"))
        #expect(try await browser.title == "Đăng nhập — Sổ đoàn viên")
        try await browser.type("bt.vp", into: "input[name=name]")
        try await browser.type(ServerFixture.password, into: "input[name=password]")
        try await browser.follow("form.form button[type=submit]")
        #expect(try await browser.url.hasSuffix("/units"))
        #expect(try await browser.text(of: "main table").contains("Chi đoàn Văn phòng Sở"))

        // Admitting a member through the form.
        try await browser.follow("a[href='/members/new']")
        try await browser.type("DV-BR", into: "input[name=code]")
        try await browser.type("Đặng Thị Hoa", into: "input[name=full_name]")
        try await browser.type("2002-04-05", into: "input[name=birth_date]")
        try await browser.click("select[name=gender] option[value=female]")
        try await browser.click("select[name=education] option[value=university]")
        try await browser.type("2020-03-26", into: "input[name=joined_on]")
        try await browser.follow("#admit button[type=submit]")
        #expect(try await browser.url.contains("/members/DV-BR"))
        #expect(try await browser.text(of: ".notice").contains("Đã kết nạp Đặng Thị Hoa (mã DV-BR) vào YT-VP"))

        // A referral step the rules refuse: the new member has no grade yet.
        try await browser.follow("#record-step")
        try await browser.click("select[name=stage] option[value=nominated]")
        try await browser.type("12", into: "input[name=convened]")
        try await browser.type("11", into: "input[name=present]")
        try await browser.type("10", into: "input[name=votes_for]")
        try await browser.follow("#referral-step button[type=submit]")
        let refusal = try await browser.text(of: "#refusal")
        #expect(refusal.contains("Không ghi được"))
        #expect(refusal.contains("latest-grade"))
        #expect(try await browser.text(of: "#criteria").contains("Xếp loại gần nhất"))
        #expect(try await browser.attribute("value", of: "input[name=votes_for]") == "10")

        // A grade the rules refuse (a year before the member was admitted): the form says
        // which rule and keeps the year and the grade chosen.
        try await browser.follow("a[href='/members/DV-BR']")
        try await browser.follow("#action-grade")
        try await browser.type("2012", into: "input[name=year]")
        try await browser.click("select[name=grade] option[value=good]")
        try await browser.follow("#grade button[type=submit]")
        let gradeRefusal = try await browser.text(of: "#refusal")
        #expect(gradeRefusal.contains("Không ghi được") && gradeRefusal.contains("[grade-"), "\(gradeRefusal)")
        #expect(try await browser.attribute("value", of: "input[name=year]") == "2012")
        #expect(try await browser.attribute("value", of: "select[name=grade]") == "good")

        // The year-end report of the branch, in English with the switch, then printed.
        try await browser.follow("a[href='/reports/annual']")
        #expect(try await browser.text(of: "dl.report-header").contains("Chi đoàn Văn phòng Sở (YT-VP)"))
        try await browser.follow("#language-switch")
        #expect(try await browser.text(of: "main").contains("At start"))
        let pdf = try await browser.printPDF()
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect(pdf.count > 1000)
        #expect(server.log.contains("POST /members 303"))
        #expect(server.log.contains("POST /members/DV-BR/referral 422"))
        #expect(server.log.contains("POST /members/DV-BR/grade 422"))
    }
}
