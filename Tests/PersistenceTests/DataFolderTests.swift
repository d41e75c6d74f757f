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

    /// The XDG specification says a relative path in XDG_DATA_HOME is invalid and must be ignored.
    func testARelativeXDGDataHomeIsIgnored() {
        let folder = DataFolder.resolve(explicitPath: nil, environment: ["XDG_DATA_HOME": "relative/share", "HOME": "/home/me"])
        XCTAssertEqual(folder.url.path, "/home/me/.local/share/campfire")
    }

    func testAMissingFolderOrAFileIsNotAnEmptyDataFolder() throws {
        let root = try makeTemporaryFolder(self)
        XCTAssertThrowsError(try DataFolder(url: root.appendingPathComponent("gone")).checkExists()) { error in
            XCTAssertEqual(error as? LibraryError, .noDataFolder(root.appendingPathComponent("gone").path))
        }
        let file = root.appendingPathComponent("file")
        try Data().write(to: file)
        XCTAssertThrowsError(try DataFolder(url: file).checkExists()) { error in
            XCTAssertEqual(error as? LibraryError, .dataFolderIsAFile(file.path))
        }
        XCTAssertNoThrow(try DataFolder(url: root).checkExists())
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

    // MARK: Paths (the home screen lists sessions by path, without URL)

    func testPathsAreMadeAbsoluteAndLoseTrailingSlashes() {
        let here = FileManager.default.currentDirectoryPath
        XCTAssertEqual(DataFolder(path: "/a/b/").path, "/a/b")
        XCTAssertEqual(DataFolder(path: "camp").path, (here == "/" ? "" : here) + "/camp")
        XCTAssertEqual(DataFolder(path: "x/../camp/.").path, (here == "/" ? "" : here) + "/camp")
        XCTAssertEqual(DataFolder(path: ".").path, here)
        XCTAssertEqual(DataFolder(path: "/").sessionsPath, "/sessions")
        XCTAssertEqual(DataFolder(path: "/a/b").sessionsPath, "/a/b/sessions")
        // The path and the URL name the same folder, whichever way the folder was given.
        let folder = DataFolder(path: "rel/x/")
        XCTAssertEqual(folder.url.path, folder.path)
        XCTAssertEqual(folder.sessionsFolder.path, folder.sessionsPath)
        XCTAssertEqual(DataFolder(url: folder.url), folder)
    }

    func testTheSessionListLeavesOutHiddenNamesAndIsSorted() throws {
        let root = try makeTemporaryFolder(self)
        for name in ["20261123-1000-b", ".tmp-123", "20261101-0900-a", ".hidden"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: false)
        }
        XCTAssertEqual(SafeFile.visibleNames(inFolderAt: root.path), ["20261101-0900-a", "20261123-1000-b"])
        XCTAssertEqual(SafeFile.visibleNames(inFolderAt: root.appendingPathComponent("missing").path), [])
    }
}
