import Foundation
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// A group's year: twelve workshops a month apart, from March 2026 to February 2027, each with
/// its stages agreed a little differently and its own actions.
final class ReviewYearTests: XCTestCase {
    static let first = Day(year: 2026, month: 3, day: 10)

    func year() -> (ReviewFixture, ReviewApp) {
        let fixture = ReviewFixture()
        for month in 0..<12 {
            let day = Self.first.adding(days: 30 * month)
            let id = "2026\(String(format: "%02d", month + 1))10-1000-\(String(format: "%04x", month))"
            let due = day.adding(days: 14)
            fixture.add(id: id, title: "Riverside \(day)", group: "riverside", at: day.date!.addingTimeInterval(10 * 3600), extra: [
                .agreePrinciple(principle: .networks, stage: 1 + month % 4, rag: month % 4 >= 2 ? .green : .amber, evidence: "Month \(month + 1)."),
                .addAction(Action(id: "a\(900 + month)", what: "Step \(month + 1)", who: ["p\(1 + month % 4)"], when: due, how: "Phone")),
            ])
        }
        let app = fixture.app()
        app.today = Day(year: 2027, month: 3, day: 1)
        return (fixture, app)
    }

    func testTheTrendNamesTheYearsAndReachesEveryWorkshop() {
        let (_, app) = year()
        app.open("20260110-1000-0000")
        app.handle(.character("o"))
        var screen = ReviewScreens.render(app, width: 80, height: 24).quotedRows()
        XCTAssertTrue(screen.contains("The agreed stage of each principle, workshop by workshop"), screen)
        XCTAssertTrue(screen.contains("Workshops 4–12 of 12: ← earlier, → later."), screen)
        XCTAssertTrue(screen.contains("2026") && screen.contains("2027"), "the years are named:\n\(screen)")
        XCTAssertFalse(screen.contains("10 Mar"), "the first workshop is off to the left")
        for _ in 0..<3 { app.handle(.left) }
        screen = ReviewScreens.render(app, width: 80, height: 24).quotedRows()
        XCTAssertTrue(screen.contains("Workshops 1–9 of 12"), screen)
        XCTAssertTrue(screen.contains("10 Mar"), screen)
        app.handle(.left) // no further than the first
        XCTAssertEqual(ReviewScreens.render(app, width: 80, height: 24).quotedRows(), screen)
        for _ in 0..<3 { app.handle(.right) }
        XCTAssertTrue(ReviewScreens.render(app, width: 80, height: 24).quotedRows().contains("Workshops 4–12 of 12"))
        // Every principle's name whole, at every size.
        for (width, height) in [(80, 24), (60, 20), (160, 48)] {
            let rows = ReviewScreens.render(app, width: width, height: height).quotedRows()
            for name in ["Recognising people as assets", "Valuing work differently", "Promoting reciprocity", "Building social networks"] {
                XCTAssertTrue(rows.contains(name), "\(width)x\(height) has \(name) whole:\n\(rows)")
            }
        }
        // At 160 columns all twelve fit.
        XCTAssertFalse(ReviewScreens.render(app, width: 160, height: 48).quotedRows().contains("of 12: ←"))
    }

