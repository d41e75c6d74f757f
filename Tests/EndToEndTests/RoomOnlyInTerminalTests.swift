import Foundation
import XCTest
import Persistence
import Workshop

/// A room-only story, told and saved in a real workshop, is found in no file of the data folder
/// once the facilitator moves on to the close and quits.
final class RoomOnlyInTerminalTests: TerminalTestCase {
    static let canary = "Quorrimantle"

    private func filesHolding(_ text: String) -> [String] {
        var found: [String] = []
        let walker = FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if let bytes = try? Data(contentsOf: url), String(decoding: bytes, as: UTF8.self).lowercased().contains(text.lowercased()) {
                found.append(url.path)
            }
        }
        return found
    }

    func testARoomOnlyStoryIsInNoFileAfterTheClose() throws {
        // The sample workshop, back at the action plan, with a room-only story still in it.
        let id = try SessionMaker.sample(in: data, extra: [
            .moveTo(step: FlowStep(.actions), overriddenGuards: [], overrideReason: nil),
            .addStory(Story(id: "s90", teller: "p2", title: "\(Self.canary) at home", whatHappened: "My brother \(Self.canary)", consent: .roomOnly)),
            .addStory(Story(id: "s91", teller: "p1", title: "Kept words", whatHappened: "Ours to keep", consent: .keep)),
        ])
        XCTAssertFalse(filesHolding(Self.canary).isEmpty, "the workshop is not over: the words are kept")

        let t = "close"
        try tmux.start(t, command: "\(campfire) resume --data-dir \(data.path) \(id)")
        try tmux.waitFor(t, "Action plan")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Thank", orAny: "goal")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")

        XCTAssertEqual(filesHolding(Self.canary), [], "room-only words left on disk after the close")
        XCTAssertFalse(filesHolding("Ours to keep").isEmpty, "a kept story stays")
        let store = try SessionStore.open(data.appendingPathComponent("sessions/\(id)"), readOnly: true, at: Date())
        XCTAssertEqual(store.session.step.stage, .close)
        XCTAssertEqual(store.session.record.story("s90")?.title, Story.toldInTheRoom)
        XCTAssertEqual(store.session.record.story("s90")?.teller, "p2", "who told a story still counts")
    }
}
