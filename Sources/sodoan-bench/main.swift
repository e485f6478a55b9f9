import Foundation
import RegisterStore
import UnionRegister

/// `swift run -c release sodoan-bench [--members N] [--runs R] [--import-runs I] [--skip NAME] [--dir DIR] [--sodoan PATH] [--reuse yes] [--postgres URL]`
/// `swift run -c release sodoan-bench --report yes [--members N] [--units U] [--years Y] [--runs R] [--dir DIR]`
/// `swift run -c release sodoan-bench --serve yes [--members N] [--seconds S] [--readers R] [--writers W] [--think MS] [--dir DIR] [--reuse yes]`
///     `[--postgres URL [--serve-role ROLE] [--servers N] [--kill yes]]`
/// `swift run -c release sodoan-bench --xlsx yes [--members N] [--runs R] [--dir DIR]`
///
/// `--serve yes` load-tests `sodoan serve` on loopback instead (issue 14): see `serveLoad`.
/// `--xlsx yes` times the import of a members workbook against the CSV of the same rows
/// instead (issue 17): see `xlsxTimings`.
///
/// `--report yes` times `report annual` on a register with history instead (issue 5): see
/// `reportTimings`.
///
/// `--postgres URL` (an empty database, as its owner, its password in the password file)
/// copies the register there and times the everyday commands on both engines too (see
/// `engineTimings`); with `--serve yes`, the servers serve the copy (see `serveLoad`).
///
/// `--reuse yes` keeps DIR from an earlier run of the same size and times only the commands
/// on its imported register (for a newer sodoan without generating and importing again).
/// `--skip NAME` leaves out the commands whose name in the table starts with NAME (e.g.
/// `report`, which takes minutes at 6,500,000 members).
///
/// Generates a deterministic register (units tree and a members CSV), then times, each R
/// times, the sqlite3 shell's `.import` of the CSV into an equivalent table (the baseline),
/// `sodoan import members` of the same file (I times, default R: at 6,500,000 members one
/// import takes minutes), and the everyday commands on the imported register, each against
/// the sqlite3 shell running the same statements; prints one table of medians, ratios and
/// the limits of issue 10.
struct Options {
    var members = 1_000_000
    var reuse = false
    var report = false
    var xlsx = false
    var units = 2_000
    var years = 5
    var runs = 5
    var importRuns: Int?
    /// Commands whose name starts with this are not timed (`--skip report`).
    var skip: String?
    /// `--serve yes`: the load test of `sodoan serve` (`serveLoad`).
    var serve = false
    var seconds = 30
    var readers = 100
    var writers = 10
    var think = 0
    /// `--postgres URL`: an empty PostgreSQL database, as its owner, that the generated
    /// register is copied into (`sodoan copy`) and the commands or the servers run on too.
    var postgres: String?
    /// `--serve-role ROLE`: with `--postgres`, the role `sodoan grant` gives the servers'
    /// rights to and they connect as (its password in the password file).
    var serveRole: String?
    /// `--servers N`: how many `sodoan serve` processes share the load (PostgreSQL).
    var servers = 1
    /// `--kill yes`: the first server is killed with SIGKILL halfway through the first run.
    var kill = false
    var dir = FileManager.default.temporaryDirectory.appending(path: "sodoan-bench").path
    var sodoan: String = {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return own.deletingLastPathComponent().appending(path: "sodoan").path
    }()

    init(_ arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw BenchError("\(flag) needs a value") }
            switch flag {
            case "--members": members = Int(value) ?? members
            case "--runs": runs = Int(value) ?? runs
            case "--import-runs": importRuns = Int(value)
            case "--skip": skip = value
            case "--dir": dir = value
            case "--sodoan": sodoan = value
            case "--reuse": reuse = value == "yes"
            case "--report": report = value == "yes"
            case "--xlsx": xlsx = value == "yes"
            case "--serve": serve = value == "yes"
            case "--seconds": seconds = Int(value) ?? seconds
            case "--readers": readers = Int(value) ?? readers
            case "--writers": writers = Int(value) ?? writers
            case "--think": think = Int(value) ?? think
            case "--postgres": postgres = value
            case "--serve-role": serveRole = value
            case "--servers": servers = max(1, Int(value) ?? servers)
            case "--kill": kill = value == "yes"
            case "--units": units = Int(value) ?? units
            case "--years": years = Int(value) ?? years
            default: throw BenchError("unknown flag \(flag); use --members N --runs R --import-runs I --skip NAME --dir DIR --sodoan PATH --reuse yes --postgres URL, or --report yes --members N --units U --years Y --runs R, or --serve yes --members N --seconds S --readers R --writers W --think MS [--postgres URL --serve-role ROLE --servers N --kill yes], or --xlsx yes --members N --runs R")
            }
        }
    }
}