    func testActionsNewestFirstOverdueMarkedAndFiltered() {
        let (_, app) = year()
        app.open("20260110-1000-0000")
        app.handle(.character("o"))
        let actions = app.filteredProgressActions("riverside")
        XCTAssertEqual(actions.first?.action.what, "Step 12", "the newest workshop's action first")
        XCTAssertEqual(actions.last?.action.what, "Make the swap board")
        // Step 12 was due 14 days after 2027-02-03, on 2027-02-17: overdue on 1 March.
        XCTAssertTrue(actions[0].isOverdue(today: app.today))
        let screen = ReviewScreens.render(app, width: 160, height: 48).quotedRows()
        XCTAssertTrue(screen.contains("[⚠ overdue ] Step 12 — Sam — was due 2027-02-17, 12 days ago"), screen)
        // Marked done, it is no longer overdue.
        app.handle(.character("d"))
        XCTAssertFalse(app.filteredProgressActions("riverside")[0].isOverdue(today: app.today))
        XCTAssertTrue(ReviewScreens.render(app, width: 160, height: 48).quotedRows().contains("[✓ done    ] Step 12"))
        // f: by status.
        app.handle(.character("f")) // planned (not overdue): none, everything is past due
        XCTAssertEqual(app.actionFilter.status, .planned)
        XCTAssertTrue(app.filteredProgressActions("riverside").isEmpty)
        app.handle(.character("f")) // overdue
        XCTAssertTrue(app.filteredProgressActions("riverside").allSatisfy { $0.isOverdue(today: app.today) })
        XCTAssertEqual(app.filteredProgressActions("riverside").count, 12 * 3 - 1)
        app.handle(.character("f")) // done
        XCTAssertEqual(app.filteredProgressActions("riverside").map(\.action.what), ["Step 12"])
        // w: by person.
        app.actionFilter = ActionFilter()
        app.handle(.character("w"))
        let person = app.actionFilter.person
        XCTAssertNotNil(person)
        XCTAssertTrue(app.filteredProgressActions("riverside").allSatisfy { $0.who.contains(person!) })
        XCTAssertTrue(app.message?.text.contains("Showing actions: every status · \(person!)") == true, app.message?.text ?? "")
    }

    func testANoteAndDateForWhatHappened() {
        let (fixture, app) = year()
        app.open("20260110-1000-0000")
        app.handle(.character("o"))
        app.handle(.character("e"))
        for character in "Rang them twice" { app.handle(.character(character)) }
        app.handle(.backspace)
        var screen = ReviewScreens.render(app, width: 80, height: 24).quotedRows()
        XCTAssertTrue(screen.contains("What happened with “Step 12”?"), screen)
        XCTAssertTrue(screen.contains("› Rang them twic▏"), screen)
        // Keys are text while writing: even e (which opened the box) is a letter, and nothing is marked.
        app.handle(.character("e"))
        XCTAssertTrue(fixture.marked.isEmpty)
        app.handle(.enter)
        XCTAssertNil(app.noteDraft)
        XCTAssertEqual(app.message?.kind, .saved)
        let item = app.filteredProgressActions("riverside")[0]
        XCTAssertEqual(item.action.outcome, ActionOutcome(note: "Rang them twice", on: app.today))
        screen = ReviewScreens.render(app, width: 160, height: 48).quotedRows()
        XCTAssertTrue(screen.contains("Step 12 — noted 2027-03-01: “Rang them twice” — Sam"), screen)
        // It is one journal line, and the timeline says it in words.
        let last = fixture.held[item.sessionID]!.journal.last!.event
        XCTAssertEqual(last, .noteActionOutcome(id: item.action.id, note: "Rang them twice", on: app.today))
        let words = TimelineWords.describe(last, before: fixture.held[item.sessionID]!.session, after: fixture.held[item.sessionID]!.session)
        XCTAssertEqual(words, "Looking back, on 2027-03-01, what happened with “Step 12” was noted: “Rang them twice”.")
        // Esc leaves without saving; an empty note is refused and the box stays.
        app.handle(.character("e"))
        app.handle(.escape)
        XCTAssertNil(app.noteDraft)
        XCTAssertEqual(app.message?.text, "Nothing was saved.")
        app.handle(.down)
        app.handle(.character("e"))
        app.handle(.enter)
        XCTAssertEqual(app.noteDraft, "")
        XCTAssertEqual(app.message?.kind, .refusal)
    }

