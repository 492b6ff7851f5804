import Site
import Testing

/// The hand-over from `lectern site serve` to the `lectern-serve` executable.
@Suite struct PreviewRequestTests {
    @Test func argumentsGiveBackTheSameRequest() throws {
        for (strict, watch) in [(false, true), (true, false)] {
            let request = PreviewRequest(coursePath: "my course", options: SiteBuildOptions(output: "out dir", strict: strict),
                                         port: 8123, watch: watch)
            #expect(try PreviewRequest(arguments: request.arguments) == request)
        }
    }

    @Test func aRequestWithoutAPortIsInvalid() {
        #expect(throws: PreviewRequest.Invalid.self) { try PreviewRequest(arguments: ["--course", "c", "--output", "o"]) }
    }

    @Test func anUnknownArgumentIsInvalid() {
        #expect(throws: PreviewRequest.Invalid.self) {
            try PreviewRequest(arguments: ["--course", "c", "--output", "o", "--port", "1", "--verbose"])
        }
    }
}