/// One line of the result table.
struct Line {
    var operation: String
    var times: [Double]
    var peakMB: Double
    var limit: String
    var pass: Bool?
    /// The sqlite3 shell's times for the same work, when the line has its own baseline.
    var baseline: [Double] = []
    var median: Double { times.sorted()[times.count / 2] }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func main() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    if options.report { return try reportTimings(options) }
    if options.xlsx { return try xlsxTimings(options) }
    if options.serve { return try serveLoad(options) }
    let generator = RegisterGenerator(members: options.members)
    let register = options.dir + "/register.db"
    var lines: [Line] = []
    var baseline = Line(operation: "", times: [], peakMB: 0, limit: "", pass: nil)
    if !options.reuse {
        (baseline, lines) = try importTimings(options, generator: generator, register: register)
    }

    // Everyday commands on the imported register, each against the sqlite3 shell running
    // the very statements the command ran (`Register.sqlTraceVariable`); a command not in
    // this build is skipped. A unit-scoped command's limit is that it takes as long on any
    // size of register: compare its line across sizes.
    let queries = everydayQueries(options)
    for (number, (name, arguments, limit)) in queries.enumerated() where !(options.skip.map(name.hasPrefix) ?? false) {
        let command = [options.sodoan] + arguments + ["--db", register]
        let probe = try Timer.run(command)
        guard probe.status == 0 else {
            log("skipping \(name): exit \(probe.status) (not in this build?)")
            continue
        }
        let script = try traced(command, into: options.dir + "/statements-\(number + 1).sql")
        var line = Line(operation: name, times: [], peakMB: 0, limit: limit.map { "< \($0 < 1 ? "\(Int($0 * 1000)) ms" : "\(Int($0)) s")" } ?? "same at any size", pass: nil)
        // Alternating the two keeps a slow moment of the machine from landing on one only.
        for _ in 0..<options.runs {
            let m = try Timer.run(command)
            line.times.append(m.seconds)
            line.peakMB = max(line.peakMB, m.peakMB)
            let shell = try Timer.run(["sqlite3", "-batch", register], stdin: script)
            guard shell.status == 0 else { throw BenchError("sqlite3 failed on the statements of \(name) (\(script))") }
            line.baseline.append(shell.seconds)
        }
        line.pass = limit.map { line.median < $0 }
        lines.append(line)
    }

    print("sodoan-bench: \(options.members) members, \(generator.unions) grassroots unions, \(options.runs) runs each, medians")
    printTable(lines, baseline: baseline, against: ".import")
    if let postgres = options.postgres { try engineTimings(options, file: register, postgres: postgres) }
}

/// The everyday commands the bench times, each with its limit (nil: the same at any size).
func everydayQueries(_ options: Options) -> [(name: String, arguments: [String], limit: Double?)] {
    let middle = RegisterGenerator.memberCode(options.members / 2)
    let union = RegisterGenerator.unionCode(0)
    let large = options.members > 1_000_000
    return [
        ("member show (unit-scoped)", ["member", "show", middle], nil),
        ("member list --search \"tran minh khoa\"", ["member", "list", "--search", "tran minh khoa"], large ? 0.05 : 0.03),
        ("referral check (unit-scoped)", ["referral", "check", middle, "--step", "nominate", "--on", "2025-12-31"], nil),
        ("member list --unit, a 5,000-member unit (unit-scoped)", ["member", "list", "--unit", union], nil),
        ("referral candidates --unit, a 5,000-member unit (unit-scoped)", ["referral", "candidates", "--step", "nominate", "--unit", union, "--on", "2025-12-31"], nil),
        ("report annual, whole register", ["report", "annual", "--year", "2025"], large ? 6 : 1),
    ]
}

/// Runs `command` once with the register's SQL trace on, writing the statements it ran,
/// in order, to `script` for the sqlite3 shell; returns `script`.
func traced(_ command: [String], into script: String) throws -> String {
    _ = FileManager.default.createFile(atPath: script, contents: nil)
    setenv(Register.sqlTraceVariable, script, 1)
    defer { unsetenv(Register.sqlTraceVariable) }
    let m = try Timer.run(command)
    guard m.status == 0 else { throw BenchError("\(command.joined(separator: " ")) failed while traced: exit \(m.status)") }
    return script
}

