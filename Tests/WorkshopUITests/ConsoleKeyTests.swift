import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// The console driven by keys, with exact expectations of what is saved.
final class ConsoleKeyTests: XCTestCase {

    private func type(_ app: ConsoleApp, _ text: String) {
        for character in text { app.handle(.character(character)) }
    }

    func testAddingAPersonSavesOneEventAndTypedLettersAreNeverCommands() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.emptyApp(saved: saved)
        app.handle(.character("a"))
        // "q", "u", "p" and "]" are commands outside a form, but only letters inside one.
        type(app, "Quinn ]up")
        app.handle(.enter)
        app.handle(.right)
        app.handle(.enter)
        app.handle(.enter)
        XCTAssertEqual(saved.events, [.addParticipant(Participant(id: "p1", name: "Quinn ]up", perspective: .lived))])
        XCTAssertFalse(app.wantsToQuit)
        XCTAssertEqual(app.state.layout, .console)
        XCTAssertNil(app.state.form)
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "Added Quinn ]up. Saved."))
    }

    func testPastedTextIsOnlyText() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.emptyApp(saved: saved)
        app.handle(.paste("q"))
        XCTAssertFalse(app.wantsToQuit, "a paste outside a box does nothing")
        app.handle(.character("a"))
        app.handle(.paste("Ann\nand more \u{1B}[2J"))
        XCTAssertEqual(app.state.form?.current.text, "Ann and more \u{1B}[2J", "line breaks become spaces; the text is kept exactly")
    }

    func testUndoAndRedoByKeys() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.ideas), saved: saved)
        let before = app.session.record
        app.handle(.character("a"))
        type(app, "Walk together")
        app.handle(.enter)
        app.handle(.enter)
        XCTAssertEqual(app.session.record.ideas.last?.text, "Walk together")
        app.handle(.character("u"))
        XCTAssertEqual(app.session.record, before)
        app.handle(.control("r"))
        XCTAssertEqual(app.session.record.ideas.last?.text, "Walk together")
        XCTAssertEqual(saved.events.count, 3)
        guard case .undo = saved.events[1], case .redo = saved.events[2] else { return XCTFail("\(saved.events)") }
    }

    func testGuardReasonAndOverrideWithAReason() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.emptyApp(saved: saved)
        app.handle(.character("]"))
        XCTAssertEqual(app.state.message, StatusMessage(.refusal, "Add the people in the room first, by first name."))
        XCTAssertNil(app.state.form, "this guard cannot be overridden")
        app.handle(.character("a"))
        type(app, "Ann")
        app.handle(.enter)
        app.handle(.enter)
        app.handle(.enter)
        app.handle(.character("]"))
        XCTAssertEqual(app.session.step, FlowStep(.storytelling))
        app.handle(.character("]"))
        XCTAssertEqual(app.state.form?.title, "Not quite ready")
        app.handle(.enter)
        XCTAssertEqual(app.state.message, StatusMessage(.refusal, "Please say why you are moving on anyway."))
        type(app, "Ann asked to go last")
        app.handle(.enter)
        XCTAssertEqual(app.session.step, FlowStep(.goal))
        XCTAssertEqual(saved.events.last, .moveTo(step: FlowStep(.goal), overriddenGuards: ["everyone invited"], overrideReason: "Ann asked to go last"))
    }

    func testEachPrincipleStartsScoringWithTheFirstPerson() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(principle: .assets, phase: .score), saved: saved)
        type(app, "4321")
        XCTAssertEqual(app.session.record.score(for: .assets).scores, ["p1": 4, "p2": 3, "p3": 2, "p4": 1])
        app.handle(.character("]"))
        app.handle(.enter)
        app.handle(.character("2"))
        app.handle(.enter)
        app.handle(.character("a"))
        app.handle(.enter)
        type(app, "Art group")
        app.handle(.enter)
        XCTAssertEqual(app.session.record.score(for: .assets).rag, .amber)
        XCTAssertEqual(app.session.record.score(for: .assets).agreedStage, 2)
        app.handle(.character("]"))
        app.handle(.character("]"))
        XCTAssertEqual(app.session.step, FlowStep(principle: .work, phase: .score))
        type(app, "12")
        XCTAssertEqual(app.session.record.score(for: .work).scores, ["p1": 1, "p2": 2])
    }

    func testEscapeWithTypedWordsAsksBeforeThrowingThemAway() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling), saved: saved)
        app.handle(.character("a"))
        app.handle(.enter)
        type(app, "Half a story")
        app.handle(.escape)
        XCTAssertEqual(app.state.mode, .confirmDiscard)
        app.handle(.character("n"))
        XCTAssertEqual(app.state.form?.current.text, "Half a story", "the words are still there")
        app.handle(.escape)
        app.handle(.character("y"))
        XCTAssertNil(app.state.form)
        XCTAssertTrue(saved.events.isEmpty)
    }

    func testASaveThatFailsKeepsTheFormAndSaysSo() {
        struct DiskFull: Error, CustomStringConvertible { var description: String { "the disk is full" } }
        let clock = ManualClock(ScreenFixtures.start)
        let session = SampleWorkshop.session(template: ScreenFixtures.standard, upTo: FlowStep(.ideas), start: ScreenFixtures.start)
        let app = ConsoleApp(editor: SessionEditor(session: session), content: ScreenFixtures.content,
                             environment: ConsoleEnvironment(clock: clock, save: { _, _ in throw DiskFull() }))
        app.handle(.character("a"))
        type(app, "Never lost")
        app.handle(.enter)
        app.handle(.enter)
        XCTAssertEqual(app.state.form?.fields.first?.text, "Never lost")
        XCTAssertEqual(app.state.message?.kind, .problem)
        XCTAssertTrue(app.state.message?.text.contains("the disk is full") ?? false)
        XCTAssertEqual(app.session.record.ideas.count, 3, "nothing is shown as saved that was not")
    }

    func testALongMessageIsShownWholeAt80Columns() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.goal))
        let long = "Others can read this session's folder (/home/someone/.local/share/campfire/sessions/20261123-1405-7f3a). To keep stories private, run: chmod -R go-rwx on that folder."
        app.state.message = StatusMessage(.problem, long)
        let grid = ConsoleScreen.render(app, width: 80, height: 24)
        let shown = grid.rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(shown.contains("To keep stories private, run: chmod -R go-rwx on that folder."), shown)
        XCTAssertTrue(grid.rowText(23).contains("q quit"), "the hint bar stays at the bottom")
    }

    func testHintBarComesFromTheSameBindingsThatHandleKeys() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.goal))
        let bar = ConsoleScreen.render(app, width: 160, height: 48).rowText(47)
        for binding in app.activeBindings where binding.inHintBar {
            XCTAssertTrue(bar.contains("\(binding.keyLabel) \(binding.label)"), "\(binding.label) in \(bar)")
        }
    }
}
