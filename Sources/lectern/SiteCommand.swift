import ArgumentParser
import Course
import Foundation
import Site

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
        CourseFolder.resolve(course)
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
        endProcess(keeping: report.course, code: report.succeeded ? 0 : 1)  // the process ends with the build
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
        let request = PreviewRequest(coursePath: options.coursePath, options: options.buildOptions, port: port, watch: !noWatch)
        let helper = PreviewLauncher.helperPath()
        PreviewLauncher.replaceProcess(with: helper, arguments: request.arguments)
        // Reached only when the preview server could not be started.
        FileHandle.standardError.write(Data("""
            error: cannot start the preview server \(helper): \(String(cString: strerror(errno))). \
            It is built beside lectern: `scripts/build-release` (run by scripts/bootstrap), or \
            `swift build --product \(PreviewRequest.executableName)` for a debug build

            """.utf8))
        throw ExitCode(1)
    }
}

/// Starts `lectern-serve` in place of this process, so Ctrl-C and the exit status reach the
/// server directly.
enum PreviewLauncher {
    /// `lectern-serve` (or another helper) in the folder of the running `lectern` (symbolic
    /// links resolved).
    static func helperPath(named name: String = PreviewRequest.executableName) -> String {
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Replaces this process with `path`; returns only when that fails (errno says why).
    static func replaceProcess(with path: String, arguments: [String]) {
        fflush(nil)  // every stdio stream
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        argv.forEach { free($0) }
    }
}
