import Foundation
import XCTest

/// A group's year, end to end: twelve workshops a month apart made with `campfire new --date`
/// (eleven prepared, the last run in the console with two stories and an action), then
/// `campfire review` answers the group's questions, and `erase --participant` leaves a timeline
/// that says what was removed. Then the files on disk.
final class ReviewYearInTerminalTests: TerminalTestCase {
    static let first = "2024-06-10"
    static func day(_ month: Int) -> String {
        // The 10th of each month from June 2024 to May 2025.
        let total = 6 + month
        return String(format: "%04d-%02d-10", 2024 + (total - 1) / 12, (total - 1) % 12 + 1)
    }

    private func folders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("sessions").path).filter { !$0.hasPrefix(".") }.sorted()
    }

    func testAYearOfWorkshopsMadeWithDate() throws {
        // Eleven held on paper, entered later.
        for month in 0..<11 {
            let made = try Binary.run(["new", "--data-dir", data.path, "--title", "Riverside \(Self.day(month))", "--group", "riverside",
                                       "--date", Self.day(month), "--participant", "Maya", "--participant", "Tom", "--prepare"])
            XCTAssertEqual(made.status, 0, made.errors)
        }
        // A day after today is refused in plain words, and nothing is made.
        let future = try Binary.run(["new", "--data-dir", data.path, "--title", "Later", "--date", "2999-01-01", "--prepare"])
        XCTAssertNotEqual(future.status, 0)
        XCTAssertTrue(future.errors.contains("is after today"), future.errors)
        let bad = try Binary.run(["new", "--data-dir", data.path, "--title", "Later", "--date", "10/03/2025", "--prepare"])
        XCTAssertTrue(bad.errors.contains("--date should be a day like 2026-03-14"), bad.errors)
        XCTAssertEqual(try folders().count, 11)

        // The twelfth, entered in the console: a story to share, one for the room only, and an action.
        let t = "last"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title 'Riverside \(Self.day(11))' --group riverside --date \(Self.day(11)) --participant Maya --participant Tom")
        try tmux.waitFor(t, "People in the room (2)")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Talking stick")
        for (teller, title, words, roomOnly) in [("Tom", "The bus that waited", "The driver waited for me.", false), ("Maya", "Secret walk", "Private words here.", true)] {
            try tmux.press(t, "a")
            try tmux.waitFor(t, "Write down a story")
            try tmux.press(t, "Right")
            if teller == "Tom" { try tmux.press(t, "Right") }
            try tmux.press(t, "Enter")
            try tmux.type(t, title)
            try tmux.press(t, "Enter")
            try tmux.type(t, words)
            try tmux.press(t, "Enter", "Enter")
            // The consent starts on "not chosen yet": Right once is "room only", twice "keep".
            try tmux.press(t, "Right")
            if !roomOnly { try tmux.press(t, "Right") }
            try tmux.press(t, "Enter")
            try tmux.waitUntilGone(t, "Write down a story")
        }
        // On to the action plan, giving a reason wherever a step is not finished.
        for _ in 0..<40 {
            let screen = try tmux.screen(t)
            if screen.contains("Action plan —") { break }
            if screen.contains("Not quite ready") {
                try tmux.type(t, "entered later")
                try tmux.press(t, "Enter")
                try tmux.waitUntilGone(t, "Not quite ready")
            } else {
                try tmux.press(t, "]")
                usleep(300_000)
            }
        }
        try tmux.waitFor(t, "Action plan —")
        try tmux.press(t, "a")
        try tmux.waitFor(t, "Plan an action")
        try tmux.press(t, "Enter")
        try tmux.type(t, "Ask the bus company")
        try tmux.press(t, "Enter", "1", "2", "Enter")
        try tmux.type(t, "+14")
        try tmux.press(t, "Enter")
        try tmux.type(t, "Phone")
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "by 2025-05-24")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")

        // The list has every workshop on its own day.
        let list = try Binary.run(["list", "--data-dir", data.path]).output
        for month in 0..<12 { XCTAssertTrue(list.contains("  \(Self.day(month))  Riverside \(Self.day(month))"), list) }
        let ids = try folders()
        XCTAssertEqual(ids.count, 12)
        XCTAssertTrue(ids[0].hasPrefix("20240610-"), "the id carries the day it was held: \(ids)")
        let last = try XCTUnwrap(ids.last)
        var journal = try String(contentsOf: data.appendingPathComponent("sessions/\(last)/journal.jsonl"), encoding: .utf8)
        XCTAssertTrue(journal.contains("\"at\":\"2025-05-10T"), "the console's changes are dated the day it was held")
        let linesBefore = journal.split(separator: "\n").count

        // Review answers the year.
        let r = "review"
        try tmux.start(r, command: "\(campfire) review --data-dir \(data.path)")
        try tmux.waitFor(r, "Riverside 2025-05-10")
        try tmux.press(r, "o")
        var screen = try tmux.waitFor(r, "Workshops 4–12 of 12")
        XCTAssertTrue(screen.contains("The agreed stage of each principle, workshop by workshop"), screen)
        XCTAssertTrue(screen.contains("2024") && screen.contains("2025"), screen)
        XCTAssertTrue(screen.contains("Recognising people as assets"), screen)
        XCTAssertTrue(screen.contains("[⚠ overdue ] Ask the bus company"), "an action due a year and more ago, still planned:\n\(screen)")
        try tmux.press(r, "Left", "Left", "Left")
        screen = try tmux.waitFor(r, "Workshops 1–9 of 12")
        XCTAssertTrue(screen.contains("10 Jun"), screen)
        // What happened with it, noted with today's date: one more line in that session's journal.
        try tmux.press(r, "e")
        try tmux.waitFor(r, "What happened with “Ask the bus company”?")
        try tmux.type(r, "Rang them, no answer yet")
        try tmux.press(r, "Enter")
        try tmux.waitFor(r, "noted ")
        screen = try tmux.screen(r)
        XCTAssertTrue(screen.contains("Ask the bus company — noted 20"), screen)
        XCTAssertTrue(screen.contains("“Rang them, no answer"), screen) // the rest is cut at 80 columns
        try tmux.press(r, "f", "f", "f") // done: nothing
        try tmux.waitFor(r, "No actions match")
        try tmux.press(r, "Escape")
        // The last workshop's stories: Tom's words, and only that Maya told one for the room.
        try tmux.waitFor(r, "Riverside 2025-05-10")
        try tmux.press(r, "Enter")
        try tmux.waitFor(r, "[Welcome]")
        try tmux.press(r, "Right")
        screen = try tmux.waitFor(r, "The driver waited for me.")
        XCTAssertTrue(screen.contains("[room only] Maya told a story for the room only"), screen)
        XCTAssertFalse(screen.contains("Private words") || screen.contains("Secret walk"), screen)
        try tmux.press(r, "t")
        screen = try tmux.waitFor(r, "Timeline")
        XCTAssertTrue(screen.contains("local time ("), "the time zone is said:\n\(screen)")
        try tmux.press(r, "q", "q", "q")
        try tmux.waitFor(r, "EXITED 0")
        journal = try String(contentsOf: data.appendingPathComponent("sessions/\(last)/journal.jsonl"), encoding: .utf8)
        XCTAssertEqual(journal.split(separator: "\n").count, linesBefore + 1, "noting what happened is one journal line")
        XCTAssertTrue(journal.contains("\"noteActionOutcome\""), journal)
        XCTAssertTrue(journal.contains("Rang them, no answer yet"), journal)

        // Erasing Tom from it: the timeline says what went, not that nothing happened.
        let erased = try Binary.run(["erase", "--data-dir", data.path, last, "--participant", "Tom", "--yes"])
        XCTAssertEqual(erased.status, 0, erased.errors + erased.output)
        let e = "erased"
        try tmux.start(e, command: "\(campfire) review --data-dir \(data.path) \(last)")
        try tmux.waitFor(e, "[Welcome]")
        try tmux.press(e, "t")
        screen = try tmux.waitFor(e, "The step-by-step history of this session was removed")
        XCTAssertFalse(screen.contains("Nothing happened in this session yet"), screen)
        try tmux.press(e, "q", "q", "q")
        try tmux.waitFor(e, "EXITED 0")
        let after = try String(contentsOf: data.appendingPathComponent("sessions/\(last)/journal.jsonl"), encoding: .utf8)
        XCTAssertFalse(after.contains("The bus that waited"), "Tom's words left the journal with him")
    }
}