/// The result table: each line's median, the median of its sqlite3 baseline (its own, or
/// `baseline` for lines without one) and the ratio of the two, peak memory, limit.
func printTable(_ lines: [Line], baseline: Line, against: String) {
    print("| operation | median | sqlite3 shell, same work (median) | ratio | peak memory | limit | met |")
    print("|---|---:|---:|---:|---:|---|---|")
    for line in lines {
        let own = line.baseline.isEmpty ? baseline.times : line.baseline
        let shell = own.isEmpty ? "" : duration(median(own)) + (line.baseline.isEmpty ? " (\(against))" : "")
        let ratio = own.isEmpty ? "" : String(format: "%.2f×", line.median / median(own))
        print("| \(line.operation) | \(duration(line.median)) | \(shell) | \(ratio) | \(Int(line.peakMB)) MB | \(line.limit) | \(line.pass.map { $0 ? "yes" : "NO" } ?? "") |")
    }
}

/// `--report yes`: writes a register with history (`HistoryGenerator`), loads it with
/// `sodoan init` and `sodoan import` of each file, then times `report annual --year 2025
/// --format json` of the whole bloc R times — the first run apart, since it computes the
/// fingerprint that later runs of the same content reuse — against the sqlite3 shell
/// running the same SQL R times (`Register.yearEndReportScript`: the report's queries and
/// the fingerprint's reading queries, printing every row to /dev/null).
func reportTimings(_ options: Options) throws {
    let fm = FileManager.default
    let generator = HistoryGenerator(members: options.members, units: options.units, years: options.years)
    let register = options.dir + "/register.db"
    try? fm.removeItem(atPath: options.dir)
    try fm.createDirectory(atPath: options.dir, withIntermediateDirectories: true)
    log("generating \(options.members) members in \(generator.unitCount) units, \(options.years) years of history …")
    try generator.writeFiles(in: options.dir)
    let load: [[String]] = [["init", "--name", "Đoàn Khối các cơ quan tỉnh", "--code", "DK", "--opened", HistoryGenerator.opened.description]]
        + ["units", "members", "events", "grades", "trainings"].map { ["import", $0, options.dir + "/\($0).csv"] }
    for arguments in load {
        let m = try Timer.run([options.sodoan] + arguments + ["--db", register])
        guard m.status == 0 else { throw BenchError("sodoan \(arguments.joined(separator: " ")) failed: exit \(m.status)") }
        log("sodoan \(arguments.prefix(2).joined(separator: " ")): \(String(format: "%.2f", m.seconds)) s")
    }

    let period = try ReportPeriod(from: Day(year: 2025, month: 1, day: 1)!, to: Day(year: 2025, month: 12, day: 31)!)
    let script = options.dir + "/report.sql"
    try Register.open(at: register, command: "sodoan-bench").yearEndReportScript(unitCode: nil, period: period)
        .write(toFile: script, atomically: true, encoding: .utf8)
    var baseline = Line(operation: "sqlite3 shell, the report's SQL and the fingerprint's queries (baseline)", times: [], peakMB: 0, limit: "", pass: nil)
    for _ in 0..<options.runs {
        let m = try Timer.run(["sqlite3", "-batch", register], stdin: script)
        guard m.status == 0 else { throw BenchError("sqlite3 failed on \(script)") }
        baseline.times.append(m.seconds)
        baseline.peakMB = max(baseline.peakMB, m.peakMB)
    }

    let report = [options.sodoan, "report", "annual", "--year", "2025", "--format", "json", "--db", register]
    var first = Line(operation: "report annual --year 2025, first run (computes the fingerprint)", times: [], peakMB: 0, limit: "< 1 s", pass: nil)
    var later = Line(operation: "report annual --year 2025, later runs (fingerprint kept)", times: [], peakMB: 0, limit: "< 1 s", pass: nil)
    for run in 0..<options.runs {
        let m = try Timer.run(report)
        guard m.status == 0 else { throw BenchError("sodoan report annual failed: exit \(m.status)") }
        if run == 0 {
            first.times.append(m.seconds)
            first.peakMB = m.peakMB
        } else {
            later.times.append(m.seconds)
            later.peakMB = max(later.peakMB, m.peakMB)
        }
    }
    first.pass = first.median < 1
    later.pass = later.times.isEmpty ? nil : later.median < 1

    print("sodoan-bench --report: \(options.members) members, \(generator.unitCount) units, \(options.years) years of history, \(options.runs) runs, medians")
    printTable([baseline, first] + (later.times.isEmpty ? [] : [later]), baseline: baseline, against: "sqlite3")
}

