// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Traguardo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "traguardo", targets: ["traguardo"]),
        .library(name: "TraguardoCore", targets: ["TraguardoCore"]),
        .library(name: "TraguardoStore", targets: ["TraguardoStore"]),
        .library(name: "TraguardoSpreadsheet", targets: ["TraguardoSpreadsheet"]),
        .library(name: "TraguardoExchange", targets: ["TraguardoExchange"]),
        .library(name: "TraguardoDocuments", targets: ["TraguardoDocuments"]),
        .library(name: "TraguardoWeb", targets: ["TraguardoWeb"]),
        .library(name: "TraguardoServer", targets: ["TraguardoServer"]),
        .library(name: "TraguardoMail", targets: ["TraguardoMail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // For HummingbirdBcrypt only (password hashes). Sessions and API tokens are rows of the store, so that every
        // instance sees them, looked up by two small middlewares of the server (SessionMiddleware, BearerTokenMiddleware);
        // HummingbirdAuth's authenticators would need the same lookups plus a persist driver over the store.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Pure domain: plan, methodology, scoring, explanations, checks, Italian formats, and every rule the edges
        // share (what a person typed for a measurement, the measurement of an item in a period, unit codes, user roles
        // and what each may do, the calendar, the plan editor). No I/O.
        .target(name: "TraguardoCore"),
        // Schema, migrations and queries over SQLite (embedded default) and PostgreSQL; the audit log, the security
        // log, backup and restore.
        .target(
            name: "TraguardoStore",
            dependencies: [
                "TraguardoCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // The spreadsheet engine, without domain (of the core it uses only CivilDate, for date cells): the XML
        // tokenizer (XML/), CSV read and written (CSV/), XLSX read and written (XLSX/: parts, styles, number formats,
        // shared strings, streamed sheets, inflation budgets), the ZIP packaging of Office files (Office/) and files
        // written whole or not at all (Output/).
        .target(
            name: "TraguardoSpreadsheet",
            dependencies: ["TraguardoCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // What the domain exchanges through files: the plan file (YAML/JSON, with its size limits), the plan
        // workbook, the measurement sheets (CSV and XLSX, read and checked row by row, one import for CLI and server),
        // the service-case registers, documents written to files (Documents/: XLSX, DOCX; Printing/: PDF through
        // Chromium) and the open-data folder. Reads and writes spreadsheets through TraguardoSpreadsheet.
        .target(
            name: "TraguardoExchange",
            dependencies: [
                "TraguardoCore",
                "TraguardoDocuments",
                "TraguardoSpreadsheet",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Documents as values (RPP, Piano, Relazione sulla performance, schede di valutazione, monitoraggio,
        // validazione), built from typed scores; SVG charts; the open-data tables; their writers (HTML and
        // WordprocessingML). Pure: no file I/O.
        .target(name: "TraguardoDocuments", dependencies: ["TraguardoCore"]),
        // The web pages as values: Mustache templates and the view models they are filled from. Pure: no I/O.
        .target(
            name: "TraguardoWeb",
            dependencies: ["TraguardoCore", "TraguardoDocuments", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // E-mail: the SMTP client (SwiftNIO, NIOSSL for STARTTLS and TLS, AUTH PLAIN/LOGIN) and the messages it sends
        // (UTF-8 headers in RFC 2047 words, quoted-printable bodies). No domain.
        .target(
            name: "TraguardoMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // `traguardo serve`: Hummingbird 2, routes, users and roles, sessions in the database, CSRF, the request
        // intake (size budgets, forms, multipart), the PDF print queue, the JSON API and its OpenAPI document.
        .target(
            name: "TraguardoServer",
            dependencies: [
                "TraguardoCore", "TraguardoStore", "TraguardoExchange", "TraguardoSpreadsheet", "TraguardoDocuments", "TraguardoWeb",
                "TraguardoMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "traguardo",
            dependencies: [
                "TraguardoCore",
                "TraguardoStore",
                "TraguardoExchange",
                "TraguardoSpreadsheet",
                "TraguardoDocuments",
                "TraguardoServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `swift run -c release traguardo-benchmark`: an import of a million measurements, timed (prints numbers).
        .executableTarget(
            name: "traguardo-benchmark",
            dependencies: ["TraguardoCore", "TraguardoStore", "TraguardoExchange"],
            path: "Benchmarks/ImportBenchmark"
        ),
        // `swift run -c release traguardo-web-benchmark`: what each step of a web page costs on a national-size plan.
        .executableTarget(
            name: "traguardo-web-benchmark",
            dependencies: ["TraguardoCore", "TraguardoStore", "TraguardoDocuments", "TraguardoWeb"],
            path: "Benchmarks/WebBenchmark"
        ),
        // Fuzzing (`scripts/fuzz`, docs/fuzzing.md). TraguardoFuzzing: what each fuzz target does with one input,
        // shared with the Exchange tests that replay the saved findings. The executables, one per reader, each a
        // libFuzzer target when built with -DFUZZING: fuzz-plan-file (plan file YAML/JSON), fuzz-csv (measurements
        // CSV), fuzz-xlsx (XLSX workbook), fuzz-italian-value (an Italian number, percentage or date).
        .target(name: "TraguardoFuzzing", dependencies: ["TraguardoCore", "TraguardoExchange", "TraguardoSpreadsheet"], path: "Fuzz/TraguardoFuzzing"),
        .executableTarget(name: "fuzz-plan-file", dependencies: ["TraguardoFuzzing"], path: "Fuzz/PlanFile"),
        .executableTarget(name: "fuzz-csv", dependencies: ["TraguardoFuzzing"], path: "Fuzz/CSV"),
        .executableTarget(name: "fuzz-xlsx", dependencies: ["TraguardoFuzzing"], path: "Fuzz/XLSX"),
        .executableTarget(name: "fuzz-italian-value", dependencies: ["TraguardoFuzzing"], path: "Fuzz/ItalianValue"),
        .testTarget(
            name: "TraguardoCoreTests",
            dependencies: [
                "TraguardoCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // What every test target shares: a PostgreSQL server of their own, fresh databases, a sample plan, the
        // checks that a needed tool (Python module, Chromium) is there.
        .target(
            name: "TraguardoTestSupport",
            dependencies: ["TraguardoCore", "TraguardoStore", .product(name: "SQLKit", package: "sql-kit")],
            path: "Tests/TraguardoTestSupport"
        ),
        .testTarget(name: "TraguardoStoreTests", dependencies: ["TraguardoCore", "TraguardoStore", "TraguardoTestSupport"]),
        .testTarget(
            name: "TraguardoExchangeTests",
            dependencies: [
                "TraguardoCore", "TraguardoExchange", "TraguardoSpreadsheet", "TraguardoTestSupport", "TraguardoFuzzing", .product(name: "Yams", package: "Yams"),
                "TraguardoStore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["FuzzRegressions"]),
        .testTarget(
            name: "TraguardoDocumentsTests",
            dependencies: [
                "TraguardoCore", "TraguardoDocuments", "TraguardoExchange", "TraguardoSpreadsheet", "TraguardoTestSupport",
            ]),
        .testTarget(name: "TraguardoWebTests", dependencies: ["TraguardoCore", "TraguardoWeb", "TraguardoExchange", "TraguardoTestSupport"]),
        .testTarget(
            name: "TraguardoServerTests",
            dependencies: [
                "TraguardoCore", "TraguardoStore", "TraguardoServer", "TraguardoWeb", "TraguardoExchange", "TraguardoTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]),
        .testTarget(name: "TraguardoMailTests", dependencies: ["TraguardoMail", "TraguardoTestSupport"]),
        .testTarget(
            name: "TraguardoCLITests", dependencies: ["traguardo", "TraguardoCore", "TraguardoStore", "TraguardoTestSupport"]),
    ]
)
