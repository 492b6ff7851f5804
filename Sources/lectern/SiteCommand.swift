import ArgumentParser
import Course
import Foundation
import Site
import SiteServer

/// `lectern site`: build or preview the static study site.
struct SiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Build the static study site of a course, or preview it.",
        subcommands: [SiteBuildCommand.self, SiteServeCommand.self]
    )
}

/// Options shared by `site build` and `site serve`.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The course folder (with course.yml) or any folder of markdown. Default: ./content if it exists, else the current folder.")
    var course: String?

    @Option(name: .shortAndLong, help: "The folder to write the site to. It is replaced whole on each build. Default: _site")
    var output: String = SiteBuildOptions.defaultOutput

    @Flag(help: "Fail the build on course errors (broken links, bad quizzes) instead of only reporting them.")
    var strict = false

    var coursePath: String {
        course ?? (FileManager.default.fileExists(atPath: "content") ? "content" : ".")
    }

    var buildOptions: SiteBuildOptions {
        SiteBuildOptions(output: output, strict: strict)
    }
}

/// `lectern site build [COURSE] [--output DIR] [--strict]`.
struct SiteBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the study site: lessons, quizzes, exercise pages and search, for any static host or file://.",
        discussion: """
            Writes into a temporary folder beside the output and swaps it in at the end, so an \
            interrupted build leaves the previous site whole; unchanged files are not rewritten. \
            Exits 1 when the site was not built (or, with --strict, when the course has errors).
            """
    )

    @OptionGroup var options: SiteOptions

    func run() async throws {
        let report = SiteBuilder.build(coursePath: options.coursePath, options: options.buildOptions)
        FileHandle.standardError.write(Data(report.text.utf8))
        if !report.succeeded { throw ExitCode(1) }
    }
}

/// `lectern site serve [COURSE] [--port N]`.
struct SiteServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild it when a course file changes.",
        discussion: "For authors previewing their work. Listens on the loopback interface only."
    )

    @OptionGroup var options: SiteOptions

    @Option(help: "The port to listen on (127.0.0.1 only).")
    var port: UInt16 = 8000

    @Flag(help: "Serve without watching the course for changes.")
    var noWatch = false

    func run() async throws {
        let server = SitePreviewServer(coursePath: options.coursePath, options: options.buildOptions,
                                       port: port, pollInterval: noWatch ? nil : 0.5)
        do {
            try await server.run { text in FileHandle.standardError.write(Data(text.utf8)) }
        } catch let error as ServeError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("error: cannot serve on 127.0.0.1:\(port): \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
