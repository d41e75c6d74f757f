import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// Sessions held in memory, as the review browser sees them through its source.
final class ReviewFixture {
    struct Held {
        var session: Session
        var journal: [(sequence: Int, at: Date, event: SessionEvent)]
    }

    var held: [String: Held] = [:]
    var marked: [(String, ActionID, ActionStatus)] = []
    var refuseMarks: String?

    static let day: TimeInterval = 24 * 3600

    /// Four sessions: three of the riverside group (one a practice run) and one of another group.
    static func standard() -> ReviewFixture {
        let fixture = ReviewFixture()
        let start = ScreenFixtures.start
        fixture.add(id: "20261117-0930-cafe", title: "Riverside day service", group: "riverside", at: start)
        fixture.add(id: "20261215-1000-b0b0", title: "Riverside: six weeks on", group: "riverside", at: start + 28 * day,
                    extra: [.agreePrinciple(principle: .reciprocity, stage: 2, rag: .amber, evidence: "People now help each other at lunch."),
                            .agreePrinciple(principle: .networks, stage: 4, rag: .green, evidence: "The café is busy with neighbours.")])
        fixture.add(id: "20261201-1400-abcd", title: "Practice with made-up people", group: "riverside", at: start + 14 * day, practice: true)
        fixture.add(id: "20261120-1100-d00d", title: "Hillside carers' café", group: "hillside", at: start + 3 * day, upTo: FlowStep(.goal),
                    names: ["Ann", "Bob", "Chen", "Dee"])
        return fixture
    }

    func add(id: String, title: String, group: String?, at start: Date, practice: Bool = false, upTo: FlowStep? = nil,
             names: [String] = ["Maya", "Tom", "Priya", "Sam"], extra: [SessionEvent] = []) {
        let base = Session(id: id, title: title, group: group, facilitator: "Jo", createdAt: start, isPractice: practice, template: ScreenFixtures.standard)
        var editor = SessionEditor(session: base)
        var journal: [(sequence: Int, at: Date, event: SessionEvent)] = []
        var last: TimeInterval = 0
        for (event, seconds) in SampleWorkshop.events(template: ScreenFixtures.standard, names: names, upTo: upTo) + extra.map({ ($0, TimeInterval(-1)) }) {
            let offset = seconds < 0 ? last + 10 : seconds
            last = offset
            try! editor.apply(event, at: start + offset)
            journal.append((journal.count + 1, start + offset, event))
        }
        held[id] = Held(session: editor.session, journal: journal)
    }

    var source: ReviewSource {
        ReviewSource(
            entries: {
                self.held.values.map { held in
                    let session = held.session
                    return ReviewEntry(id: session.id, title: session.title, group: session.group, createdAt: session.createdAt,
                                       isPractice: session.isPractice, stage: session.furthestStage, people: session.record.present.count,
                                       rag: PrincipleID.allCases.map { session.record.score(for: $0).rag })
                }.sorted { $0.id < $1.id }
            },
            session: { id in
                guard let held = self.held[id] else { throw ChangeRefusal("no such session") }
                return held.session
            },
            journal: { id in self.held[id]?.journal ?? [] },
            markAction: { id, action, status in
                if let refuseMarks = self.refuseMarks { throw ChangeRefusal(refuseMarks) }
                self.marked.append((id, action, status))
                let event = SessionEvent.setActionStatus(id: action, status: status)
                var editor = SessionEditor(session: self.held[id]!.session)
                let at = self.held[id]!.journal.last!.at + 60
                try editor.apply(event, at: at)
                self.held[id]!.session = editor.session
                self.held[id]!.journal.append((self.held[id]!.journal.count + 1, at, event))
            },
            noteAction: { id, action, note, day in
                if let refuseMarks = self.refuseMarks { throw ChangeRefusal(refuseMarks) }
                let event = SessionEvent.noteActionOutcome(id: action, note: note, on: day)
                var editor = SessionEditor(session: self.held[id]!.session)
                let at = self.held[id]!.journal.last!.at + 60
                try editor.apply(event, at: at)
                self.held[id]!.session = editor.session
                self.held[id]!.journal.append((self.held[id]!.journal.count + 1, at, event))
            })
    }

    /// "Today" for the screens: two months after the first session, so its actions are overdue.
    static let today = Day(ScreenFixtures.start).adding(days: 60)

    func app(query: ReviewQuery = ReviewQuery()) -> ReviewApp {
        ReviewScreens.zone = TimeZone(identifier: "UTC")!
        let app = ReviewApp(source: source, content: ScreenFixtures.content, query: query)
        app.today = Self.today
        return app
    }
}

