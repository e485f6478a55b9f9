import Foundation

/// Where initdb, pg_ctl and psql are: on PATH, or in Debian's /usr/lib/postgresql/NN/bin
/// (the newest first), which the `postgresql` package does not put on PATH.
struct PostgresBinaries {
    let initdb: String
    let pgCtl: String
    let psql: String

    static func find() throws -> PostgresBinaries {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        let debian = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        let folders = path + debian
        func first(_ name: String) -> String? {
            folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        guard let initdb = first("initdb"), let pgCtl = first("pg_ctl"), let psql = first("psql") else {
            throw ClusterError("""
                PostgreSQL is not installed: these tests need initdb, pg_ctl and psql (on PATH or in \
                /usr/lib/postgresql/NN/bin). Install Debian's package: apt-get install postgresql \
                (.ci/run does it when they are missing).
                """)
        }
        return PostgresBinaries(initdb: initdb, pgCtl: pgCtl, psql: psql)
    }
}