/// Generates the files, then times the sqlite3 baselines and `sodoan import members`;
/// returns the baseline the ratios are taken against and the result lines.
func importTimings(_ options: Options, generator: RegisterGenerator, register: String) throws -> (Line, [Line]) {
    let fm = FileManager.default
    try? fm.removeItem(atPath: options.dir)
    try fm.createDirectory(atPath: options.dir, withIntermediateDirectories: true)
    let csv = options.dir + "/members.csv"
    let template = options.dir + "/units.db"
    log("generating \(options.members) members in \(generator.unions) grassroots unions …")
    try generator.writeMembersCSV(to: csv)
    try generator.makeUnits(at: template)

    // Baselines: the sqlite3 shell's `.import` of the same file, in one transaction, into
    // (1) a plain table of the file's columns, and (2) the equivalent of the member table:
    // the same CHECK constraints, the same UNIQUE keys and as many secondary indexes. The
    // ratio is taken against (2), the table sodoan fills.
    let tables = [
        ("sqlite3 .import, plain table", """
            CREATE TABLE member_csv (code TEXT, full_name TEXT, birth_date TEXT, gender TEXT, unit TEXT, joined_on TEXT,
              education TEXT, id_number TEXT, phone TEXT, email TEXT, workplace TEXT);
            """),
        ("sqlite3 .import, member-equivalent table (baseline)", """
            CREATE TABLE member_csv (
              code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^A-Za-z0-9._/-]*'),
              full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
              birth_date TEXT NOT NULL CHECK (date(birth_date) IS birth_date),
              gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
              unit TEXT NOT NULL,
              joined_on TEXT NOT NULL CHECK (date(joined_on) IS joined_on AND joined_on > birth_date),
              education TEXT NOT NULL CHECK (education IN ('none', 'primary', 'lower-secondary',
                'upper-secondary', 'vocational', 'college', 'university', 'postgraduate')),
              id_number TEXT UNIQUE CHECK (id_number IS NULL OR (length(id_number) = 12 AND id_number NOT GLOB '*[^0-9]*')),
              phone TEXT, email TEXT, workplace TEXT) STRICT;
            CREATE INDEX member_csv_name ON member_csv(full_name);
            CREATE INDEX member_csv_unit ON member_csv(unit, joined_on);
            """),
    ]
    var baseline = Line(operation: "", times: [], peakMB: 0, limit: "", pass: nil)
    var lines: [Line] = []
    for (name, create) in tables {
        let script = options.dir + "/baseline.sql"
        try (create + "\nBEGIN;\n.mode csv\n.import --skip 1 \(csv) member_csv\nCOMMIT;\n")
            .write(toFile: script, atomically: true, encoding: .utf8)
        baseline = Line(operation: name, times: [], peakMB: 0, limit: "", pass: nil)
        for run in 0..<(options.importRuns ?? options.runs) {
            let db = options.dir + "/baseline-\(run).db"
            let m = try Timer.run(["sqlite3", "-batch", db], stdin: script)
            guard m.status == 0 else { throw BenchError("sqlite3 .import failed") }
            baseline.times.append(m.seconds)
            baseline.peakMB = max(baseline.peakMB, m.peakMB)
            try fm.removeItem(atPath: db)
        }
        lines.append(baseline)
    }

    var imported = Line(operation: "sodoan import members", times: [], peakMB: 0, limit: "≤ 1.5× baseline, < 300 MB", pass: nil)
    try timeImports(of: csv, runs: options.importRuns ?? options.runs, options: options, template: template, register: register, into: &imported)
    imported.pass = imported.median <= 1.5 * baseline.median && imported.peakMB < 300
    lines.append(imported)

    return (baseline, lines)
}

/// Imports `file` as members `runs` times, each into a fresh copy of the units-only register
/// `template` at `register`, adding each run's time and peak memory to `line`.
func timeImports(of file: String, runs: Int, options: Options, template: String, register: String, into line: inout Line) throws {
    let fm = FileManager.default
    for run in 0..<runs {
        try? fm.removeItem(atPath: register)
        try fm.copyItem(atPath: template, toPath: register)
        let m = try Timer.run([options.sodoan, "import", "members", file, "--db", register])
        guard m.status == 0 else { throw BenchError("sodoan import of \(file) failed (run \(run + 1))") }
        line.times.append(m.seconds)
        line.peakMB = max(line.peakMB, m.peakMB)
        log("\(line.operation) run \(run + 1): \(String(format: "%.2f", m.seconds)) s, \(Int(m.peakMB)) MB")
    }
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

do {
    try main()
} catch {
    log("sodoan-bench: \(error)")
    exit(1)
}