final class ReviewQueryTests: XCTestCase {
    let entries = ReviewFixture.standard().source.entries()

    private func titles(_ query: ReviewQuery) -> [String] { query.apply(entries).map(\.title) }

    func testRealSessionsNewestFirstByDefault() {
        XCTAssertEqual(titles(ReviewQuery()), ["Riverside: six weeks on", "Hillside carers' café", "Riverside day service"])
    }

    func testPracticeFilter() {
        XCTAssertEqual(titles(ReviewQuery(practice: .practice)), ["Practice with made-up people"])
        XCTAssertEqual(titles(ReviewQuery(practice: .all)).count, 4)
    }

    func testSearchMatchesTitleAndGroupIgnoringCaseAndAccentsEveryWord() {
        XCTAssertEqual(titles(ReviewQuery(search: "CAFE")), ["Hillside carers' café"])
        XCTAssertEqual(titles(ReviewQuery(search: "hillside")), ["Hillside carers' café"])
        XCTAssertEqual(titles(ReviewQuery(search: "riverside weeks")), ["Riverside: six weeks on"])
        XCTAssertEqual(titles(ReviewQuery(search: "nothing like this")), [])
    }

    func testGroupFilter() {
        XCTAssertEqual(titles(ReviewQuery(group: "riverside")), ["Riverside: six weeks on", "Riverside day service"])
        XCTAssertEqual(reviewGroups(entries), ["hillside", "riverside"])
    }

    func testSortByEachColumnBothWays() {
        XCTAssertEqual(titles(ReviewQuery(sort: .title, descending: false)), ["Hillside carers' café", "Riverside day service", "Riverside: six weeks on"])
        XCTAssertEqual(titles(ReviewQuery(sort: .date, descending: false)), ["Riverside day service", "Hillside carers' café", "Riverside: six weeks on"])
        XCTAssertEqual(titles(ReviewQuery(sort: .stage, descending: false)).first, "Hillside carers' café")
        XCTAssertEqual(titles(ReviewQuery(sort: .group, descending: false)).first, "Hillside carers' café")
        // More greens first: six weeks on has reciprocity AMBER and networks GREEN.
        XCTAssertEqual(titles(ReviewQuery(sort: .principles, descending: true)), ["Riverside: six weeks on", "Riverside day service", "Hillside carers' café"])
        // Ties (same people) keep newest first.
        XCTAssertEqual(titles(ReviewQuery(sort: .people, descending: true)), ["Riverside: six weeks on", "Hillside carers' café", "Riverside day service"])
    }

    func testSortKeyCyclesEveryColumnAndReverses() {
        let app = ReviewFixture.standard().app()
        var seen: [ReviewColumn] = []
        for _ in ReviewColumn.allCases { app.handle(.character("s")); seen.append(app.query.sort) }
        XCTAssertEqual(Set(seen), Set(ReviewColumn.allCases))
        let before = app.query.descending
        app.handle(.character("S"))
        XCTAssertEqual(app.query.descending, !before)
    }

    func testSearchKeysTypeTextNotCommands() {
        let app = ReviewFixture.standard().app()
        app.handle(.character("/"))
        for character in "qsg" { app.handle(.character(character)) }
        XCTAssertFalse(app.wantsToQuit)
        XCTAssertEqual(app.query.search, "qsg")
        XCTAssertEqual(app.query.sort, .date)
        app.handle(.escape)
        XCTAssertEqual(app.query.search, "")
        XCTAssertFalse(app.isSearching)
    }
}

final class TimelineWordsTests: XCTestCase {
    func testPlainWordsForEachKindOfEvent() throws {
        let fixture = ReviewFixture.standard()
        let held = fixture.held["20261117-0930-cafe"]!
        let timeline = Timeline.replay(from: Timeline.creation(of: held.session), records: held.journal, saved: held.session)
        XCTAssertNil(timeline.problem)
        XCTAssertEqual(timeline.matchesSaved, true)
        let words = timeline.entries.map(\.words)
        for expected in [
            "Maya joined the group (someone who uses services).",
            "Maya took the talking stick.",
            "Maya told a story: “The bus that waited” (may be shared).",
            "Sam told a story for the room only: its words are not shown here.",
            "Priya passed.",
            "Sam was invited to take the talking stick.",
            "Maya suggested a goal: “Everyone who comes here is asked what they are good at”.",
            "Priya can live with “Everyone who comes here is asked what they are good at”.",
            "The group agreed the goal “Everyone who comes here is asked what they are good at”.",
            "The workshop moved to Shared goal.",
            "Tom placed Valuing work differently at stage 2.",
            "The group agreed Promoting reciprocity: stage 1, ■ RED. Evidence: “People are not encouraged to help each other yet.”",
            "Maya had an idea: “A skills swap board by the door”.",
            "Maya put a dot on “A skills swap board by the door”.",
            "The group chose “A skills swap board by the door”.",
            "Maya and Tom will “Make the swap board” by 2026-12-04.",
        ] {
            XCTAssertTrue(words.contains(expected), "missing: \(expected)\n" + words.joined(separator: "\n"))
        }
    }

