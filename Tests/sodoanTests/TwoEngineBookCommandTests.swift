import Foundation
import PostgresTestSupport
import Testing

/// The Union book (grades, trainings, discipline, offices, dues, policy) and the referral
/// commands on a file and on PostgreSQL (docs/CLI.md#where-the-register-is), end to end:
/// the same assertions on each engine, one session compared byte for byte, and the sample
/// register's reads compared once copied.
@Suite("grade, training, discipline, office, dues, policy and referral commands on a file and on PostgreSQL", .serialized)
struct TwoEngineBookCommandTests {
    /// The small tree with Nguyễn Thị Lan (DV001) in YT-VP since 2016 and Trần Văn Bình
    /// (DV002) in YT-BV since 2018.
    private func twoMembers(_ kind: RegisterEngineKind) throws -> EngineRegister {
        let register = try EngineRegister(kind)
        try register.makeSmallTree()
        try register.ok(["member", "add", "--unit", "YT-VP", "--code", "DV001", "--name", "Nguyễn Thị Lan", "--born", "2000-05-10",
                         "--gender", "female", "--joined", "2016-03-26", "--education", "university"])
        try register.ok(["member", "add", "--unit", "YT-BV", "--code", "DV002", "--name", "Trần Văn Bình", "--born", "1998-01-02",
                         "--gender", "male", "--joined", "2018-03-26", "--education", "college"])
        return register
    }

    private let vote = ["--convened", "15", "--present", "12", "--for", "11"]

    /// Runs each command, which must be refused with its status (and message, when given),
    /// printing nothing on stdout and writing nothing.
    private func expectRefused(_ register: EngineRegister, _ refusals: [(arguments: [String], status: Int32, message: String)],
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try register.contents()
        for refusal in refusals {
            let result = try register.run(refusal.arguments)
            #expect(result.status == refusal.status, "\(refusal.arguments): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stdout.isEmpty, "\(refusal.arguments)", sourceLocation: sourceLocation)
            if !refusal.message.isEmpty { #expect(result.stderr.contains(refusal.message), "\(result.stderr)", sourceLocation: sourceLocation) }
            #expect(try register.contents() == before, "\(refusal.arguments) wrote", sourceLocation: sourceLocation)
        }
    }

    private func actions(_ register: EngineRegister) throws -> [Substring] {
        try register.ok(["log", "--format", "csv"]).split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] }
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func theBooksRecordsAreKeptListedAndShownOnTheMembersPage(_ kind: RegisterEngineKind) throws {
        let register = try twoMembers(kind)
        defer { register.cleanUp() }
        #expect(try register.ok(["grade", "set", "DV001", "--year", "2023", "--grade", "excellent", "--lang", "en"]).contains("excellent"))
        try register.ok(["grade", "set", "DV001", "--year", "2023", "--grade", "good"])
        try register.ok(["grade", "set", "DV001", "--year", "2023", "--grade", "good"])
        try register.ok(["grade", "set", "DV002", "--year", "2023", "--grade", "pass"])
        try register.ok(["training", "add", "DV001", "--kind", "party-awareness", "--completed", "2024-04-20", "--certificate", "15/GCN",
                         "--provider", "Trường Chính trị tỉnh"])
        try register.ok(["training", "add", "DV001", "--kind", "party-awareness", "--completed", "2024-04-20", "--certificate", "16/GCN"])
        try register.ok(["discipline", "add", "DV002", "--level", "reprimand", "--on", "2024-05-02", "--reason", "Vắng sinh hoạt"])
        try register.ok(["office", "add", "DV001", "--role", "secretary", "--unit", "YT-VP", "--from", "2022-10-01"])
        try register.ok(["office", "end", "DV001", "--unit", "YT-VP", "--on", "2024-10-01"])

        let grades = try register.ok(["grade", "list", "--format", "csv"]).split(separator: "\n").dropFirst()
        #expect(grades == ["2023,DV002,Trần Văn Bình,YT-BV,pass", "2023,DV001,Nguyễn Thị Lan,YT-VP,good"],
                "by year, then in Vietnamese name order (Bình before Lan), each with the branch of 31 December: \(grades)")
        #expect(try register.ok(["grade", "list", "--unit", "YT-BV", "--year", "2023", "--format", "csv"]).split(separator: "\n").count == 2)
        #expect(try register.ok(["grade", "list", "--year", "2022", "--format", "csv"]).split(separator: "\n").count == 1)
        let trainings = try register.ok(["training", "list", "--year", "2024", "--kind", "party-awareness", "--unit", "YT", "--format", "csv"])
        #expect(trainings.contains("16/GCN") && !trainings.contains("15/GCN") && trainings.split(separator: "\n").count == 2, "\(trainings)")
        #expect(try register.ok(["training", "list", "DV002", "--format", "csv"]).split(separator: "\n").count == 1)
        #expect(try register.ok(["office", "list", "--unit", "YT", "--as-of", "2023-01-01", "--format", "csv"]).contains("DV001"))
        #expect(try !register.ok(["office", "list", "--as-of", "2024-10-01", "--format", "csv"]).contains("DV001"))

