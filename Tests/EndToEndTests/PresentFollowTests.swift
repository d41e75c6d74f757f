import Foundation
import XCTest

/// `campfire present` follows the console's changes: woken by a file-change notification
/// (inotify), and by looking at the files every so often where there is none.
final class PresentFollowTests: TerminalTestCase {
    /// Starts a console on the stories step and a wall beside it; returns their names.
    private func consoleAndWall(wallEnvironment: [String: String]) throws -> (console: String, wall: String) {
        let t = "console"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Live --participant Ann --participant Bo")
        try tmux.waitFor(t, "People in the room (2)")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Talking stick")
        let id = try sessionFolder().lastPathComponent
        let p = "wall"
        try tmux.start(p, command: "\(campfire) present --data-dir \(data.path) \(id)", environment: wallEnvironment)
        try tmux.waitFor(p, "Tell us about a time")  // under the big-letter heading
        return (t, p)
    }

    private func addStory(_ t: String, _ title: String) throws {
        try tmux.press(t, "a", "Enter")
        try tmux.type(t, title)
        // The consent starts on "not chosen yet": Right twice is "keep".
        try tmux.press(t, "Enter", "Enter", "Enter", "Right", "Right", "Enter")
        try tmux.waitUntilGone(t, "Write down a story")
    }

    private func quit(_ t: String, _ p: String) throws {
        try tmux.press(p, "q")
        try tmux.waitFor(p, "EXITED 0")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
    }

    /// With notification the wall does not look at the files by itself (only the clock moves
    /// once a second), so each story can only have reached it through a notification.
    func testTheWallFollowsByNotification() throws {
        let (t, p) = try consoleAndWall(wallEnvironment: [:])
        try tmux.press(t, "n")
        try addStory(t, "First on the wall")
        try tmux.waitFor(p, "First on the wall")
        try addStory(t, "Second on the wall")
        try tmux.waitFor(p, "Second on the wall")
        // A resize still redraws the wall for its new size.
        try tmux.resize(p, width: 120, height: 40)
        try tmux.waitFor(p, "Second on the wall")
        try quit(t, p)
        // The wall wrote nothing: the lock the console held is gone with it, and no other file appeared.
        let names = try FileManager.default.contentsOfDirectory(atPath: try sessionFolder().path)
        XCTAssertFalse(names.contains("lock"), "\(names)")
    }

    func testTheWallFollowsByLookingWhenThereIsNoNotification() throws {
        let (t, p) = try consoleAndWall(wallEnvironment: ["CAMPFIRE_NO_NOTIFY": "1"])
        try tmux.press(t, "n")
        try addStory(t, "Seen without notification")
        try tmux.waitFor(p, "Seen without notification")
        try quit(t, p)
    }

    /// `?` on the wall's terminal shows its keys (drawn from the bindings that handle them); any
    /// key closes the box without quitting, and q then quits.
    func testQuestionMarkOnTheWallShowsItsKeysAndAnyKeyClosesThem() throws {
        let (t, p) = try consoleAndWall(wallEnvironment: [:])
        try tmux.press(p, "?")
        try tmux.waitFor(p, "Keys on this screen")
        try tmux.waitFor(p, "(Esc too)")
        try tmux.press(p, "q")  // closes the box; does not quit
        try tmux.waitUntilGone(p, "Keys on this screen")
        try tmux.waitFor(p, "Tell us about a time")
        XCTAssertFalse(try tmux.screen(p).contains("EXITED"), "the key that closed the box did not quit")
        try quit(t, p)
    }
}
