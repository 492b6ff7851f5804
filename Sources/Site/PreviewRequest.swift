/// What `lectern site serve` asks of the preview server, as the arguments it hands over.
///
/// The preview server is its own executable, `lectern-serve`, beside `lectern`: its HTTP
/// server (Hummingbird on SwiftNIO, and their dependencies) stays out of `lectern`, whose
/// every command starts in a few milliseconds. `lectern` parses and validates the user's
/// command line, then replaces itself with `lectern-serve` and these arguments.
public struct PreviewRequest: Sendable, Equatable {
    public var coursePath: String
    public var options: SiteBuildOptions
    public var port: UInt16
    /// Rebuild when a course file changes.
    public var watch: Bool

    /// The preview server's executable name, looked up beside `lectern`.
    public static let executableName = "lectern-serve"

    public init(coursePath: String, options: SiteBuildOptions, port: UInt16, watch: Bool) {
        self.coursePath = coursePath
        self.options = options
        self.port = port
        self.watch = watch
    }

    /// The arguments that give this request to `lectern-serve`.
    public var arguments: [String] {
        var result = ["--course", coursePath, "--output", options.output, "--port", String(port)]
        if options.strict { result.append("--strict") }
        if !watch { result.append("--no-watch") }
        return result
    }

    /// A bad hand-over: `lectern-serve` was not started by `lectern site serve`.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads the arguments `arguments` gives; a request missing a course, output or port is invalid.
    public init(arguments: [String]) throws {
        var course: String?, output: String?, port: UInt16?
        var strict = false, watch = true
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--course": course = rest.popFirst()
            case "--output": output = rest.popFirst()
            case "--port": port = rest.popFirst().flatMap { UInt16($0) }
            case "--strict": strict = true
            case "--no-watch": watch = false
            default: throw Invalid(description: "unknown argument '\(flag)'")
            }
        }
        guard let course, let output, let port else {
            throw Invalid(description: "--course, --output and --port are required")
        }
        self.init(coursePath: course, options: SiteBuildOptions(output: output, strict: strict), port: port, watch: watch)
    }
}
