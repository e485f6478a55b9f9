// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sodoan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sodoan", targets: ["sodoan"]),
        .library(name: "UnionRegister", targets: ["UnionRegister"]),
        .library(name: "RegisterStore", targets: ["RegisterStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The domain: dates, members, units, rules. Foundation only.
        .target(name: "UnionRegister"),

        // SQLite persistence. The schema is embedded from the top-level schema.sql at build time.
        .target(
            name: "RegisterStore",
            dependencies: [
                "UnionRegister",
                "Spreadsheet",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, which GRDB links: the fingerprint reads values in place.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Account passwords are kept as bcrypt hashes (docs/SECURITY.md).
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            plugins: ["EmbedSchema"]
        ),

        // The register on PostgreSQL (issue 20): the schema's PostgreSQL side, embedded from
        // schema.postgres.sql, its migrations, and `copy` between the two engines. A target of
        // its own, so that the SQLite-only store builds as before.
        .target(
            name: "PostgresStore",
            dependencies: [
                "UnionRegister",
                "RegisterStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // The connection's log goes nowhere: its messages are not the user's.
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedSchema"]
        ),

        // `sodoan serve`: HTTP routes, accounts and sessions, pages from Mustache templates.
        // Calls the store and renders; decides nothing (docs/ARCHITECTURE.md).
        .target(
            name: "RegisterServer",
            dependencies: [
                "UnionRegister",
                "RegisterStore",
                "RegisterViews",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                // The queue of the threads that run requests (RequestThreads).
                .product(name: "DequeModule", package: "swift-collections"),
                // The hash of a printed document's own style sheet, for its Content-Security-Policy.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates"), .copy("Static")]
        ),

        // .xlsx in and out (issue 17): ZIPFoundation for the container, Foundation's XMLParser
        // for the parts, read as streams; only the mapping to cells is this target's own.
        .target(name: "Spreadsheet", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),

        // What the CLI and the server both show: the JSON shapes of `--format json` and their wording.
        .target(name: "RegisterViews", dependencies: ["UnionRegister", "RegisterStore"]),

        // The command-line tool.
        .executableTarget(
            name: "sodoan",
            dependencies: [
                "UnionRegister",
                "RegisterStore",
                "RegisterViews",
                "RegisterServer",
                "PostgresStore",
                "Spreadsheet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks at scale (issue 6): `swift run -c release sodoan-bench`. Not part of `swift test`.
        .executableTarget(name: "sodoan-bench", dependencies: ["RegisterStore", "PostgresStore", "UnionRegister", "Spreadsheet", "SeededRandom"]),

        // One seeded generator for generated registers (the bench) and generated test inputs.
        .target(name: "SeededRandom"),

        // Build-time helper: turns schema.sql into a Swift string constant.
        .executableTarget(name: "schema-embedder"),
        .plugin(
            name: "EmbedSchema",
            capability: .buildTool(),
            dependencies: ["schema-embedder"]
        ),

        .testTarget(name: "UnionRegisterTests", dependencies: ["UnionRegister", "SeededRandom"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"]),
        .testTarget(name: "RegisterViewsTests", dependencies: ["RegisterViews", "UnionRegister"]),
        .testTarget(
            name: "RegisterStoreTests",
            // PostgresStore and the test cluster: the store's report tests run on both engines.
            dependencies: ["RegisterStore", "UnionRegister", "SeededRandom", "PostgresStore", "PostgresTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // End-to-end tests run the built `sodoan` binary; depending on the executable
        // makes `swift test` build it first.
        // GRDB lets a test damage a register behind sodoan's back, as a broken copy would;
        // RegisterStore gives the column lists the help must show.
        .testTarget(name: "sodoanTests", dependencies: ["sodoan", "RegisterStore", "PostgresTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // The PostgreSQL side of the schema, on a real server.
        .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "RegisterStore", "UnionRegister", "PostgresTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // The throw-away PostgreSQL server of a test run, shared by the test targets that need one.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
    ]
)