    func testMarkingAndUndoWords() {
        let session = SampleWorkshop.session(template: ScreenFixtures.standard, start: ScreenFixtures.start)
        XCTAssertEqual(TimelineWords.describe(.setActionStatus(id: "a13", status: .notDone), before: session, after: session),
                       "Looking back, “Make the swap board” was marked not done.")
        XCTAssertEqual(TimelineWords.describe(.undo(restoring: session.record), before: session, after: session), "The last change was undone.")
        XCTAssertEqual(TimelineWords.describe(.removeParticipant(id: "p1"), before: session, after: session), "Maya left.")
    }

    func testReplayStopsWithAPlainReasonWhenTheJournalDoesNotFit() {
        let fixture = ReviewFixture.standard()
        var journal = fixture.held["20261117-0930-cafe"]!.journal
        journal.insert((0, ScreenFixtures.start, .deleteStory(id: "s999")), at: 0)
        let timeline = Timeline.replay(from: Timeline.creation(of: fixture.held["20261117-0930-cafe"]!.session), records: journal)
        XCTAssertTrue(timeline.entries.isEmpty)
        XCTAssertTrue(timeline.problem?.hasPrefix("The replay stops at entry 0") ?? false, timeline.problem ?? "")
    }

    func testStepChangeJumps() {
        let fixture = ReviewFixture.standard()
        let app = fixture.app()
        app.handle(.character("t"))
        guard case .timeline(let id) = app.screen, let timeline = app.timeline(id) else { return XCTFail("no timeline") }
        app.handle(.character("]"))
        XCTAssertTrue(timeline.entries[app.timelineIndex].isStepChange)
        let first = app.timelineIndex
        app.handle(.character("]"))
        XCTAssertGreaterThan(app.timelineIndex, first)
        XCTAssertTrue(timeline.entries[app.timelineIndex].isStepChange)
        app.handle(.character("["))
        XCTAssertEqual(app.timelineIndex, first)
        app.handle(.right)
        XCTAssertEqual(app.timelineIndex, first + 1)
        app.handle(.left)
        XCTAssertEqual(app.timelineIndex, first)
    }
}

final class ReviewMarkingTests: XCTestCase {
    func testMarkingAnActionGoesThroughTheSourceOnce() {
        let fixture = ReviewFixture.standard()
        let app = fixture.app()
        app.handle(.character("o"))
        XCTAssertEqual(app.screen, .progress(group: "riverside"))
        let first = app.filteredProgressActions("riverside")[0]
        XCTAssertEqual(first.sessionID, "20261215-1000-b0b0", "newest first")
        app.handle(.character("d"))
        XCTAssertEqual(fixture.marked.count, 1)
        XCTAssertEqual(fixture.marked.first?.1, first.action.id)
        XCTAssertEqual(fixture.marked.first?.2, .done)
        XCTAssertEqual(app.message?.kind, .saved)
        // Marking it done again changes nothing.
        app.handle(.character("d"))
        XCTAssertEqual(fixture.marked.count, 1)
    }

    func testARefusalIsShownInPlainWords() {
        let fixture = ReviewFixture.standard()
        fixture.refuseMarks = "This session is open in another Campfire right now."
        let app = fixture.app()
        app.handle(.character("o"))
        app.handle(.character("x"))
        XCTAssertEqual(app.message?.kind, .refusal)
        XCTAssertEqual(app.message?.text, "Not saved: This session is open in another Campfire right now.")
    }
}

final class ReviewGoldenTests: XCTestCase {
    static let sizes: [(width: Int, height: Int)] = [(80, 24), (160, 48)]

    private func check(_ name: String, _ app: ReviewApp) {
        for size in Self.sizes {
            Golden.assertScreen(ReviewScreens.render(app, width: size.width, height: size.height), named: "review-\(name)-\(size.width)x\(size.height)")
        }
    }

    func testBrowser() {
        check("browser", ReviewFixture.standard().app(query: ReviewQuery(practice: .all)))
    }

