
/// What `lectern import` asks of `lectern-import`: lectern parses and checks the user's
/// command line, then starts the helper with these arguments (the helper links libxml2,
/// which the other commands need not load).
public struct ImportRequest: Equatable, Sendable {
    public static let executableName = "lectern-import"

    public var file: String
    public var format: ExchangeFormat
    public var output: String
    public var force: Bool

    public init(file: String, format: ExchangeFormat, output: String, force: Bool) {
        self.file = file
        self.format = format
        self.output = output
        self.force = force
    }

    /// `--format F --output DIR [--force] -- FILE`.
    public var arguments: [String] {
        ["--format", format.rawValue, "--output", output] + (force ? ["--force"] : []) + ["--", file]
    }

    public init(arguments: [String]) throws(ImportRequestError) {
        var format: ExchangeFormat?
        var output: String?
        var force = false
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--format" where index + 1 < arguments.count:
                guard let value = ExchangeFormat(rawValue: arguments[index + 1]), value.isImportable else {
                    throw ImportRequestError(message: "unknown --format \(arguments[index + 1])")
                }
                format = value
                index += 2
            case "--output" where index + 1 < arguments.count:
                output = arguments[index + 1]
                index += 2
            case "--force":
                force = true
                index += 1
            case "--" where index + 2 == arguments.count:
                guard let format, let output else { throw ImportRequestError(message: "--format and --output come before the file") }
                self.init(file: arguments[index + 1], format: format, output: output, force: force)
                return
            default:
                throw ImportRequestError(message: "unexpected argument \(arguments[index])")
            }
        }
        throw ImportRequestError(message: "no file to import")
    }
}

/// Why `lectern-import` was started with arguments it does not understand.
public struct ImportRequestError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
