import Foundation
import PostgresTestSupport
import Testing

/// The Union book's profile on the member forms of `sodoan serve`, over HTTP on loopback:
/// the admission and update forms take the ethnic group, the religion and the entered
/// political theory level, write what `member add|update --ethnicity --religion --theory`
/// write, show them back, and refuse an unknown group keeping what was typed.
extension ServePageTests {
    func shown(_ fixture: ServerFixture, _ code: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(try fixture.register.ok(["member", "show", code, "--format", "json"]).utf8)) as? [String: Any])
    }

    @Test(arguments: RegisterEngineKind.allCases) func theMemberFormsCarryEthnicityReligionAndTheoryLevel(_ kind: RegisterEngineKind) async throws {
        try await withSignedInPages(kind, "office.yt") { fixture, client in
            let blank = try await client.send("GET", "/members/new")
            #expect(blank.text.contains(#"<select name="ethnicity"><option value="">— chưa ghi —</option>"#), "\(blank.text)")
            #expect(blank.text.contains(#"<option value="e-de">Ê Đê</option>"#) && blank.text.contains(#"<option value="foreign">Người nước ngoài</option>"#))
            #expect(blank.text.contains(#"name="religion" value="""#) && blank.text.contains(#"<option value="intermediate">Trung cấp</option>"#))
            let csrf = try #require(Self.hidden("csrf", in: blank.text))
            let admitted = try await client.send("POST", "/members", form: [
                "csrf": csrf, "unit": "YT-VP", "code": "DV-HOA", "full_name": "H Hoa Niê", "birth_date": "2001-06-01", "gender": "female",
                "education": "university", "joined_on": "2020-03-26", "ethnicity": "e-de", "religion": "Tin Lành", "theory": "elementary"])
            #expect(admitted.status == 303)
            var member = try shown(fixture, "DV-HOA")
            #expect(member["ethnicity"] as? String == "e-de" && member["religion"] as? String == "Tin Lành")
            #expect(member["theory_entered"] as? String == "elementary" && member["theory"] as? String == "elementary")

            let update = try await client.send("GET", "/members/DV-HOA/update")
            #expect(update.text.contains(#"<option value="e-de" selected>Ê Đê</option>"#))
            #expect(update.text.contains(#"name="religion" value="Tin Lành""#) && update.text.contains(#"<option value="elementary" selected>"#))
            // The English form names the groups in Vietnamese (their official names) and the levels in English.
            let english = try await client.send("GET", "/members/DV-HOA/update?lang=en")
            #expect(english.text.contains("— not recorded —") && english.text.contains(#"<option value="elementary" selected>elementary</option>"#))

            let changed = try await post(client, "/members/DV-HOA/update", ["ethnicity": "kinh", "religion": "Không", "theory": "advanced"])
            // The language chosen with ?lang=en holds for the session.
            #expect(changed.status == 200 && changed.text.contains("Updated DV-HOA — H Hoa Niê."))
            member = try shown(fixture, "DV-HOA")
            #expect(member["ethnicity"] as? String == "kinh" && member["religion"] as? String == "none" && member["theory_entered"] as? String == "advanced")
            // As on the command line, the form's update and `member update` leave the same member.
            try fixture.register.ok(["member", "update", "DV-HOA", "--ethnicity", "Kinh", "--religion", "Không", "--theory", "Cao cấp"])
            #expect(try shown(fixture, "DV-HOA")["ethnicity"] as? String == "kinh")

            // An unknown group is refused (400), naming the nearest ones, keeping what was typed; nothing changes.
            let before = try fixture.register.ok(["member", "show", "DV-HOA", "--format", "json"])
            let unknown = try await post(client, "/members/DV-HOA/update", ["ethnicity": "Ê Đe Đê", "religion": "Cao Đài"])
            #expect(unknown.status == 400, "\(unknown.text)")
            #expect(unknown.text.contains("Ê Đê") && unknown.text.contains(#"name="religion" value="Cao Đài""#))
            let badLevel = try await post(client, "/members/DV-HOA/update", ["theory": "doctorate"])
            #expect(badLevel.status == 400 && badLevel.text.contains("theory"))
            #expect(try fixture.register.ok(["member", "show", "DV-HOA", "--format", "json"]) == before)

            // Blank clears each fact, as `--ethnicity ""` does.
            let cleared = try await post(client, "/members/DV-HOA/update", ["ethnicity": "", "religion": "", "theory": ""])
            #expect(cleared.status == 200)
            member = try shown(fixture, "DV-HOA")
            #expect(member["ethnicity"] == nil && member["religion"] == nil && member["theory_entered"] == nil)
            #expect(try fixture.register.ok(["log", "--member", "DV-HOA", "--format", "csv"]).contains("POST /members/DV-HOA/update"))
        }
    }
}
