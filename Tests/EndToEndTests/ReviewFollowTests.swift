import Foundation
import Persistence
import Workshop
import XCTest

/// Review follows a session a console has open (issue 20): a change saved in the console shows on
/// the review page as soon as it is saved, without a key pressed in review, woken by a file-change
/// notification, or by looking every 200 ms where there is none.
final class ReviewFollowTests: TerminalTestCase {
    let id = "20261123-1000-f011"

    override func setUpWithError() throws {
        try super.setUpWithError()
        _ = try SessionMaker.sample(in: data, id: id, upTo: FlowStep(.welcome))
    }

    private func addPersonInConsoleAndSeeItInReview(_ name: String, reviewEnvironment: [String: String]) throws {
        try tmux.start("console", command: "\(Binary.campfire.path) resume \(id) --data-dir \(data.path)", width: 100, height: 30)
        _ = try tmux.waitFor("console", "q quit")
        try tmux.start("review", command: "\(Binary.campfire.path) review \(id) --data-dir \(data.path)", width: 100, height: 30,
                       environment: reviewEnvironment)
        let before = try tmux.waitFor("review", "Welcome")
        XCTAssertFalse(before.contains(name), before)

        try tmux.press("console", "a")
        _ = try tmux.waitFor("console", "Add a person")
        try tmux.type("console", name)
        try tmux.press("console", "Enter", "Enter", "Enter")
        _ = try tmux.waitFor("console", name)

        // No key in review: it redraws by itself.
        let after = try tmux.waitFor("review", name, timeout: 5)
        XCTAssertTrue(after.contains("Welcome"), "still on the same page:\n\(after)")
        try tmux.press("console", "q")
        _ = try tmux.waitFor("console", "EXITED 0")
        try tmux.press("review", "q")  // back to the list of sessions
        _ = try tmux.waitFor("review", "Enter open")
        try tmux.press("review", "q")
        _ = try tmux.waitFor("review", "EXITED 0")
    }

    func testAPersonAddedInTheConsoleAppearsInReviewWithoutAKey() throws {
        try addPersonInConsoleAndSeeItInReview("Zephyrine", reviewEnvironment: [:])
    }

    func testWithoutNotificationsReviewLooksEvery200Milliseconds() throws {
        try addPersonInConsoleAndSeeItInReview("Quillon", reviewEnvironment: ["CAMPFIRE_NO_NOTIFY": "1"])
    }
}
