import Foundation
import Testing

/// Issue 11, families 1, 6, 7 and 10: numbers out of range, control characters, formula
/// cells, bad CSV and oversized text are refused before any rule or write (exit 65 or 66,
/// file byte-identical), and a write that changes nothing leaves no audit row.
@Suite("Hostile input, end to end")
struct HostileInputTests {
    /// The small tree with one member, DV001 in YT-VP.
    func makeRegister() throws -> CLI {
        let cli = try CLI()
        try cli.makeSmallTree()
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", "Nguyễn Thị Lan", "--born", "2000-05-10", "--gender", "female",
                    "--code", "DV001", "--joined", "2016-03-26", "--education", "university"])
        return cli
    }

    @Test func hugeVoteNumbersAreRefusedBeforeAnyWriteAndNothingCrashesLater() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        let huge = "10000000000000000"
        let stderr = try cli.refusedLeavingNoTrace(["referral", "nominate", "DV001", "--on", "2024-01-10", "--convened", huge,
                                                    "--present", huge, "--for", huge, "--lang", "en"], status: 65)
        #expect(stderr.contains("over 100000"), "\(stderr)")
        try cli.refusedLeavingNoTrace(["training", "list", "--year", "9223372036854775807"], status: 65)
        try cli.refusedLeavingNoTrace(["grade", "list", "--year", "0"], status: 65)
        try cli.refusedLeavingNoTrace(["referral", "list", "--year", "100000"], status: 65)
        try cli.ok(["member", "show", "DV001"])
    }

    @Test func controlCharactersAndDirectionOverridesAreRefusedOnEveryPath() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        for bad in ["Nguyễn\u{1B}[31m An", "Lan\u{07}", "Lan\u{202E}nahK", "Lan\tAn", "A\u{0}B"] where !bad.contains("\u{0}") {
            let stderr = try cli.refusedLeavingNoTrace(["member", "update", "DV001", "--name", bad, "--lang", "en"], status: 65)
            #expect(stderr.contains("control character"), "\(stderr)")
            #expect(!stderr.contains("\u{1B}") && !stderr.contains("\u{07}") && !stderr.contains("\u{202E}"))
        }
        try cli.refusedLeavingNoTrace(["member", "update", "DV001", "--workplace", "Sở\u{1B}]0;owned\u{07}"], status: 65)
        try cli.refusedLeavingNoTrace(["unit", "add", "B9", "--name", "Chi đoàn\u{2066}X", "--kind", "branch", "--parent", "YT"], status: 65)
        try cli.refusedLeavingNoTrace(["member", "remove", "DV001", "--on", "2024-01-01", "--reason", "đi\u{1B}xa"], status: 65)
        let csv = try cli.file("members.csv", "code,full_name,birth_date,gender,unit,joined_on,education\nDV002,\"Trần\u{1B}[2J Bình\",2000-01-01,male,YT-VP,2016-03-26,university\n")
        let stderr = try cli.refusedLeavingNoTrace(["import", "members", csv, "--lang", "en"], status: 65)
        #expect(stderr.contains("\(csv):2:") && stderr.contains("control character"), "\(stderr)")
    }

    @Test func nameLengthsAreLimitedOnTheCommandLineAndInCSV() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        let long = String(repeating: "Nguyễn ", count: 1500)
        #expect(try cli.refusedLeavingNoTrace(["unit", "add", "B9", "--name", long, "--kind", "branch", "--parent", "YT", "--lang", "en"],
                                              status: 65).contains("over the limit of 200"))
        try cli.refusedLeavingNoTrace(["member", "update", "DV001", "--name", String(repeating: "a", count: 101)], status: 65)
        try cli.ok(["member", "update", "DV001", "--name", String(repeating: "a", count: 100)])
        let csv = try cli.file("big.csv", "code,full_name,birth_date,gender,unit,joined_on,education\nDV003," + String(repeating: "x", count: 1 << 20)
                                + ",2000-01-01,male,YT-VP,2016-03-26,university\n")
        #expect(try cli.refusedLeavingNoTrace(["import", "members", csv, "--lang", "en"], status: 65).contains("\(csv):2:"))
    }

    @Test func oneRuleForFutureDatesIncludingInitAndUnits() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        let future = Calendar.current.date(byAdding: .day, value: 1, to: Date())!
        let tomorrow = ISO8601DateFormatter.string(from: future, timeZone: .current, formatOptions: [.withFullDate])
        let other = cli.directory.appending(path: "other.db").path
        let result = try cli.run(["init", "--name", "Khối", "--opened", tomorrow, "--db", other, "--lang", "en"], useDB: false)
        #expect(result.status == 65 && result.stderr.contains("is in the future"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other))
        try cli.refusedLeavingNoTrace(["unit", "add", "B9", "--name", "Chi đoàn 9", "--kind", "branch", "--parent", "YT", "--opened", tomorrow], status: 65)
        try cli.ok(["unit", "add", "B9", "--name", "Chi đoàn 9", "--kind", "branch", "--parent", "YT"])
    }

    @Test func aWriteThatChangesNothingLeavesNoAuditRow() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        let logBefore = try cli.ok(["log", "--format", "json"])
        let bytes = try cli.registerBytes()
        try cli.ok(["member", "update", "DV001", "--lang", "en"])
        try cli.ok(["member", "update", "DV001", "--name", "Nguyễn  Thị Lan"])
        try cli.ok(["policy", "set", "min_age", "18"])
        let header = try cli.file("header.csv", "code,full_name,birth_date,gender,unit,joined_on,education\n")
        try cli.ok(["import", "members", header])
        #expect(try cli.ok(["log", "--format", "json"]) == logBefore)
        #expect(try cli.registerBytes() == bytes)
    }

    @Test func formulaCellsAreNeutralisedInCSVAndImportBackUnchanged() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        try cli.ok(["member", "update", "DV001", "--name", "=HYPERLINK(\"http://x\";\"y\")", "--workplace", "@SUM(A1)"])
        let export = try cli.ok(["export", "members", "--include-personal"])
        #expect(export.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\""), "\(export)")
        #expect(export.contains(",'@SUM(A1),"), "\(export)")
        #expect(!export.contains(",=") && !export.contains(",@"))
        let listed = try cli.ok(["member", "list", "--format", "csv"])
        #expect(listed.contains("'=HYPERLINK"))
        let copy = try CLI()
        defer { copy.cleanUp() }
        try copy.makeSmallTree()
        try copy.ok(["import", "members", try copy.file("members.csv", export)])
        #expect(try copy.ok(["export", "members", "--include-personal"]) == export)
    }

    @Test func badCSVIsAClearLineWithFileLineAndColumn() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        let header = "code,full_name,birth_date,gender,unit,joined_on,education\n"
        let cases: [(String, [UInt8], String)] = [
            ("nul.csv", Array((header + "DV002,Trần Bình").utf8) + [0] + Array(",2000-01-01,male,YT-VP,2016-03-26,university\n".utf8),
             ":2: Line 2, column 16: a NUL byte"),
            ("stray.csv", Array((header + "DV002,\"Trần \"Bình\"\",2000-01-01,male,YT-VP,2016-03-26,university\n").utf8),
             ":2: Line 2, column 14: text after the closing quote"),
            ("open.csv", Array((header + "DV002,\"Trần Bình,2000-01-01,male,YT-VP,2016-03-26,university\n").utf8),
             ":2: The quote opened on line 2, column 7 is never closed"),
        ]
        for (name, bytes, message) in cases {
            let url = cli.directory.appending(path: name)
            try Data(bytes).write(to: url)
            let stderr = try cli.refusedLeavingNoTrace(["import", "members", url.path, "--lang", "en"], status: 65)
            #expect(stderr.contains(url.path + message), "\(stderr)")
            #expect(!stderr.contains("ImportProblem") && !stderr.contains("Text(vi:"))
        }
        let folder = cli.directory.appending(path: "folder.csv").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(try cli.refusedLeavingNoTrace(["import", "members", folder, "--lang", "en"], status: 66).contains("is a directory"))
    }

    @Test func personalDataStaysOutOfTheDefaultExportAndTheHelpNamesIt() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        try cli.ok(["member", "update", "DV001", "--id-number", "001200012345", "--phone", "0912345678",
                    "--email", "lan@example.vn", "--workplace", "Sở Y tế"])
        let plain = try cli.ok(["export", "members"])
        #expect(plain.hasPrefix("code,full_name,gender,unit,joined_on,education,office,party_joined_on,arrived_on,arrived_from,arrival_letter,temporary_until,qualification,theory,central_id\n"), "\(plain)")
        for personal in ["2000-05-10", "001200012345", "0912345678", "lan@example.vn", "Sở Y tế"] {
            #expect(!plain.contains(personal))
            #expect(!(try cli.ok(["export", "members", "--format", "json"])).contains(personal))
            #expect(try cli.ok(["export", "members", "--include-personal"]).contains(personal))
        }
        let help = try cli.run(["export", "--help"], useDB: false).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("personal data: birth date, national ID number, phone, e-mail, workplace"), "\(help)")
    }

    @Test func markupInNamesAndOptionsIsEscapedInTheReferralDocument() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.makeSmallTree()
        let name = "<img src=x onerror=alert(1)> **Lan**"
        try cli.ok(["member", "add", "--unit", "YT-VP", "--name", name, "--born", "2000-05-10", "--gender", "female",
                    "--code", "DV001", "--joined", "2016-03-26", "--education", "university"])
        try cli.ok(["grade", "set", "DV001", "--year", "2023", "--grade", "excellent"])
        try cli.ok(["training", "add", "DV001", "--kind", "party-awareness", "--completed", "2024-04-20"])
        let vote = ["--convened", "15", "--present", "12", "--for", "11"]
        try cli.ok(["referral", "nominate", "DV001", "--on", "2024-01-10"] + vote)
        try cli.ok(["referral", "refer-to-class", "DV001", "--on", "2024-02-01"])
        try cli.ok(["referral", "refer", "DV001", "--on", "2024-06-01", "--resolution", "<b>12</b>"] + vote)
        let markdown = try cli.ok(["referral", "document", "DV001", "--signer", "<script>x</script>", "--place", "[a](javascript:x)"])
        #expect(!markdown.contains("<img") && !markdown.contains("<script>") && !markdown.contains("<b>"), "\(markdown)")
        #expect(markdown.contains("\\<SCRIPT\\>") || markdown.contains("\\<script\\>"), "\(markdown)")
        #expect(markdown.contains("\\[a\\](javascript:x)"))
        let html = try cli.ok(["referral", "document", "DV001", "--format", "html", "--signer", "<script>x</script>"])
        #expect(!html.contains("<img") && !html.contains("<script>") && html.contains("&lt;script&gt;"))
    }

    /// The argument parser's own messages quote what was typed: an escape sequence in a
    /// mistyped option or value reaches the terminal replaced, with the usage status 64.
    @Test func usageErrorsQuoteTypedValuesWithoutTheirControlCharacters() throws {
        let cli = try makeRegister()
        defer { cli.cleanUp() }
        for arguments in [["member", "show", "DV001", "--format", "\u{1B}[31mred"], ["member", "list", "x\u{1B}]0;owned\u{07}"],
                          ["member", "list", "--bogus\u{1B}[2J"]] {
            let stderr = try cli.refusedLeavingNoTrace(arguments, status: 64)
            #expect(stderr.contains("\u{FFFD}") && !stderr.contains("\u{1B}") && !stderr.contains("\u{07}"), "\(stderr)")
        }
        #expect(try cli.ok(["--help"]).contains("USAGE: sodoan"))
    }
}
