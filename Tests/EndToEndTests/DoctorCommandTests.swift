import Foundation
import Testing
import TestSupport

@Suite struct DoctorCommandTests {
    @Test func reportsAWorkingSandboxWithTheRealBubblewrap() throws {
        let result = try LecternProcess.run(["doctor"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("OK      namespaces: user, pid, network, IPC and UTS namespaces work"))
        #expect(result.stdout.contains("The sandbox works"))
    }

    @Test func jsonListsEveryCheck() throws {
        let result = try LecternProcess.run(["doctor", "--format", "json"])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let checks = findings.compactMap { $0["check"] as? String }
        #expect(checks.contains("bubblewrap"))
        #expect(checks.contains("python3"))
        #expect(findings.allSatisfy { ($0["status"] as? String) != "failure" })
    }
}
