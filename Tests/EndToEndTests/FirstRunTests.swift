import Foundation
import XCTest

/// The first five minutes: home screen on an empty data folder, the tour, trying the sample.
final class FirstRunTests: XCTestCase {
    func testGuidedFirstRun() throws {
        let data = try Binary.temporaryDataFolder()
        let tmux = Tmux()
        defer {
            tmux.stop()
            try? FileManager.default.removeItem(at: data)
        }
        let t = "first"
        try tmux.start(t, command: "\(Binary.campfire.path) --data-dir \(data.path)", width: 160, height: 48)
        try tmux.waitFor(t, "Press t for a two-minute tour")
        try tmux.press(t, "t")
        try tmux.waitFor(t, "Guided tour 1 of 6")
        try tmux.waitFor(t, "Here today: Maya") // the projector half, beside the console
        for stop in 2...6 {
            try tmux.press(t, "Enter")
            try tmux.waitFor(t, "Guided tour \(stop) of 6")
        }
        try tmux.waitFor(t, "The summary for the wall")
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("sessions").path)) ?? [], [], "the tour writes nothing by itself")
        try tmux.press(t, "o")
        try tmux.waitFor(t, "Talking stick")
        try tmux.waitFor(t, "The bus that waited")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "(sample)")
        try tmux.press(t, "d")
        try tmux.waitFor(t, "Press d again")
        try tmux.press(t, "d")
        try tmux.waitFor(t, "Press t for a two-minute tour")
        try tmux.waitFor(t, "Deleted the sample workshop.")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("sessions").path)) ?? [], [], "the sample is gone")
    }
}
