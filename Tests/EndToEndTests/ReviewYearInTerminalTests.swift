import Foundation
import Persistence
import Workshop
import XCTest

/// A group's year, end to end: twelve real workshops a month apart (`YearOfWorkshops`: made with
/// `campfire new --date`, their stories, goal, principle scores, ideas and actions written through
/// the console's own journal path on the day they were held, some actions marked later, one outcome
/// noted, a person erased from one), then `campfire review` in a real terminal answers each of the
/// group's questions. Then the files on disk. A second test enters a workshop on its own day by keys.
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

    func testAWorkshopEnteredInTheConsoleOnItsOwnDay() throws {
        // Eleven held on paper, entered later (people only: the year test below fills a year).
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

    // MARK: - A year of real workshops

    /// Every review gap of issue 18 on a year of twelve real workshops.
    func testAYearOfRealWorkshopsAnswersTheGroupsQuestions() throws {
        var ids: [String] = []
        for month in 0..<12 { ids.append(try YearOfWorkshops.make(month: month, in: data)) }
        let folder = { (month: Int) in self.data.appendingPathComponent("sessions/\(ids[month])") }
        // Each is a whole workshop on its own day, with its record to look back on.
        let list = try Binary.run(["list", "--data-dir", data.path]).output
        for month in 0..<12 { XCTAssertTrue(list.contains("  \(Self.day(month))  Riverside \(Self.day(month))"), list) }
        for month in 0..<12 {
            let journal = try String(contentsOf: folder(month).appendingPathComponent("journal.jsonl"), encoding: .utf8)
            if month == YearOfWorkshops.erasedMonth {
                XCTAssertFalse(journal.contains("Priya"), "the erased person's words left the journal")
                continue
            }
            XCTAssertTrue(journal.contains("\"at\":\"\(Self.day(month))T"), "dated the day it was held")
            for word in ["addStory", "agreeGoal", "agreePrinciple", "addIdea", "choose", "addAction", "finishWorkshop"] {
                XCTAssertTrue(journal.contains("\"\(word)\""), "month \(month) has \(word)")
            }
            XCTAssertFalse(journal.contains("Private words"), "room-only words are forgotten at the close")
        }
        let today = Day(Date())

        // The group over time, at 80x24, in London's time.
        let r = "year"
        try tmux.start(r, command: "\(campfire) review --data-dir \(data.path)", environment: ["TZ": "Europe/London"])
        try tmux.waitFor(r, "Riverside 2025-05-10")
        try tmux.press(r, "o")
        var screen = try tmux.waitFor(r, "Workshops 4–12 of 12")
        XCTAssertTrue(screen.contains("The agreed stage of each principle, workshop by workshop"), screen)
        XCTAssertTrue(screen.contains("2024") && screen.contains("2025"), "the years are named:\n\(screen)")
        for name in ["Recognising people as assets", "Valuing work differently", "Promoting reciprocity", "Building social networks"] {
            XCTAssertTrue(screen.contains(name), "\(name) whole:\n\(screen)")
        }
        // The latest: May 2025, where every principle reached stage 4, GREEN.
        XCTAssertTrue(screen.contains("10 May") && screen.contains("█ 4 ●G"), screen)
        XCTAssertFalse(screen.contains("10 Jun"), "June 2024 is off to the left:\n\(screen)")
        try tmux.press(r, "Left", "Left", "Left")
        screen = try tmux.waitFor(r, "Workshops 1–9 of 12")
        // June 2024: assets agreed at stage 1, RED; the scores moved over the year.
        XCTAssertTrue(screen.contains("10 Jun") && screen.contains("▁ 1 ■R"), screen)
        XCTAssertTrue(screen.contains("▃ 2 ▲A"), screen)
        XCTAssertFalse(screen.contains("10 Apr"), screen)
        try tmux.press(r, "Left")
        XCTAssertEqual(try tmux.screen(r), screen, "no further than the first")
        try tmux.press(r, "Right", "Right", "Right")
        try tmux.waitFor(r, "Workshops 4–12 of 12")

        try tmux.press(r, "q")
        try tmux.waitFor(r, "sorted by date")
        try tmux.press(r, "q")
        try tmux.waitFor(r, "EXITED 0")

        // The actions at 160x48, where every column fits and every row is whole.
        let w = "wide"
        try tmux.start(w, command: "\(campfire) review --data-dir \(data.path)", width: 160, height: 48)
        try tmux.waitFor(w, "Riverside 2025-05-10")
        try tmux.press(w, "o")
        screen = try tmux.waitFor(w, "Actions, newest first · every status · everyone · 24 of 24")
        XCTAssertFalse(screen.contains("of 12: ←"), "all twelve fit at 160 columns:\n\(screen)")
        let rows = screen.split(separator: "\n").map(String.init)
        func row(_ text: String) -> Int? { rows.firstIndex { $0.contains(text) } }
        // Newest first: May 2025's actions above April's, and June 2024's last.
        let may = try XCTUnwrap(row("Thank helpers in the newsletter"), screen)
        let april = try XCTUnwrap(row("Run a taster session"), screen)
        XCTAssertLessThan(may, april, screen)
        // Overdue in words and a symbol: still planned, long after its day.
        let mayDue = Day("2025-05-24")!
        XCTAssertTrue(rows[may].contains("[⚠ overdue ] Thank helpers in the newsletter — "), rows[may])
        XCTAssertTrue(rows[may].contains("was due 2025-05-24, \(mayDue.days(until: today)) days ago"), rows[may])
        // Marked when looking back: done, dropped, not done; and the noted outcome with its day.
        XCTAssertTrue(screen.contains("[✓ done    ] Put up a skills board"), screen)
        XCTAssertTrue(screen.contains("[✗ not done] Write the welcome letter together"), screen)
        XCTAssertTrue(screen.contains("[– dropped ] Tell the group how it went"), screen)
        XCTAssertTrue(screen.contains("Start a walking group — noted 2024-09-"), screen)
        XCTAssertTrue(screen.contains("“\(YearOfWorkshops.notedWords)”"), screen)

        // f: by status, then w: by person.
        try tmux.press(w, "f")
        try tmux.waitFor(w, "Showing actions: planned · everyone")
        try tmux.waitFor(w, "No actions match")
        try tmux.press(w, "f")
        screen = try tmux.waitFor(w, "Showing actions: overdue · everyone")
        let overdue = YearOfWorkshops.overdueCount
        XCTAssertTrue(screen.contains("overdue · everyone · \(overdue) of 24"), screen)
        try tmux.press(w, "f")
        screen = try tmux.waitFor(w, "Showing actions: done · everyone")
        XCTAssertTrue(screen.contains("done · everyone · 4 of 24"), screen)
        XCTAssertFalse(screen.contains("[⚠ overdue ]"), screen)
        for _ in 0..<3 { try tmux.press(w, "f") }
        try tmux.waitFor(w, "Showing actions: every status · everyone")
        try tmux.press(w, "w")
        try tmux.waitUntilGone(w, "Showing actions: every status · everyone.")
        screen = try tmux.screen(w)
        let person = try XCTUnwrap(YearOfWorkshops.names.first { screen.contains("Showing actions: every status · \($0)") }, screen)
        let shown = screen.split(separator: "\n").filter { $0.contains("[") && $0.contains(" — ") && ($0.contains("overdue") || $0.contains("done") || $0.contains("dropped")) }
        XCTAssertFalse(shown.isEmpty, screen)
        for line in shown { XCTAssertTrue(line.contains(person), "only \(person)'s actions:\n\(screen)") }
        try tmux.press(w, "w", "w", "w", "w")
        try tmux.waitFor(w, "every status · everyone")

        // e: what happened with the newest workshop's first action (the second row: its second
        // action is newer), dated today; one journal line in its session.
        let before = try String(contentsOf: folder(11).appendingPathComponent("journal.jsonl"), encoding: .utf8).split(separator: "\n").count
        try tmux.press(w, "Down", "e")
        try tmux.waitFor(w, "What happened with “Thank helpers in the newsletter”?")
        try tmux.type(w, "Went in the June issue")
        try tmux.press(w, "Enter")
        screen = try tmux.waitFor(w, "Thank helpers in the newsletter — noted \(today): “Went in the June issue”")
        let after = try String(contentsOf: folder(11).appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertEqual(after.split(separator: "\n").count, before + 1, "noting what happened is one journal line")
        XCTAssertTrue(after.contains("\"noteActionOutcome\"") && after.contains("Went in the June issue"), after)

        // Side by side: the two latest workshops, with their actions and what became of them.
        try tmux.press(w, "Escape")
        try tmux.waitFor(w, "Riverside 2025-05-10")
        try tmux.press(w, "Home", "c", "Down", "c")
        screen = try tmux.waitFor(w, "Side by side")
        XCTAssertEqual(screen.components(separatedBy: "Actions (2)").count - 1, 2, screen)
        XCTAssertTrue(screen.contains("Thank helpers in the newsletter") && screen.contains("Run a taster session"), screen)
        XCTAssertTrue(screen.contains("[⚠ overdue ]"), screen)
        try tmux.press(w, "Escape")
        try tmux.waitFor(w, "Riverside 2025-05-10")
        try tmux.press(w, "q")
        try tmux.waitFor(w, "EXITED 0")

        // One workshop's stories at 80x24: what happened, with consent respected; and its timeline in local time.
        let month = 0
        let s = "stories"
        try tmux.start(s, command: "\(campfire) review --data-dir \(data.path) \(ids[month])", environment: ["TZ": "Europe/London"])
        try tmux.waitFor(s, "[Welcome]")
        try tmux.press(s, "Right")
        screen = try tmux.waitFor(s, YearOfWorkshops.sharedStory(month).words)
        XCTAssertTrue(screen.contains(YearOfWorkshops.keptStory(month).words), screen)
        XCTAssertTrue(screen.contains("told a story for the room only"), screen)
        XCTAssertFalse(screen.contains("Private"), "a room-only story's title and words are never shown:\n\(screen)")
        try tmux.press(s, "t")
        screen = try tmux.waitFor(s, "local time (Europe/London)")
        // The first change, made on a June day in British Summer Time: an hour after UTC.
        let first = try XCTUnwrap(JournalReader.read(folder(month).appendingPathComponent("journal.jsonl"), as: SessionEvent.self).records.first)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "HH:mm"
        try tmux.press(s, "Home")
        screen = try tmux.waitFor(s, "Entry \(first.sequence) of")
        XCTAssertTrue(screen.contains("\(formatter.string(from: first.at)) local time (Europe/London)"), screen)
        XCTAssertEqual(screen.components(separatedBy: "Europe/London").count - 1, 1, "the zone is said once:\n\(screen)")
        try tmux.press(s, "q", "q", "q")
        try tmux.waitFor(s, "EXITED 0")

        // The workshop Priya was erased from: its timeline says what was removed and what is kept.
        let e = "erased"
        try tmux.start(e, command: "\(campfire) review --data-dir \(data.path) \(ids[YearOfWorkshops.erasedMonth])", width: 160, height: 48)
        try tmux.waitFor(e, "[Welcome]")
        try tmux.press(e, "t")
        screen = try tmux.waitFor(e, "The step-by-step history of this session was removed")
        XCTAssertTrue(screen.contains("it reached Close, with 3 people"), screen)
        XCTAssertTrue(screen.contains("an agreed goal"), screen)
        XCTAssertFalse(screen.contains("Nothing happened in this session yet"), screen)
        try tmux.press(e, "q", "q", "q")
        try tmux.waitFor(e, "EXITED 0")
    }
}
