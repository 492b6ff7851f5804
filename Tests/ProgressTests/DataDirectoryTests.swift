import Foundation
import Testing
@testable import Progress

@Suite("Data directory resolution")
struct DataDirectoryTests {
    @Test("--data-dir wins over every variable")
    func explicitWins() {
        let url = DataDirectory.resolve(
            explicit: "/tmp/mine", environment: ["LECTERN_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg"], homeDirectory: "/home/u")
        #expect(url.path == "/tmp/mine")
    }

    @Test("LECTERN_DATA_DIR wins over XDG_DATA_HOME")
    func lecternVariable() {
        let url = DataDirectory.resolve(environment: ["LECTERN_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg"], homeDirectory: "/home/u")
        #expect(url.path == "/env")
    }

    @Test("XDG_DATA_HOME/lectern when set")
    func xdgDataHome() {
        let url = DataDirectory.resolve(environment: ["XDG_DATA_HOME": "/xdg"], homeDirectory: "/home/u")
        #expect(url.path == "/xdg/lectern")
    }

    @Test("a relative XDG_DATA_HOME is ignored, as the XDG specification says")
    func relativeXDGIgnored() {
        let url = DataDirectory.resolve(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"])
        #expect(url.path == "/home/u/.local/share/lectern")
    }

    @Test("empty values count as unset")
    func emptyValuesAreUnset() {
        let url = DataDirectory.resolve(
            explicit: "", environment: ["LECTERN_DATA_DIR": "", "XDG_DATA_HOME": "", "HOME": "/home/u"])
        #expect(url.path == "/home/u/.local/share/lectern")
    }

    @Test("the database is progress.sqlite inside the directory")
    func databaseFile() {
        #expect(DataDirectory.databaseURL(in: URL(fileURLWithPath: "/d")).path == "/d/progress.sqlite")
    }
}
