// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "lectern",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
        .executable(name: "lectern-serve", targets: ["lectern-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Safe Swift ownership of the cmark tree; HTML and terminal renderers.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        // The course model, its loader, the quiz parser and diagnostics.
        .target(name: "Course", dependencies: [
            "Markdown",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Runs one untrusted command (learner code) in bubblewrap, with limits.
        .target(name: "Sandbox"),
        // Sandbox cost and bomb containment times, for BENCHMARKS.md.
        .executableTarget(
            name: "SandboxBenchmark", dependencies: ["Sandbox"],
            path: "Benchmarks/SandboxBenchmark", exclude: ["bench"]
        ),
        // Lectern's markdown to HTML, like the cmark CLI, for the pathological-input benchmark.
        .executableTarget(
            name: "MarkdownBenchmark", dependencies: ["Markdown"],
            path: "Benchmarks/MarkdownBenchmark",
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]  // as lectern
        ),
        // Grading: judges sandboxed runs' observations against expectations; report formats; batch.
        .target(name: "Grading", dependencies: ["Course", "Sandbox"]),
        // A quiz attempt as a pure state machine: answers, scoring, bands, seeded shuffling.
        .target(name: "Quiz", dependencies: ["Course"]),
        // The SQLite store (GRDB) of quiz attempts and exercise gradings; the data dir.
        .target(name: "Progress", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The interactive and scripted quiz in a terminal: input, signals, rendering, results.
        .target(name: "QuizTerminal", dependencies: ["Quiz", "Progress", "Course", "Markdown"]),
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
            "Markdown",
            "SiteTheme",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // `lectern site serve`: the built site on 127.0.0.1, rebuilt on change.
        .target(name: "SiteServer", dependencies: [
            "Site",
            .product(name: "FlyingFox", package: "FlyingFox"),
            .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        // The preview server `lectern site serve` hands over to: its own executable, so the
        // networking libraries its HTTP server links are not loaded by every lectern command.
        .executableTarget(name: "lectern-serve", dependencies: ["Site", "SiteServer"]),
        // The command-line front end: thin, calls the modules. Linked with mimalloc (Debian's
        // libmimalloc-dev) in place of glibc's malloc: a site build or check allocates on every
        // core, and it measured 7% and 15% faster (BENCHMARKS.md).
        .executableTarget(name: "lectern", dependencies: [
            "Course",
            "Grading",
            "Markdown",
            "Progress",
            "Sandbox",
            "QuizTerminal",
            "Site",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CourseTests",
            dependencies: ["Course"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "QuizTests", dependencies: ["Quiz", "Course", "Markdown"], exclude: ["Fixtures"]),
        .testTarget(name: "ProgressTests", dependencies: [
            "Progress",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "QuizTerminalTests", dependencies: ["QuizTerminal", "Quiz", "Progress", "Course"], exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lectern", "lectern-serve"], exclude: ["QuizFixtures"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox"]),
        .testTarget(
            name: "RedTeamTests",
            dependencies: ["Grading", "Course", "Sandbox"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GradingTests",
            dependencies: ["Grading", "Course", "Sandbox"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SiteTests",
            dependencies: ["Site", "SiteServer", "Course", "Markdown"],
            exclude: ["Fixtures", "Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