    func testTimesAreLocalWithTheZoneSaidOnce() {
        let (_, app) = year()
        ReviewScreens.zone = TimeZone(identifier: "Europe/London")!
        defer { ReviewScreens.zone = TimeZone(identifier: "UTC")! }
        // The June workshop, held at 10:00 UTC in British Summer Time: 11:00 in London.
        app.open("20260410-1000-0003")
        app.handle(.character("t"))
        let screen = ReviewScreens.render(app, width: 160, height: 48).quotedRows()
        XCTAssertTrue(screen.contains("11:00 local time (Europe/London)"), screen)
        XCTAssertEqual(screen.components(separatedBy: "Europe/London").count - 1, 1, "the zone is said once")
    }

    func testATimelineWhoseHistoryWasRemovedSaysSo() {
        var session = ReviewFixture.standard().held["20261117-0930-cafe"]!.session
        XCTAssertTrue(ReviewScreens.emptyTimelineWords(session).hasPrefix("The step-by-step history of this session was removed"))
        XCTAssertTrue(ReviewScreens.emptyTimelineWords(session).contains("it reached Close, with 4 people, 3 stories, 2 actions and an agreed goal"), ReviewScreens.emptyTimelineWords(session))
        session = Session(id: "x", title: "New", createdAt: ScreenFixtures.start, template: ScreenFixtures.standard)
        XCTAssertEqual(ReviewScreens.emptyTimelineWords(session), "Nothing happened in this session yet: its journal is empty.")
    }

    func testStoriesShowWhatHappenedButNeverARoomOnlyStory() {
        let fixture = ReviewFixture.standard()
        let session = fixture.held["20261117-0930-cafe"]!.session
        let room = session.record.stories.first { $0.consent == .roomOnly }!
        let lines = ReviewScreens.storyLines(session, width: 78).map(\.text).joined(separator: "\n")
        for story in session.record.stories where story.consent != .roomOnly {
            XCTAssertTrue(lines.contains(story.whatHappened), lines)
        }
        XCTAssertFalse(lines.contains(room.title), lines)
        XCTAssertFalse(lines.contains(room.whatHappened), lines)
        XCTAssertFalse(room.smallThing.isEmpty || lines.contains(room.smallThing), lines)
        // Nor in the timeline's words.
        let words = TimelineWords.describe(.addStory(room), before: session, after: session)
        XCTAssertFalse(words.contains(room.title), words)
    }

    func testCompareShowsEachSessionsActions() {
        let (_, app) = year()
        app.handle(.character("c"))
        app.handle(.down)
        app.handle(.character("c"))
        let screen = ReviewScreens.render(app, width: 160, height: 48).quotedRows()
        XCTAssertEqual(screen.components(separatedBy: "Actions (3)").count - 1, 2, screen)
        XCTAssertTrue(screen.contains("Step "), screen)
    }
}

/// What became of an action is noted in review (`o`, then `e`, or d n x u); the console's action
/// plan, opened again later, shows it, so nobody plans the same thing twice.
final class ConsoleShowsWhatHappenedTests: XCTestCase {
    func testTheActionPlanShowsAMarkAndANoteMadeInReview() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.actions))
        let first = try XCTUnwrap(app.session.record.actions.first)
        let second = try XCTUnwrap(app.session.record.actions.dropFirst().first)
        var screen = ConsoleScreen.render(app, width: 80, height: 24).quotedRows()
        XCTAssertFalse(screen.contains("noted "), screen)
        XCTAssertTrue(app.record(.setActionStatus(id: first.id, status: .done)))
        XCTAssertTrue(app.record(.noteActionOutcome(id: second.id, note: "The landlord said yes", on: Day(year: 2026, month: 12, day: 20))))
        for (width, height) in [(80, 24), (160, 48)] {
            screen = ConsoleScreen.render(app, width: width, height: height).quotedRows()
            XCTAssertTrue(screen.contains("· done"), "\(width)x\(height):\n\(screen)")
            XCTAssertTrue(screen.contains(width > 80 ? "noted 2026-12-20: “The landlord said yes” · Phone on Monday" : "noted 2026-12-20: “The landlord said yes”"), "\(width)x\(height):\n\(screen)")
        }
    }
}
