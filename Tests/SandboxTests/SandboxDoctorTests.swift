import Foundation
import Testing
import Sandbox

/// `lectern doctor`'s sandbox checks.
@Suite struct SandboxDoctorTests {
    @Test func onThisMachineEveryCheckPasses() async {
        let findings = await SandboxDoctor().check()
        #expect(SandboxDoctor.canGrade(findings))
        #expect(findings.map(\.check).contains("namespaces"))
        let python = findings.first { $0.check == "python3" }
        #expect(python?.status == .ok)
        #expect(python?.detail.contains("/usr/bin/python3") == true)
    }

    @Test func aMissingBwrapFailsWithHowToInstallIt() async {
        var configuration = Bubblewrap.Configuration()
        configuration.bwrapPath = "/nonexistent/bwrap"
        let findings = await SandboxDoctor(sandbox: Bubblewrap(configuration: configuration)).check()
        #expect(!SandboxDoctor.canGrade(findings))
        let bwrap = findings.first { $0.check == "bubblewrap" }
        #expect(bwrap?.status == .failure)
        #expect(bwrap?.detail.contains("apt-get install bubblewrap") == true)
    }

    @Test func aMissingSwiftToolchainIsOnlyAWarning() async {
        var configuration = Bubblewrap.Configuration()
        configuration.runtimePaths = ["/usr"]
        configuration.searchPath = "/usr/bin:/bin"
        let findings = await SandboxDoctor(sandbox: Bubblewrap(configuration: configuration)).check()
        #expect(SandboxDoctor.canGrade(findings))
        #expect(findings.first { $0.check == "swiftc" }?.status == .warning)
    }
}
