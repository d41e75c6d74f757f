import Foundation
import XCTest

/// Starting Campfire is not installing tests, and never asks for root when what it needs is there.
final class SetupScriptTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    func testSetupAsksForNothingWhenTheHeadersAreThere() throws {
        guard FileManager.default.fileExists(atPath: "/usr/include/ncursesw/curses.h") else {
            return XCTFail("the ncurses headers are needed to build Campfire, so they are here when the tests run")
        }
        let fake = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-fake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: fake) }
        let calls = fake.appendingPathComponent("calls")
        // Someone who is not root, with sudo and apt-get that only note that they were asked.
        for (name, body) in [("id", "echo 1000"), ("sudo", "echo sudo \"$@\" >> '\(calls.path)'"), ("apt-get", "echo apt-get \"$@\" >> '\(calls.path)'")] {
            let file = fake.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        let process = Process()
        process.executableURL = root.appendingPathComponent("Scripts/setup")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = fake.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin") + ":/opt/swift/usr/bin"
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: calls.path), (try? String(contentsOf: calls, encoding: .utf8)) ?? "")
    }

    func testStartingRunsOnlyTheBuildAndRunSetUp() throws {
        let start = try String(contentsOf: root.appendingPathComponent("Scripts/campfire"), encoding: .utf8)
        XCTAssertTrue(start.contains("Scripts/setup\""), start)
        XCTAssertFalse(start.contains("setup-tests"), "the tests' tools are not installed to start Campfire")
        let setup = try String(contentsOf: root.appendingPathComponent("Scripts/setup"), encoding: .utf8)
        for tool in ["tmux", "graphviz", "cmark-gfm", "man-db", "chromium", "poppler"] {
            XCTAssertFalse(setup.contains(tool), tool)
        }
    }
}
