import Foundation

/// `--postgres URL` beside the everyday commands: the register copied into the empty
/// database once (`sodoan copy`, timed; a database that already holds it is used as it is),
/// then each everyday command run on the file and on PostgreSQL in turn, `--runs` times,
/// and the ratio of the medians. A command that does not run on PostgreSQL in this build
/// is listed as such.
func engineTimings(_ options: Options, file: String, postgres: String) throws {
    var rows: [String] = []
    let probe = try Timer.run([options.sodoan, "unit", "list", "--db", postgres])
    if probe.status == 66 {
        log("copying the register into \(postgres) …")
        let copy = try Timer.run([options.sodoan, "copy", "--from", file, "--to", postgres])
        guard copy.status == 0 else { throw BenchError("sodoan copy to \(postgres) failed: exit \(copy.status)") }
        rows.append("| copy file → PostgreSQL (once) | | \(duration(copy.seconds)) | |")
    } else if probe.status != 0 {
        throw BenchError("sodoan unit list --db \(postgres) failed: exit \(probe.status)")
    }
    for (name, arguments, _) in everydayQueries(options) where !(options.skip.map(name.hasPrefix) ?? false) {
        let onFile = [options.sodoan] + arguments + ["--db", file]
        let onPostgres = [options.sodoan] + arguments + ["--db", postgres]
        let first = try Timer.run(onPostgres)
        guard first.status == 0 else {
            rows.append("| \(name) | | not on PostgreSQL in this build (exit \(first.status)) | |")
            continue
        }
        var fileTimes: [Double] = [], postgresTimes: [Double] = []
        // Alternating the two keeps a slow moment of the machine from landing on one only.
        for _ in 0..<options.runs {
            fileTimes.append(try Timer.run(onFile).seconds)
            postgresTimes.append(try Timer.run(onPostgres).seconds)
        }
        rows.append("| \(name) | \(duration(median(fileTimes))) | \(duration(median(postgresTimes))) | "
                    + String(format: "%.2f×", median(postgresTimes) / median(fileTimes)) + " |")
    }
    print("")
    print("sodoan-bench: the same commands on the file and on PostgreSQL (\(postgres)), \(options.runs) runs each, medians")
    print("| operation | file | PostgreSQL | PostgreSQL / file |")
    print("|---|---:|---:|---:|")
    rows.forEach { print($0) }
}

func duration(_ seconds: Double) -> String {
    seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
}
