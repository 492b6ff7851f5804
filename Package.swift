// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "lectern",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .executableTarget(name: "SandboxBenchmark", dependencies: ["Sandbox"], path: "Benchmarks/SandboxBenchmark"),
        // The command-line front end: thin, calls the modules.
        .executableTarget(name: "lectern", dependencies: [
            "Course",
            "Markdown",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(
            name: "CourseTests",
            dependencies: ["Course"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["Course"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox"]),
    ],
    swiftLanguageModes: [.v6]
)
