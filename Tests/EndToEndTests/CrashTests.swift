import Foundation
import XCTest

/// A crash in front of the room: the terminal comes back as it was, one plain line, nothing lost.
final class CrashTests: XCTestCase {
    func testCrashRestoresTheTerminalAndSaysHowToCarryOn() throws {
        let data = try Binary.temporaryDataFolder()
        let tmux = Tmux()
        defer {
            tmux.stop()
            try? FileManager.default.removeItem(at: data)
        }
        let before = data.appendingPathComponent("stty-before")
        let after = data.appendingPathComponent("stty-after")
        let t = "crash"
        try tmux.start(t, command: "sh -c 'stty -g > \(before.path); \(Binary.campfire.path) new --data-dir \(data.path) --title Crash --participant Ann; code=$?; stty -g > \(after.path); exit $code'")
        try tmux.waitFor(t, "People in the room (1)")
        let pid = try tmux.pid(t)
        XCTAssertGreaterThan(pid, 0)
        kill(pid, SIGSEGV)
        let screen = try tmux.waitFor(t, "EXITED")
        XCTAssertTrue(screen.contains("Campfire stopped because of a fault in the program"), screen)
        XCTAssertTrue(screen.contains("EXITED 139"), screen)
        XCTAssertEqual(try String(contentsOf: before, encoding: .utf8), try String(contentsOf: after, encoding: .utf8), "terminal settings are as they were")
        let list = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertTrue(list.output.contains("Crash"))
    }
}
