// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "lectern",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
        .executable(name: "lectern-serve", targets: ["lectern-serve"]),
        .executable(name: "lectern-import", targets: ["lectern-import"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // lectern-serve's HTTP server: Hummingbird's core on SwiftNIO (its default traits, which
        // add swift-configuration support, are left off).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // mimalloc's options for the lectern command, set before main (release builds link
        // mimalloc; elsewhere it sets nothing).
        .target(name: "AllocatorOptions"),
        // Small utilities several modules share: terminal facts and styling, stable JSON,
        // output formats, a parallel map, display paths, the one readdir loop.
        .target(name: "Support"),
        // Safe Swift ownership of the cmark tree; HTML and terminal renderers.
        .target(name: "Markdown", dependencies: ["CCmark", "Support"]),
        // The course model, its loader, the quiz parser and diagnostics.
        .target(name: "Course", dependencies: [
            "Markdown",
            "Support",
            "TextEscaping",
            .product(name: "Yams", package: "Yams"),
            .product(name: "TOMLKit", package: "TOMLKit"),  // mdBook's book.toml
        ]),
        // Text from outside lectern (learner output, file names) with control characters shown as
        // escapes; the XML escaping of the reports and question banks lectern writes.
        .target(name: "TextEscaping"),
        // Runs one untrusted command (learner code) in bubblewrap, with limits.
        .target(name: "Sandbox", dependencies: ["Support"]),
        // Sandbox cost and bomb containment times, for BENCHMARKS.md.
        .executableTarget(
            name: "SandboxBenchmark", dependencies: ["Sandbox"],
            path: "Benchmarks/SandboxBenchmark", exclude: ["bench"]
        ),
        // Lectern's markdown to HTML, like the cmark CLI, for the pathological-input benchmark.
        .executableTarget(
            name: "MarkdownBenchmark", dependencies: ["Markdown"],
            path: "Benchmarks/MarkdownBenchmark"  // built by scripts/build-release, with mimalloc as lectern
        ),
        // Grading: judges sandboxed runs' observations against expectations; report formats; batch.
        .target(name: "Grading", dependencies: ["Course", "Sandbox", "Support", "TextEscaping"]),
        // A quiz attempt as a pure state machine: answers, scoring, bands, seeded shuffling.
        .target(name: "Quiz", dependencies: ["Course"]),
        // The SQLite store (GRDB) of quiz attempts and exercise gradings; the data dir.
        .target(name: "Progress", dependencies: [
            "Support",
            "TextEscaping",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Question banks out: GIFT, Moodle XML, QTI 2.1 and QTI 1.2 packages (no I/O beyond
        // reading a quiz's images).
        .target(name: "Exchange", dependencies: [
            "Course",
            "Markdown",
            "TextEscaping",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Question banks in (GIFT, Moodle XML) as quiz pages. Reading XML links libxml2 and
        // ICU through FoundationXML, so only `lectern-import` links this, not every command.
        .target(name: "ExchangeImport", dependencies: ["Exchange", "Course"]),
        // `lectern import`: the user's command line is checked by lectern, which hands over here.
        .executableTarget(name: "lectern-import", dependencies: ["ExchangeImport"]),
        // Classical item analysis of quiz attempts, as Moodle's quiz statistics report (pure).
        .target(name: "ItemAnalysis", dependencies: ["Support"]),
        // The FSRS-6 spaced-repetition scheduler (pure).
        .target(name: "FSRS"),
        // The interactive and scripted quiz in a terminal: input, signals, rendering, results.
        .target(name: "QuizTerminal", dependencies: ["Quiz", "Progress", "Course", "Markdown", "FSRS", "Support"]),
        // The default site theme: Mustache templates and CSS/JS assets in site/, shipped as resources.
        .target(
            name: "SiteTheme",
            path: "site",
            exclude: ["README.md"],
            resources: [.copy("templates"), .copy("assets")]
        ),
        // The static study site: page model, navigation, search index, templates, atomic output.
        .target(name: "Site", dependencies: [
            "Course",
            "Support",
            "Markdown",
            "Exchange",
            "SiteTheme",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // `lectern site serve`: the built site on 127.0.0.1, rebuilt on change.
        .target(name: "SiteServer", dependencies: [
            "Site",
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The preview server `lectern site serve` hands over to: its own executable, so the
        // networking libraries its HTTP server links are not loaded by every lectern command.
        .executableTarget(name: "lectern-serve", dependencies: ["Site", "SiteServer"]),
        // The command-line front end: thin, calls the modules. (Release builds link mimalloc:
        // see scripts/build-release.)
        .executableTarget(name: "lectern", dependencies: [
            "AllocatorOptions",
            "Course",
            "Grading",
            "Markdown",
            "Progress",
            "Sandbox",
            "QuizTerminal",
            "Site",
            "Exchange",
            "ItemAnalysis",
            "FSRS",
            "Support",
            "TextEscaping",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // What the test targets share: golden files (Snapshot), temporary folders and a runner of
        // the built binaries (LecternProcess).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CourseTests",
            dependencies: ["Course", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "QuizTests", dependencies: ["Quiz", "Course", "Markdown"], exclude: ["Fixtures"]),
        .testTarget(name: "ProgressTests", dependencies: [
            "Progress",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "QuizTerminalTests", dependencies: ["QuizTerminal", "Quiz", "Progress", "Course", "FSRS"], exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lectern", "lectern-serve", "lectern-import", "SiteServer", "TestSupport"],
                    exclude: ["QuizFixtures", "HelpSnapshots"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "TestSupport"]),
        .testTarget(name: "ExchangeTests", dependencies: ["Exchange", "ExchangeImport", "Course", "Markdown"], exclude: ["Fixtures"]),
        .testTarget(name: "ItemAnalysisTests", dependencies: ["ItemAnalysis"], exclude: ["Fixtures"]),
        .testTarget(name: "FSRSTests", dependencies: ["FSRS"], exclude: ["Fixtures"]),
        .testTarget(name: "TextEscapingTests", dependencies: ["TextEscaping", "TestSupport"]),
        .testTarget(name: "SupportTests", dependencies: ["Support", "TestSupport"]),
        .testTarget(
            name: "RedTeamTests",
            dependencies: ["Grading", "Course", "Sandbox"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GradingTests",
            dependencies: ["Grading", "Course", "Sandbox", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SiteTests",
            dependencies: ["Site", "SiteServer", "Course", "Markdown", "Support", "TestSupport"],
            exclude: ["Fixtures", "Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
