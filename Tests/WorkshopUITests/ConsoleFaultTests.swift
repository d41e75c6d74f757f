import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// The faults found by trying a whole workshop by keys, each pinned by a test that failed before
/// it was mended (issue 14).
final class ConsoleFaultTests: XCTestCase {

    private func type(_ app: ConsoleApp, _ text: String) {
        for character in text { app.handle(.character(character)) }
    }

    private func press(_ app: ConsoleApp, _ keys: [Key]) {
        for key in keys { app.handle(key) }
    }

    private func screenText(_ app: ConsoleApp, width: Int = 80, height: Int = 24) -> String {
        ConsoleScreen.render(app, width: width, height: height).rows.joined(separator: "\n")
    }

    // MARK: - Dots follow the idea

    func testDotsFollowTheIdeaWhenTheListReSorts() throws {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.choose), saved: saved)
        // The third idea by dots ("Members join staff interviews", 2 dots); Sam has 2 dots left.
        press(app, [.down, .down])
        let idea = try XCTUnwrap(app.selectedIdeaByVotes)
        XCTAssertEqual(idea.text, "Members join staff interviews")
        press(app, [.tab] + Array(repeating: .down, count: 5) + [.tab])
        XCTAssertEqual(app.selectedVoter?.name, "Sam")
        type(app, "++")
        XCTAssertEqual(app.session.record.idea(idea.id)?.votes["p4"], 2, "both dots went to the idea the highlight was on")
        XCTAssertEqual(app.selectedIdeaByVotes?.id, idea.id, "the highlight moved with the idea as it went up the list")
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "A dot for ‘Members join staff interviews’ from Sam — 0 dots left. Saved."))
        XCTAssertEqual(saved.events, [.vote(idea: idea.id, participant: "p4", change: 1), .vote(idea: idea.id, participant: "p4", change: 1)])
        // The line the highlight is on, on screen, is that idea.
        XCTAssertTrue(screenText(app).split(separator: "\n").contains { $0.contains("▸") && $0.contains("Members join staff interviews") })
    }

    func testTheHighlightStaysOnItsItemWhenAnotherIsRemoved() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.ideas))
        press(app, [.down, .down])
        let third = try XCTUnwrap(app.selectedIdea)
        press(app, [.up, .up, .character("d"), .character("y")])
        XCTAssertEqual(app.session.record.ideas.count, 2)
        // The first idea went; the highlight is on the first row now, which is the old second idea.
        XCTAssertNotEqual(app.selectedIdea?.id, third.id)
        press(app, [.down])
        XCTAssertEqual(app.selectedIdea?.id, third.id)
        app.handle(.character("u"))
        XCTAssertEqual(app.selectedIdea?.id, third.id, "undo brings the idea back above; the highlight stays on the same idea")
    }

    // MARK: - A box the facilitator cannot see never takes a key

    func testABoxOpenedFromTheProjectorViewBringsTheConsoleBack() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.emptyApp(saved: saved)
        app.handle(.character("a"))
        type(app, "Ann")
        press(app, [.enter, .enter, .enter, .character("]")])
        XCTAssertEqual(app.session.step, FlowStep(.storytelling))
        saved.events = []
        app.handle(.character("p"))
        XCTAssertEqual(app.screen(width: 80, height: 24), .projector)
        app.handle(.character("]"))  // not everyone has been offered the stick: "say why" opens
        XCTAssertEqual(app.state.form?.title, "Not quite ready")
        XCTAssertEqual(app.screen(width: 80, height: 24), .form)
        XCTAssertTrue(screenText(app).contains("Not quite ready"), "the box is on screen")
        type(app, "pq")
        XCTAssertFalse(app.wantsToQuit)
        XCTAssertEqual(app.state.form?.current.text, "pq", "typed into the box the facilitator can see")
        app.handle(.escape)
        app.handle(.character("y"))
        XCTAssertNil(app.state.form)
        XCTAssertEqual(app.state.layout, .console)
        XCTAssertTrue(saved.events.isEmpty)
    }

    func testWhileTheWindowIsTooSmallOnlyQuitDoesAnything() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.ideas), saved: saved)
        app.handle(.character("a"))
        type(app, "Tea")
        app.state.size = (30, 10)
        XCTAssertEqual(app.screen, .tooSmall)
        XCTAssertTrue(screenText(app, width: 30, height: 10).contains("larger"))
        press(app, [.character("x"), .enter, .escape, .backspace, .paste("more")])
        XCTAssertEqual(app.state.form?.current.text, "Tea", "nothing went into the box nobody could see")
        XCTAssertNil(app.state.mode == .confirmDiscard ? "asked" : nil)
        app.state.size = (80, 24)
        app.handle(.resize)
        XCTAssertEqual(app.screen, .form)
        app.state.form = nil
        app.state.size = (20, 8)
        press(app, [.character("]"), .character("u"), .character("a"), .character("p")])
        XCTAssertEqual(app.session.step, FlowStep(.ideas))
        XCTAssertNil(app.state.form)
        XCTAssertEqual(app.state.layout, .console)
        XCTAssertTrue(saved.events.isEmpty)
        app.handle(.character("q"))
        XCTAssertTrue(app.wantsToQuit, "quit still works")
    }

    // MARK: - Forms

    func testADigitInWhoWithNobodyInTheRoomDoesNotStopCampfire() {
        var form = Form(title: "Plan an action", purpose: .addAction(nil), fields: [FormField(.who, "Who", kind: .people([]), isOptional: false)])
        XCTAssertEqual(form.handle(.character("1")), .editing)
        XCTAssertEqual(form.handle(.character("9")), .editing)
        XCTAssertTrue(form.fields[0].ticked.isEmpty)
    }

    func testEveryBoxSavedUnchangedWritesNothing() throws {
        // Each edit box: open it on the first item and press Enter through every field.
        let cases: [(FlowStep, [Key])] = [
            (FlowStep(.welcome), [.enter]),                                   // a person
            (FlowStep(.storytelling), [.tab, .enter]),                        // a story
            (FlowStep(.goal), [.enter]),                                      // a goal wording
            (FlowStep(principle: .assets, phase: .agree), [.enter]),          // what the group agrees
            (FlowStep(.ideas), [.enter]),                                     // an idea
            (FlowStep(.actions), [.enter]),                                   // an action
        ]
        for (step, open) in cases {
            let saved = ScreenFixtures.Saved()
            let (app, _) = ScreenFixtures.app(at: step, saved: saved)
            let before = app.session
            press(app, open)
            let form = try XCTUnwrap(app.state.form, "\(step)")
            press(app, Array(repeating: .enter, count: form.fields.count))
            XCTAssertNil(app.state.form, "\(step): the box closed")
            XCTAssertEqual(saved.events, [], "\(step): nothing was written")
            XCTAssertEqual(app.session, before, "\(step)")
            XCTAssertEqual(app.state.message, StatusMessage(.info, "Nothing changed, so nothing was saved."), "\(step)")
        }
        // The boxes that add something, and the "say why" box, refuse to save empty: no event either.
        let adding: [(FlowStep, [Key])] = [
            (FlowStep(.welcome), [.character("a")]),
            (FlowStep(.storytelling), [.character("a")]),
            (FlowStep(.goal), [.character("a")]),
            (FlowStep(.ideas), [.character("a")]),
            (FlowStep(.actions), [.character("a")]),
        ]
        for (step, open) in adding {
            let saved = ScreenFixtures.Saved()
            let (app, _) = ScreenFixtures.app(at: step, names: ["Maya", "Tom", "Priya", "Sam"], saved: saved)
            press(app, open)
            let form = try XCTUnwrap(app.state.form, "\(step) \(open)")
            let before = saved.events
            press(app, Array(repeating: .enter, count: form.fields.count))
            XCTAssertNotNil(app.state.form, "\(step): the box stays open with a reason")
            XCTAssertEqual(saved.events, before, "\(step): nothing was written")
            press(app, [.escape])
            XCTAssertNil(app.state.form, "\(step): Esc on an untouched box just closes it")
        }
    }

    func testAnUnchangedActionKeepsNoIdeaAndAPersonWhoLeft() throws {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.actions), saved: saved)
        var action = try XCTUnwrap(app.session.record.action("a14"))
        action.idea = nil
        XCTAssertTrue(app.record(.editAction(action)))
        XCTAssertTrue(app.record(.removeParticipant(id: "p4")))  // Sam spoke, so is kept as having left
        XCTAssertEqual(app.session.record.participant("p4")?.hasLeft, true)
        let before = app.session.record
        saved.events = []
        press(app, [.down, .enter])
        XCTAssertEqual(app.state.form?.title, "Change the action")
        XCTAssertEqual(app.state.form?.fields[0].index, 0, "the box shows \"(none)\"")
        press(app, Array(repeating: .enter, count: 5))
        XCTAssertEqual(saved.events, [])
        XCTAssertEqual(app.session.record, before)
        XCTAssertEqual(app.session.record.action("a14")?.who, ["p4", "p3"])
        XCTAssertNil(app.session.record.action("a14")?.idea)
    }

    func testEscOnAnUntouchedEditBoxJustClosesIt() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.welcome))
        app.handle(.enter)
        XCTAssertEqual(app.state.form?.title, "Change Maya")
        press(app, [.tab, .right, .left, .escape])  // looked at, changed back
        XCTAssertNil(app.state.form)
        XCTAssertEqual(app.state.mode, .browse, "no \"throw away what you typed?\" for a box where nothing changed")
        app.handle(.enter)
        app.handle(.character("a"))
        app.handle(.escape)
        XCTAssertEqual(app.state.mode, .confirmDiscard, "a changed box still asks")
    }

    func testAValidationMessagePutsTheCursorInItsField() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.actions), saved: saved)
        app.handle(.character("a"))
        press(app, [.enter, .enter, .character(" "), .enter])  // For idea, What (left empty), Who ticked
        type(app, "+7")
        press(app, [.enter, .enter])
        XCTAssertEqual(app.state.message?.kind, .refusal)
        XCTAssertEqual(app.state.form?.current.id, .what, "the cursor is in the field the message is about")
        type(app, "Ring the library")
        XCTAssertEqual(app.state.form?[.what]?.text, "Ring the library")
        XCTAssertEqual(app.state.form?[.how]?.text, "")
        // A date that cannot be read puts the cursor on the date.
        app.state.form?.focused = 3
        app.handle(.control("u"))
        type(app, "soon")
        app.state.form?.focused = 4
        app.handle(.enter)
        XCTAssertEqual(app.state.form?.current.id, .when)
        XCTAssertTrue(saved.events.isEmpty)
    }

    // MARK: - Status lines name what changed

    func testScoresAndUndoAreNamed() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(principle: .work, phase: .score), names: ["Zoë", "Tom", "Priya", "Sam"], saved: saved)
        XCTAssertEqual(app.selectedRow(.score), 0)
        // The sample has everyone scored: Zoë has stage 2 on Valuing work.
        app.handle(.character("4"))
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "Zoë: stage 2 → 4 on Valuing work differently (changed). Saved."))
        app.handle(.character("u"))
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "Undone: Zoë's stage on Valuing work differently. Saved."))
        app.handle(.control("r"))
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "Redone: Zoë's stage on Valuing work differently. Saved."))
    }

    func testANotSavedMessageHasOneFullStop() {
        struct Refused: Error, CustomStringConvertible { var description: String { "The disk is full." } }
        let clock = ManualClock(ScreenFixtures.start)
        let session = SampleWorkshop.session(template: ScreenFixtures.standard, upTo: FlowStep(.ideas), start: ScreenFixtures.start)
        let app = ConsoleApp(editor: SessionEditor(session: session), content: ScreenFixtures.content,
                             environment: ConsoleEnvironment(clock: clock, save: { _, _ in throw Refused() }))
        app.handle(.character("]"))
        XCTAssertEqual(app.state.message?.text, "Not saved: The disk is full. Nothing typed is lost: it is still on screen.")
        let readOnly = ConsoleApp(editor: SessionEditor(session: session), content: ScreenFixtures.content,
                                  environment: ConsoleEnvironment(clock: clock, save: { _, _ in }), readOnlyReason: "this workshop is open read-only.")
        readOnly.handle(.character("]"))
        XCTAssertFalse(readOnly.state.message?.text.contains("..") ?? true, readOnly.state.message?.text ?? "")
    }

    // MARK: - Resume

    func testResumePutsTheHighlightOnTheNextPersonToScore() {
        let saved = ScreenFixtures.Saved()
        let (app, clock) = ScreenFixtures.app(at: FlowStep(principle: .work, phase: .explain), saved: saved)
        app.handle(.character("]"))
        type(app, "12")
        // Campfire stops; the session is opened again.
        let resumed = ConsoleApp(editor: SessionEditor(session: app.session), content: ScreenFixtures.content,
                                 environment: ConsoleEnvironment(clock: clock, save: { event, _ in saved.events.append(event) }))
        XCTAssertEqual(resumed.selectedRow(.score), 2)
        resumed.handle(.character("3"))
        XCTAssertEqual(resumed.session.record.score(for: .work).scores, ["p1": 1, "p2": 2, "p3": 3])
    }

    // MARK: - Read-only

    func testAReadOnlySessionOpensNoBox() {
        let session = SampleWorkshop.session(template: ScreenFixtures.standard, upTo: FlowStep(.ideas), start: ScreenFixtures.start)
        let app = ConsoleApp(editor: SessionEditor(session: session), content: ScreenFixtures.content,
                             environment: ConsoleEnvironment(clock: ManualClock(ScreenFixtures.start), save: { _, _ in XCTFail("nothing is saved") }),
                             readOnlyReason: "this workshop is open read-only, so nothing can be changed.")
        for key: Key in [.character("a"), .enter, .character("d")] {
            app.handle(key)
            XCTAssertNil(app.state.form, "\(key)")
            XCTAssertEqual(app.state.mode, .browse, "\(key)")
            XCTAssertEqual(app.state.message, StatusMessage(.refusal, "Nothing can be changed: this workshop is open read-only, so nothing can be changed."))
        }
        app.handle(.character("?"))
        XCTAssertEqual(app.state.mode, .help, "looking at the keys is fine")
    }

    // MARK: - Finishing

    func testCloseOffersToFinishTheWorkshop() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.close), saved: saved)
        app.handle(.character("]"))
        guard case .confirm = app.state.mode else { return XCTFail("\(app.state.mode)") }
        XCTAssertTrue(screenText(app).contains("Finish the workshop?"))
        app.handle(.character("n"))
        XCTAssertNil(app.session.finishedAt)
        XCTAssertEqual(app.state.message, StatusMessage(.info, "The workshop carries on."))
        press(app, [.character("f"), .character("y")])
        XCTAssertEqual(saved.events, [.finishWorkshop])
        XCTAssertNotNil(app.session.finishedAt)
        app.handle(.character("]"))
        XCTAssertEqual(app.state.message, StatusMessage(.info, "This workshop is finished. Press [ to go back to a step and carry on."))
        app.handle(.character("["))
        XCTAssertNil(app.session.finishedAt, "going back carries the workshop on")
    }

    // MARK: - Invite by name

    func testInvitePicksAPersonByName() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling), names: ["Maya", "Tom", "Priya", "Sam"], saved: saved)
        app.handle(.character("i"))
        XCTAssertEqual(app.screen(width: 80, height: 24), .picker)
        XCTAssertTrue(screenText(app).contains("Give the talking stick to"))
        type(app, "PRI")
        let screen = screenText(app)
        XCTAssertTrue(screen.contains("Priya"))
        XCTAssertFalse(screen.contains("Tom"), "typing narrows the list")
        app.handle(.enter)
        XCTAssertEqual(saved.events.last, .giveStick(to: "p3", invited: true))
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "Priya has the talking stick. Saved."))
        // q is a letter in a name here, never quit; Esc gives the stick to nobody.
        app.handle(.character("i"))
        type(app, "q")
        XCTAssertFalse(app.wantsToQuit)
        app.handle(.escape)
        XCTAssertEqual(app.state.mode, .browse)
        XCTAssertEqual(saved.events.count, 1)
    }

    // MARK: - Found by the key storm

    /// Seed 1091: a redo brought a goal wording back above the highlighted one, on a list the
    /// arrows had never touched, and the highlight moved to the wording now on its row.
    func testKeyStorm1091AnUndoThatBringsAnItemBackAboveKeepsTheHighlight() throws {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.goal), saved: saved)
        let drafts = app.session.record.openDrafts
        XCTAssertGreaterThanOrEqual(drafts.count, 2)
        XCTAssertEqual(app.selectedDraft?.id, drafts[0].id)
        press(app, [.character("d"), .character("y")])
        XCTAssertEqual(app.selectedDraft?.id, drafts[1].id, "the first wording went; the highlight is on the next")
        app.handle(.character("u"))
        XCTAssertEqual(app.session.record.openDrafts.map(\.id), drafts.map(\.id))
        XCTAssertEqual(app.selectedDraft?.id, drafts[1].id, "the wording that came back above did not take the highlight")
    }

    // MARK: - Help

    func testTheHelpBoxSaysWhenKeysDoNotFitAndScrollsToThem() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.goal))
        app.state.size = (80, 24)
        app.handle(.character("?"))
        XCTAssertEqual(app.screen, .help)
        var screen = screenText(app)
        // Counted in rows: a long description wraps onto a second row.
        XCTAssertTrue(screen.contains("5 more below: ↓"), screen)
        XCTAssertFalse(screen.contains("Move the selection down."))
        press(app, [.down, .down, .down, .down, .down])
        screen = screenText(app)
        XCTAssertEqual(app.screen, .help, "the arrows scroll; they do not close the box")
        XCTAssertTrue(screen.contains("Move the selection down."), screen)
        XCTAssertTrue(screen.contains("above: ↑"), screen)
        app.handle(.character("x"))
        XCTAssertEqual(app.screen, .stage)
        // At 160 × 48 everything fits, and the box says only that any key closes it.
        app.handle(.character("?"))
        XCTAssertTrue(screenText(app, width: 160, height: 48).contains("Keys on this screen — any key closes"))
    }

    func testTheHelpBoxWrapsLongDescriptionsAtSixtyColumnsAndStillScrollsToTheEnd() {
        // Trial finding 16: at 60 × 20 every description was cut with "…".
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        app.state.size = (60, 20)
        app.handle(.character("?"))
        var screen = screenText(app, width: 60, height: 20)
        XCTAssertFalse(screen.contains("…\u{2502}"), "no description is cut at the box's edge:\n" + screen)
        XCTAssertTrue(screen.contains("more below: ↓"), screen)
        // Scroll to the end: every word of the last binding's description is on screen somewhere
        // along the way, and the closing note is reached.
        var seen = screen
        for _ in 0..<60 { app.handle(.down); screen = screenText(app, width: 60, height: 20); seen += screen }
        XCTAssertEqual(app.screen, .help)
        XCTAssertTrue(screen.contains("Typing in a box never runs a key"), screen)
        XCTAssertTrue(screen.contains("Keys — ↑↓ scroll, any other key closes"), "a narrow box has a shorter title, not a cut one:\n" + screen)
        XCTAssertFalse(screen.contains("more below"), screen)
        for binding in app.bindings(for: .stage) {
            for word in binding.help.split(separator: " ") {
                XCTAssertTrue(seen.contains(word), "\(word) of \(binding.keyLabel) is shown:\n" + screen)
            }
        }
    }

    func testQuestionMarkInTheProjectorViewOpensTheHelpOnTheConsoleNotOnTheWall() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.goal))
        app.state.size = (80, 24)
        app.handle(.character("p"))
        XCTAssertEqual(app.screen, .projector)
        XCTAssertTrue(app.activeBindings.contains { $0.keyLabel == "?" && $0.command == .help })
        app.handle(.character("?"))
        XCTAssertEqual(app.state.layout, .console, "the help is never drawn on the room's wall")
        XCTAssertEqual(app.screen, .help)
        XCTAssertTrue(screenText(app).contains("Keys on this screen"))
        app.handle(.character("x"))
        XCTAssertEqual(app.screen, .stage)
    }

    func testEveryoneScoresHintIsOneEntryForTheFourStageKeys() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(principle: .work, phase: .score), names: ["Zoë", "Tom"])
        let bar = ConsoleScreen.render(app, width: 160, height: 48).rows.last ?? ""
        XCTAssertTrue(bar.contains("1-4 stage"), bar)
        XCTAssertFalse(bar.contains("2 2"), bar)
        // Each key still works and the help box still lists them.
        app.handle(.character("3"))
        app.handle(.character("?"))
        let screen = screenText(app, width: 160, height: 48)
        XCTAssertTrue(screen.contains("Stage 4."), screen)
    }

    func testTheHomeScreenShowsEveryKeyWithQuestionMark() {
        let home = HomeApp(entries: [], content: ScreenFixtures.content)
        XCTAssertTrue(home.render(width: 80, height: 24).rows.last?.contains("? keys") ?? false)
        home.handle(.character("?"))
        let screen = home.render(width: 80, height: 24).rows.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Keys on this screen"), screen)
        for binding in HomeApp.bindings { XCTAssertTrue(screen.contains(String(binding.help.prefix(30))), binding.help) }
        home.handle(.character("n"))
        XCTAssertNil(home.form, "the key closed the box; it did not start a workshop")
        XCTAssertFalse(home.showingKeys)
    }

    func testReviewShowsAFinishedWorkshopAsFinished() {
        let session = SampleWorkshop.session(template: ScreenFixtures.standard, upTo: FlowStep(.close), start: ScreenFixtures.start)
        func entry(_ finished: Bool) -> ReviewEntry {
            ReviewEntry(id: finished ? "b" : "a", title: finished ? "Done day" : "Going day", group: nil, createdAt: session.createdAt,
                        isPractice: false, stage: .close, people: 4, rag: [nil, nil, nil, nil], finished: finished)
        }
        let source = ReviewSource(entries: { [entry(false), entry(true)] }, session: { _ in session }, journal: { _ in [] },
                                  markAction: { _, _, _ in })
        let review = ReviewApp(source: source, content: ScreenFixtures.content, query: ReviewQuery())
        let rows = ReviewScreens.render(review, width: 160, height: 30).rows
        XCTAssertTrue(rows.contains { $0.contains("Done day") && $0.contains("Finished") }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0.contains("Going day") && !$0.contains("Finished") && $0.contains("Close") })
    }
}
