import Foundation
import Site
import SiteServer

// The preview server behind `lectern site serve`, which validates the user's command line
// and starts this executable with a `PreviewRequest`'s arguments (see PreviewRequest.swift).

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(status)
}

let request: PreviewRequest
do {
    request = try PreviewRequest(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    fail("\(error). \(PreviewRequest.executableName) is the preview server of `lectern site serve`; run that instead.", status: 2)
}
let server = SitePreviewServer(coursePath: request.coursePath, options: request.options,
                               port: request.port, pollInterval: request.watch ? 0.5 : nil)
do {
    try await server.run { text in FileHandle.standardError.write(Data(text.utf8)) }
} catch let error as ServeError {
    fail(error.description, status: 1)
} catch {
    fail("cannot serve on 127.0.0.1:\(request.port): \(error)", status: 1)
}