        let page = try register.ok(["member", "show", "DV001", "--format", "json"])
        #expect(page.contains("\"good\"") && page.contains("16/GCN") && page.contains("\"secretary\""), "\(page)")
        #expect(try register.ok(["member", "show", "DV002", "--lang", "en"]).contains("Vắng sinh hoạt"))
        #expect(try actions(register).suffix(8) == ["grade.set", "grade.set", "grade.set", "training.add", "training.update",
                                                    "discipline.add", "office.add", "office.end"], "the same grade again writes nothing")
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func anExpulsionEndsMembershipAndARemovalFromOfficeEndsTheOffices(_ kind: RegisterEngineKind) throws {
        let register = try twoMembers(kind)
        defer { register.cleanUp() }
        try register.ok(["office", "add", "DV001", "--role", "secretary", "--unit", "YT-VP", "--from", "2022-10-01"])
        try register.ok(["office", "add", "DV001", "--role", "committee", "--unit", "YT", "--from", "2022-10-01"])
        try register.ok(["discipline", "add", "DV001", "--level", "removal-from-office", "--on", "2024-03-01", "--reason", "Quyết định 5/QĐ"])
        #expect(try register.ok(["office", "list", "--as-of", "2024-03-01", "--format", "csv"]).split(separator: "\n").count == 1,
                "both offices ended")
        #expect(try register.ok(["office", "list", "--format", "csv"]).components(separatedBy: "2024-03-01").count == 3)

        try register.ok(["discipline", "add", "DV002", "--level", "expulsion", "--on", "2024-06-01", "--reason", "Quyết định 9/QĐ"])
        let history = try register.ok(["member", "history", "DV002", "--format", "csv"])
        #expect(history.contains("expelled") && history.contains("2024-06-01"), "\(history)")
        #expect(try register.ok(["member", "list", "--status", "expelled", "--format", "csv"]).contains("DV002"))
        let audit = try register.ok(["log", "--member", "DV002", "--format", "json"])
        #expect(audit.contains("membership_event") && audit.contains("expelled"), "\(audit)")
        try expectRefused(register, [
            (["discipline", "add", "DV002", "--level", "warning", "--on", "2024-07-01", "--reason", "X"], 1, ""),
            (["grade", "set", "DV002", "--year", "2024", "--grade", "good"], 1, ""),
        ])
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func refusalsOfTheBooksCommandsSayWhyWithTheirStatusAndWriteNothing(_ kind: RegisterEngineKind) throws {
        let register = try twoMembers(kind)
        defer { register.cleanUp() }
        try register.ok(["office", "add", "DV001", "--role", "secretary", "--unit", "YT-VP", "--from", "2022-10-01"])
        try expectRefused(register, [
            (["grade", "set", "NOPE", "--year", "2023", "--grade", "good", "--lang", "en"], 65, "NOPE"),
            (["grade", "set", "DV001", "--year", "2015", "--grade", "good"], 1, "Lỗi ["),
            (["grade", "list", "--unit", "NOPE"], 65, "NOPE"),
            (["training", "add", "DV001", "--kind", "party-awareness", "--completed", "2999-01-01"], 65, "2999-01-01"),
            (["training", "add", "DV001", "--kind", "party-awareness", "--completed", "2024-13-01", "--lang", "en"], 65, "--completed"),
            (["training", "list", "NOPE"], 65, "NOPE"),
            (["discipline", "add", "DV001", "--level", "warning", "--on", "2999-01-01", "--reason", "X"], 65, "2999-01-01"),
            (["office", "add", "DV002", "--role", "secretary", "--unit", "YT-VP", "--from", "2023-01-01", "--lang", "en"], 1, "Error ["),
            (["office", "add", "DV002", "--role", "secretary", "--unit", "NOPE", "--from", "2023-01-01"], 65, "NOPE"),
            (["office", "end", "DV002", "--unit", "YT-VP", "--on", "2024-01-01", "--lang", "en"], 1, "holds no office of YT-VP"),
            (["office", "list", "--unit", "NOPE"], 65, "NOPE"),
            (["dues", "pay", "DV001", "--through", "2026-13", "--lang", "en"], 65, "--through"),
            (["dues", "pay", "NOPE", "--through", "2026-01"], 65, "NOPE"),
            (["dues", "status", "--unit", "NOPE"], 65, "NOPE"),
            (["policy", "set", "min_grade", "nonsense"], 65, ""),
            (["policy", "set", "min_age", "18", "--from", "2999-01-01"], 65, "2999-01-01"),
        ])
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func duesAreKeptPaidAndOwedAndPolicyValuesHoldFromTheirDay(_ kind: RegisterEngineKind) throws {
        let register = try twoMembers(kind)
        defer { register.cleanUp() }
        try register.ok(["dues", "start", "2024-01"])
        try register.ok(["dues", "rate", "set", "salaried", "6000", "--from", "2024-01"])
        try register.ok(["dues", "class", "DV001", "salaried", "--from", "2024-01"])
        let paid = try register.ok(["dues", "pay", "DV001", "--through", "2024-06", "--on", "2024-06-15", "--lang", "en"])
        #expect(paid.contains("2024-06"), "\(paid)")
        try register.ok(["dues", "exempt", "DV002", "--from", "2024-01", "--to", "2024-03", "--decision", "3/QĐ", "--reason", "Ốm dài ngày"])
        #expect(try register.ok(["dues", "rate", "show", "--format", "csv"]).contains("salaried,2024-01,6000"))
        let status = try register.ok(["dues", "status", "--as-of", "2024-12-31", "--format", "csv"])
        #expect(status.split(separator: "\n").count == 3 && status.contains("DV001") && status.contains("DV002"), "\(status)")
        #expect(try register.ok(["dues", "status", "--unit", "YT-VP", "--as-of", "2024-12-31", "--owing", "3", "--format", "csv"])
            .split(separator: "\n").count == 2, "DV001 owes July to December")

        try register.ok(["policy", "set", "min_age", "20", "--from", "2024-01-01"])
        try register.ok(["policy", "set", "min_age", "20", "--from", "2024-01-01"])
        let policy = try register.ok(["policy", "show", "--on", "2024-06-01", "--format", "csv"]).split(separator: "\n")
        #expect(policy.contains { $0.hasPrefix("min_age,") && $0.contains(",20,") && $0.contains("2024-01-01") }, "\(policy)")
        #expect(try !register.ok(["policy", "show", "--on", "2023-12-31", "--format", "csv"]).contains("2024-01-01"))
        #expect(try actions(register) == ["register.init", "unit.add", "unit.add", "unit.add", "unit.add", "member.add", "member.add",
                                          "dues.start", "dues.rate", "dues.class", "dues.pay", "dues.exempt", "policy.set"])
    }

    @Test(arguments: RegisterEngineKind.allCases)
    func aReferralGoesFromNominationToFullMembershipAndIsListedChecked(_ kind: RegisterEngineKind) throws {
        let register = try twoMembers(kind)
        defer { register.cleanUp() }
        try register.ok(["grade", "set", "DV001", "--year", "2023", "--grade", "excellent"])
        try register.ok(["training", "add", "DV001", "--kind", "party-awareness", "--completed", "2024-04-20", "--certificate", "15/GCN"])
        let candidates = try register.ok(["referral", "candidates", "--step", "nominate", "--unit", "YT", "--on", "2024-01-10", "--format", "json"])
        #expect(candidates.contains("DV001"), "\(candidates)")
        #expect(try register.ok(["referral", "check", "DV001", "--step", "nominate", "--on", "2024-01-10", "--format", "json"]).contains("\"eligible\" : true"))
        try expectRefused(register, [
            (["referral", "admit", "DV001", "--on", "2024-01-10"], 1, "referral-stage"),
            (["referral", "refer-to-class", "DV001", "--on", "2024-01-10"], 1, "no-open-referral"),
            (["referral", "nominate", "DV001", "--on", "2024-01-10", "--convened", "15", "--present", "9", "--for", "9"], 1, "vote-quorum"),
            (["referral", "nominate", "NOPE", "--on", "2024-01-10"] + vote, 65, "NOPE"),
            (["referral", "check", "NOPE", "--step", "nominate"], 65, "NOPE"),
        ])
        try register.ok(["referral", "nominate", "DV001", "--on", "2024-01-10"] + vote)
        try register.ok(["referral", "refer-to-class", "DV001", "--on", "2024-02-01"])
        try register.ok(["referral", "refer", "DV001", "--on", "2024-06-01", "--resolution", "12-NQ/ĐTN"] + vote)
        try register.ok(["referral", "admit", "DV001", "--on", "2024-10-01", "--decision", "345-QĐ/ĐU"])
        try expectRefused(register, [(["referral", "confirm", "DV001", "--on", "2025-09-30"], 1, "probation")])
        try register.ok(["referral", "confirm", "DV001", "--on", "2025-10-01"])

        let list = try register.ok(["referral", "list", "--unit", "YT", "--year", "2024", "--format", "json", "--on", "2025-10-01"])
        #expect(list.contains("\"official\"") && list.contains("12-NQ/ĐTN") && list.contains("345-QĐ/ĐU"), "\(list)")
        #expect(try register.ok(["referral", "list", "--unit", "YT-BV", "--format", "csv"]).split(separator: "\n").count == 1)
        #expect(try register.ok(["referral", "document", "DV001"]).contains("12-NQ/ĐTN"))
        #expect(try register.ok(["member", "show", "DV001", "--lang", "en"]).contains("345-QĐ/ĐU"))
        #expect(try actions(register).suffix(5) == ["referral.nominated", "referral.referred-to-class", "referral.referred",
                                                    "referral.admitted", "referral.official"])
    }

    /// One session of the book's and the referrals' commands, refusals included: every
    /// output, message and exit status the same byte for byte on both engines.
    @Test func theSameSessionOfTheBookAndReferralsGivesTheSameOutputsOnBothEngines() throws {
        let setup: [[String]] = [
            ["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", "2015-01-01"],
            ["unit", "add", "YT", "--name", "Đoàn cơ sở Sở Y tế", "--kind", "grassroots-union", "--parent", "DK", "--opened", "2015-01-01"],
            ["unit", "add", "YT-VP", "--name", "Chi đoàn Văn phòng Sở", "--kind", "branch", "--parent", "YT", "--opened", "2015-01-01"],
            ["member", "add", "--unit", "YT-VP", "--code", "DV001", "--name", "Nguyễn Thị Lan", "--born", "2000-05-10", "--gender", "female",
             "--joined", "2016-03-26", "--education", "university"],
            ["member", "add", "--unit", "YT-VP", "--code", "DV002", "--name", "Trần Văn Bình", "--born", "1998-01-02", "--gender", "male",
             "--joined", "2018-03-26", "--education", "college"],
        ]
        let book: [[String]] = [
            ["grade", "set", "DV001", "--year", "2023", "--grade", "excellent"], ["grade", "set", "DV001", "--year", "2023", "--grade", "excellent"],
            ["grade", "set", "DV002", "--year", "2023", "--grade", "pass", "--lang", "en"], ["grade", "set", "DV002", "--year", "2017", "--grade", "pass"],
            ["grade", "set", "NOPE", "--year", "2023", "--grade", "pass"], ["grade", "list"], ["grade", "list", "--year", "2023", "--format", "json"],
            ["training", "add", "DV001", "--kind", "party-awareness", "--completed", "2024-04-20", "--certificate", "15/GCN", "--result", "giỏi"],
            ["training", "add", "DV001", "--kind", "party-awareness", "--completed", "2024-04-20", "--certificate", "15/GCN", "--result", "giỏi"],
            ["training", "add", "DV002", "--kind", "union-cadre", "--completed", "2999-01-01", "--lang", "en"],
            ["training", "list"], ["training", "list", "DV001", "--format", "json", "--lang", "en"],
            ["discipline", "add", "DV002", "--level", "warning", "--on", "2024-05-02", "--reason", "Vắng sinh hoạt"],
            ["discipline", "add", "DV002", "--level", "warning", "--on", "2010-05-02", "--reason", "Trước khi vào Đoàn", "--lang", "en"],
            ["office", "add", "DV001", "--role", "secretary", "--unit", "YT-VP", "--from", "2022-10-01", "--title", "Bí thư Chi đoàn"],
            ["office", "add", "DV002", "--role", "secretary", "--unit", "YT-VP", "--from", "2023-01-01"],
            ["office", "list"], ["office", "list", "--as-of", "2023-01-01", "--format", "json"],
            ["office", "end", "DV002", "--unit", "YT-VP", "--lang", "en"], ["office", "end", "DV001", "--unit", "YT-VP", "--on", "2024-10-01"],
            ["dues", "start", "2024-01"], ["dues", "rate", "set", "salaried", "6000", "--from", "2024-01"],
            ["dues", "rate", "show"], ["dues", "class", "DV001", "salaried", "--from", "2024-01"],
            ["dues", "pay", "DV001", "--through", "2024-06", "--on", "2024-06-15"], ["dues", "pay", "DV001", "--through", "2024-03", "--on", "2024-06-16", "--lang", "en"],
            ["dues", "exempt", "DV002", "--from", "2024-01", "--to", "2024-03", "--decision", "3/QĐ", "--reason", "Ốm dài ngày"],
            ["dues", "status", "--as-of", "2024-12-31"], ["dues", "status", "--as-of", "2024-12-31", "--format", "json", "--lang", "en"],
            ["policy", "set", "min_age", "20", "--from", "2024-01-01"], ["policy", "set", "min_grade", "nonsense", "--lang", "en"],
            ["policy", "show", "--on", "2024-06-01"], ["policy", "show", "--on", "2023-06-01", "--format", "json"],
            ["unit", "grade", "YT-VP", "--year", "2023", "--grade", "good"], ["unit", "grade", "YT-VP", "--year", "2023", "--grade", "excellent"],
            ["unit", "grade", "DK", "--year", "2023", "--grade", "good", "--lang", "en"], ["unit", "grade", "NOPE", "--year", "2023", "--grade", "good"],
            ["unit", "grades", "DK"], ["unit", "grades", "YT", "--year", "2023", "--format", "json"],
        ]
        let referrals: [[String]] = [
            ["referral", "candidates", "--step", "nominate", "--on", "2024-01-10"],
            ["referral", "candidates", "--step", "nominate", "--unit", "YT", "--on", "2024-01-10", "--format", "json", "--lang", "en"],
            ["referral", "check", "DV001", "--step", "nominate", "--on", "2024-01-10"],
            ["referral", "check", "DV002", "--step", "nominate", "--on", "2024-06-10", "--lang", "en", "--format", "json"],
            ["referral", "admit", "DV001", "--on", "2024-01-10"],
            ["referral", "nominate", "DV001", "--on", "2024-01-10", "--convened", "15", "--present", "9", "--for", "9", "--lang", "en"],
            ["referral", "nominate", "DV001", "--on", "2024-01-10"] + vote, ["referral", "refer-to-class", "DV001", "--on", "2024-02-01"],
            ["referral", "refer", "DV001", "--on", "2024-06-01", "--resolution", "12-NQ/ĐTN"] + vote,
            ["referral", "admit", "DV001", "--on", "2024-10-01", "--decision", "345-QĐ/ĐU"],
            ["referral", "confirm", "DV001", "--on", "2025-09-30", "--lang", "en"],
            ["referral", "nominate", "DV002", "--on", "2024-06-10"] + vote,
            ["referral", "withdraw", "DV002", "--on", "2024-07-10", "--reason", "Xin rút"],
            ["referral", "list"], ["referral", "list", "--on", "2025-01-01", "--format", "json"],
            ["referral", "list", "--unit", "YT", "--stage", "withdrawn", "--format", "csv", "--lang", "en"],
            ["referral", "document", "DV001"], ["referral", "document", "DV001", "--format", "html", "--place", "Quảng Ninh"],
            ["referral", "document", "DV002", "--lang", "en"],
            ["member", "show", "DV001"], ["member", "show", "DV002", "--format", "json", "--lang", "en"],
            ["discipline", "add", "DV002", "--level", "expulsion", "--on", "2025-01-01", "--reason", "Quyết định 9/QĐ"],
            ["member", "history", "DV002"], ["log", "--format", "csv"],
        ]
        let session = setup + book + referrals
        let file = try sessionOutputs(session, on: .file), postgres = try sessionOutputs(session, on: .postgres)
        #expect(sessionStatuses(file) == Array(repeating: "0", count: setup.count)
                + ["0", "0", "0", "1", "65", "0", "0", "0", "0", "65", "0", "0", "0", "1", "0", "1", "0", "0", "1", "0"]
                + ["0", "0", "0", "0", "0", "1", "0", "0", "0", "0", "65", "0", "0", "0", "0", "1", "65", "0", "0"]
                + ["0", "0", "0", "0", "1", "1", "0", "0", "0", "0", "1", "1", "1", "0", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0"],
                "\(sessionStatuses(file))")
        for (index, arguments) in session.enumerated() {
            #expect(file[index] == postgres[index], "\(arguments)")
        }
    }

    /// The sample register's book and referral reads on a file and, copied, on PostgreSQL:
    /// each output, message and status the same byte for byte.
    @Test func theSampleRegistersBookAndReferralReadsAreTheSameOnBothEngines() throws {
        let cli = try CLI(), pg = try PostgresDatabase()
        defer { cli.cleanUp() }
        try cli.ok(["demo", "--samples", DemoCommandTests.samples, "--db", cli.db])
        #expect(try pg.run(cli, ["copy", "--from", cli.db, "--to", pg.url]).status == 0)
        var reads: [[String]] = [
            ["grade", "list"], ["grade", "list", "--year", "2024", "--format", "csv"], ["training", "list", "--format", "json"],
            ["training", "list", "--kind", "party-awareness", "--lang", "en"], ["office", "list"], ["office", "list", "--as-of", "2024-01-01", "--format", "csv"],
            ["dues", "rate", "show"], ["dues", "status", "--format", "csv"], ["dues", "status", "--owing", "3", "--lang", "en"],
            ["policy", "show", "--format", "json"], ["unit", "grades", "DK"], ["unit", "grades", "DK", "--year", "2025", "--format", "csv"],
            ["referral", "list"], ["referral", "list", "--format", "json", "--on", "2024-12-31"],
            ["referral", "list", "--year", "2024", "--format", "csv"],
        ]
        for step in ["nominate", "refer-to-class", "refer"] {
            reads.append(["referral", "candidates", "--step", step, "--format", "csv"])
        }
        for unit in try cli.lines("SELECT code FROM unit ORDER BY id") {
            reads += [["grade", "list", "--unit", unit, "--format", "csv"], ["training", "list", "--unit", unit, "--format", "csv"],
                      ["office", "list", "--unit", unit, "--format", "csv"], ["referral", "list", "--unit", unit, "--format", "csv"],
                      ["referral", "candidates", "--step", "nominate", "--unit", unit, "--format", "json", "--on", "2025-06-30"]]
        }
        for code in try cli.lines("SELECT DISTINCT m.code FROM member m JOIN referral r ON r.member_id = m.id ORDER BY m.code") {
            reads += [["referral", "check", code, "--step", "refer", "--format", "json"], ["referral", "document", code]]
        }
        for code in try cli.lines("SELECT DISTINCT m.code FROM member m JOIN membership_event e ON e.member_id = m.id WHERE e.kind = 'left' ORDER BY m.code") {
            reads += [["member", "letter", code], ["member", "letter", code, "--format", "html", "--signer", "Nguyễn Văn A"]]
        }
        for code in try cli.lines("SELECT code FROM member WHERE id % 7 = 0 ORDER BY id") {
            reads += [["referral", "check", code, "--step", "nominate", "--lang", "en"], ["training", "list", code, "--format", "csv"]]
        }
        let filled = try expectSameReads(reads, file: cli, postgres: pg)
        #expect(filled > reads.count / 2, "most reads print rows: \(filled) of \(reads.count)")
    }
}