    func testRAGCellsCarryTheirColourRoleAsWellAsSymbolAndLetter() {
        let app = ReviewFixture.standard().app()
        app.handle(.down)  // so the row with a RED is not the selected (reversed) one
        let grid = ReviewScreens.render(app, width: 80, height: 24)
        var roles: [String: Role] = [:]
        for y in 0..<grid.height where grid.rowText(y).contains("Riverside day servi") {
            for x in 0..<grid.width where ["■", "▲", "●"].contains(grid[x, y].text) {
                roles[grid[x, y].text] = grid[x, y].style.role
                XCTAssertEqual(grid[x + 1, y].style.role, grid[x, y].style.role, "the letter shares the colour")
            }
        }
        XCTAssertEqual(roles, ["■": .red, "▲": .amber, "●": .green])
    }

    func testBrowserSearching() {
        let app = ReviewFixture.standard().app()
        app.handle(.character("/"))
        for character in "river" { app.handle(.character(character)) }
        check("browser-search", app)
    }

    func testSessionStages() {
        let app = ReviewFixture.standard().app()
        app.open("20261117-0930-cafe")
        check("session-welcome", app)
        app.handle(.right)
        check("session-stories", app)
        for _ in 0..<3 { app.handle(.right) }
        check("session-principle", app)
        app.handle(.end)
        app.handle(.left)
        check("session-actions", app)
    }

    func testTimeline() {
        let app = ReviewFixture.standard().app()
        app.open("20261117-0930-cafe")
        app.handle(.character("t"))
        for _ in 0..<3 { app.handle(.character("]")) }
        app.handle(.right)
        check("timeline", app)
    }

    /// Damage the files report is said on the timeline, before any other problem.
    func testTheTimelineSaysWhatDamageLeftOut() {
        let fixture = ReviewFixture.standard()
        var source = fixture.source
        source.damage = { id in id == "20261117-0930-cafe" ? "This timeline leaves out damaged lines of journal.jsonl (line 7: its checksum does not match its contents)." : nil }
        let app = ReviewApp(source: source, content: ScreenFixtures.content, query: ReviewQuery())
        XCTAssertEqual(app.timeline("20261117-0930-cafe")?.problem?.hasPrefix("This timeline leaves out damaged lines of journal.jsonl (line 7"), true)
        XCTAssertNil(app.timeline("20261215-1000-b0b0")?.problem)
    }

    func testTrendChart() {
        let app = ReviewFixture.standard().app()
        app.open("20261215-1000-b0b0")
        app.handle(.character("o"))
        app.handle(.down)
        check("trend", app)
    }

    func testCompare() {
        let app = ReviewFixture.standard().app()
        app.handle(.end)
        app.handle(.character("c"))
        app.handle(.home)
        app.handle(.character("c"))
        XCTAssertEqual(app.screen, .compare("20261117-0930-cafe", "20261215-1000-b0b0"))
        check("compare", app)
    }
}

/// `?` on every review screen shows that screen's keys, from `ReviewApp.bindings(for:)`.
final class ReviewHelpTests: XCTestCase {
    private func text(_ app: ReviewApp, _ width: Int = 80, _ height: Int = 24) -> String {
        ReviewScreens.render(app, width: width, height: height).rows.joined(separator: "\n")
    }

    func testQuestionMarkShowsTheKeysOfTheListSessionTimelineAndTrendsAndAnyKeyClosesIt() {
        let app = ReviewFixture.standard().app()
        XCTAssertTrue(text(app).contains("? keys"), text(app))
        var visited: [ReviewApp.Screen] = []
        for open in [nil, Key.enter, .character("t"), .character("o")] as [Key?] {
            if let open {
                while app.screen != .browser { app.handle(.escape) }  // back to the list
                app.handle(open)
            }
            visited.append(app.screen)
            let before = app.screen
            app.handle(.character("?"))
            XCTAssertTrue(app.showingKeys)
            // Scroll to the end at 60 × 20, reading every row: each binding's key is shown.
            var seen = text(app, 60, 20)
            for _ in 0..<30 { app.handle(.down); seen += text(app, 60, 20) }
            XCTAssertTrue(seen.contains("Keys"), seen)
            for binding in ReviewApp.bindings(for: app.screen) {
                XCTAssertTrue(seen.contains(binding.keyLabel), "\(binding.keyLabel) on \(app.screen):\n" + seen)
            }
            app.handle(.character("x"))
            XCTAssertFalse(app.showingKeys, "any other key closes the box")
            XCTAssertEqual(app.screen, before, "the closing key does nothing else")
        }
        XCTAssertEqual(visited.count, 4)
        XCTAssertFalse(app.wantsToQuit)
    }
}
