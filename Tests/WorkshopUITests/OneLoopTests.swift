import Foundation
import XCTest

/// docs/architecture.md promises that no full-screen program reads keys in a loop of its own:
/// only `ScreenLoop` asks the terminal for keys, through `TerminalSession.nextKey`.
final class OneLoopTests: XCTestCase {
    func testOnlyTheTerminalSessionReadsKeysInTheProgramAndTheScreens() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var readers: [String] = []
        for folder in ["Sources/campfire", "Sources/WorkshopUI"] {
            let base = root.appendingPathComponent(folder)
            let files = try XCTUnwrap(FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil))
            var count = 0
            for case let file as URL in files where file.pathExtension == "swift" {
                count += 1
                let text = try String(contentsOf: file, encoding: .utf8)
                let name = folder + "/" + file.path.dropFirst(base.path.count + 1)
                // TerminalSession is where the loop's keys come from; nobody else may ask.
                if name.hasSuffix("Running/TerminalSession.swift") { continue }
                for call in [".nextKey(", ".readKey(", "wgetch(", "get_wch("] where text.contains(call) {
                    readers.append("\(name): \(call)")
                }
            }
            XCTAssertGreaterThan(count, 5, "found the sources of \(folder)")
        }
        XCTAssertEqual(readers, [], "keys read outside the one loop")
    }
}
