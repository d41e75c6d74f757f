import XCTest
@testable import Persistence

final class DataFolderTests: XCTestCase {
    // MARK: Resolution order

    func testExplicitPathWinsOverEverything() {
        let folder = DataFolder.resolve(
            explicitPath: "/given",
            environment: ["CAMPFIRE_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/home/me"])
        XCTAssertEqual(folder.url.path, "/given")
    }

    func testEnvironmentVariableWinsOverXDG() {
        let folder = DataFolder.resolve(
            explicitPath: nil,
            environment: ["CAMPFIRE_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/home/me"])
        XCTAssertEqual(folder.url.path, "/env")
    }

    func testXDGDataHomeWinsOverHome() {
        let folder = DataFolder.resolve(explicitPath: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/me"])
        XCTAssertEqual(folder.url.path, "/xdg/campfire")
    }

    func testFallsBackToLocalShareUnderHome() {
        let folder = DataFolder.resolve(explicitPath: nil, environment: ["HOME": "/home/me"])
        XCTAssertEqual(folder.url.path, "/home/me/.local/share/campfire")
        XCTAssertEqual(folder.sessionsFolder.path, "/home/me/.local/share/campfire/sessions")
    }

    func testEmptyValuesAreIgnored() {
        let folder = DataFolder.resolve(
            explicitPath: "", environment: ["CAMPFIRE_DATA_DIR": "", "XDG_DATA_HOME": "", "HOME": "/home/me"])
        XCTAssertEqual(folder.url.path, "/home/me/.local/share/campfire")
    }

    func testHomeFolderParameterUsedWhenHomeIsUnset() {
        let folder = DataFolder.resolve(explicitPath: nil, environment: [:], homeFolder: "/fallback")
        XCTAssertEqual(folder.url.path, "/fallback/.local/share/campfire")
    }

    func testTildeInExplicitPathIsExpanded() {
        let folder = DataFolder.resolve(explicitPath: "~/camp", environment: ["HOME": "/home/me"])
        XCTAssertEqual(folder.url.path, "/home/me/camp")
    }

    // MARK: Creating and checking

    func testCreateMakesPrivateFoldersAndParents() throws {
        let root = try makeTemporaryFolder(self)
        let data = DataFolder(url: root.appendingPathComponent("a/b/campfire"))
        try withUmask(0) { try data.create() }
        for url in [root.appendingPathComponent("a"), root.appendingPathComponent("a/b"), data.url, data.sessionsFolder] {
            XCTAssertEqual(mode(url), 0o700, url.path)
        }
        XCTAssertEqual(data.privacyWarnings(), [])
    }

    func testPrivacyCheckReportsFoldersOthersCanOpen() throws {
        let root = try makeTemporaryFolder(self)
        let data = DataFolder(url: root.appendingPathComponent("campfire"))
        try data.create()
        chmod(data.url.path, 0o755)
        let warnings = data.privacyWarnings()
        XCTAssertEqual(warnings.map(\.path), [data.url.path])
        XCTAssertTrue(warnings[0].description.contains(data.url.path))
        XCTAssertTrue(warnings[0].description.contains("chmod 700"))
    }
}
