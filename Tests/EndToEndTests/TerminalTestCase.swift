import Foundation
import XCTest

/// A test in a real terminal: a fresh data folder and a tmux server of its own, both gone afterwards.
class TerminalTestCase: XCTestCase {
    var data: URL!
    var tmux: Tmux!

    override func setUpWithError() throws {
        data = try Binary.temporaryDataFolder()
        tmux = Tmux()
    }

    override func tearDownWithError() throws {
        tmux.stop()
        try? FileManager.default.removeItem(at: data)
    }

    /// The built program's path, for tmux command lines.
    var campfire: String { Binary.campfire.path }

    /// The one session folder the test made.
    func sessionFolder() throws -> URL {
        let sessions = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("sessions").path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(sessions.count, 1)
        return data.appendingPathComponent("sessions").appendingPathComponent(sessions[0])
    }
}
