import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// Consent is asked, never assumed: the story box starts on no choice, says so, and will not save
/// until the teller's choice is set; a change of mind later is its own event.
final class ConsentFormTests: XCTestCase {

    private func type(_ app: ConsoleApp, _ text: String) {
        for character in text { app.handle(.character(character)) }
    }

    /// On a narrow screen the consent choice wraps into the rows below it, rather than being
    /// cut on one row ("‹ (not chosen yet: ask the…") while those rows are free.
    func testTheConsentChoiceWrapsWholeOnANarrowScreen() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        app.handle(.character("a"))
        let screen = ConsoleScreen.render(app, width: 50, height: 16).rows.joined(separator: "\n")
        XCTAssertTrue(screen.contains("‹ (not chosen yet: ask the"), screen)
        XCTAssertTrue(screen.contains("teller) ›"), "the choice is whole, on the next row:\n" + screen)
        XCTAssertFalse(screen.contains("ask the…"), screen)
    }

    func testTheStoryBoxStartsOnNoChoiceAndWillNotSaveWithoutOne() throws {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling), saved: saved)
        let storiesBefore = app.session.record.stories
        app.handle(.character("a"))
        let consent = try XCTUnwrap(app.state.form?[.consent])
        XCTAssertEqual(consent.index, 0)
        guard case .choice(let options) = consent.kind else { return XCTFail("consent is a choice") }
        XCTAssertEqual(options.first, "(not chosen yet: ask the teller)")
        app.handle(.enter)
        type(app, "The lift that was fixed")
        app.handle(.enter)
        app.handle(.enter)
        app.handle(.enter)
        XCTAssertEqual(app.state.form?.current.id, .consent)
        app.handle(.enter)
        XCTAssertTrue(saved.events.isEmpty, "nothing is saved without the teller's choice")
        XCTAssertEqual(app.session.record.stories, storiesBefore)
        XCTAssertEqual(app.state.form?[.title]?.text, "The lift that was fixed", "the words stay in the box")
        XCTAssertEqual(app.state.message, StatusMessage(.refusal, SessionReducer.noConsentChosen))

        app.handle(.right)
        app.handle(.enter)
        XCTAssertNil(app.state.form)
        guard case .addStory(let story)? = saved.events.last else { return XCTFail("\(saved.events)") }
        XCTAssertEqual(story.consent, .roomOnly)
        XCTAssertEqual(story.title, "The lift that was fixed")
    }

    func testAStoryWithoutAChoiceIsRefusedByTheReducer() throws {
        var editor = SessionEditor(session: SampleWorkshop.session(template: ScreenFixtures.standard, upTo: FlowStep(.storytelling), start: ScreenFixtures.start))
        let before = editor.session
        XCTAssertThrowsError(try editor.apply(.addStory(Story(id: "s90", teller: "p1", title: "No choice")), at: ScreenFixtures.start)) { error in
            XCTAssertEqual((error as? ChangeRefusal)?.reason, SessionReducer.noConsentChosen)
        }
        var edited = try XCTUnwrap(before.record.stories.first)
        edited.consent = nil
        XCTAssertThrowsError(try editor.apply(.editStory(edited), at: ScreenFixtures.start))
        XCTAssertEqual(editor.session, before)
    }

    func testChangingConsentLaterIsAnEventOfItsOwnAndReviewSaysSo() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        let record = app.session.record
        let story = try XCTUnwrap(record.stories.first { $0.consent == .keep })
        var form = Forms.story(story, teller: story.teller, record: record, content: ScreenFixtures.content)
        let keepIndex = try XCTUnwrap(form.index(of: .consent))
        XCTAssertEqual(form.fields[keepIndex].index, Consent.allCases.firstIndex(of: .keep)! + 1, "an edit starts on the story's own choice")

        form.fields[keepIndex].index = Consent.allCases.firstIndex(of: .share)! + 1
        XCTAssertEqual(try Forms.events(for: form, app: app, record: record), [.setConsent(story: story.id, consent: .share)])

        let titleIndex = try XCTUnwrap(form.index(of: .title))
        form.fields[titleIndex].text = "A new title"
        var retitled = story
        retitled.title = "A new title"
        XCTAssertEqual(try Forms.events(for: form, app: app, record: record), [.editStory(retitled), .setConsent(story: story.id, consent: .share)],
                       "the words change with the old choice; the choice changes on its own")

        var after = app.session
        try SessionReducer.apply(.setConsent(story: story.id, consent: .share), at: ScreenFixtures.start, to: &after)
        XCTAssertEqual(after.record.story(story.id)?.consent, .share)
        let line = TimelineWords.describe(.setConsent(story: story.id, consent: .share), before: app.session, after: after)
        XCTAssertTrue(line.contains("from kept, not shared to may be shared"), line)
    }

    func testAFormKeptFromBeforeIsReadByTheWordsOfItsChoice() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        let labels = Consent.allCases.map { ScreenFixtures.content.prompts.consent.label(for: $0) }
        // A draft saved by an earlier Campfire: no "not chosen" option, "keep" second.
        var field = FormField(.consent, "Consent", kind: .choice(labels), index: 1)
        XCTAssertEqual(StoryDraft.chosenConsent(field, content: ScreenFixtures.content), .keep)
        field.kind = .choice(StoryDraft.consentOptions(ScreenFixtures.content))
        XCTAssertNil(StoryDraft.chosenConsent(FormField(.consent, "Consent", kind: .choice(StoryDraft.consentOptions(ScreenFixtures.content)), index: 0), content: app.content))
        XCTAssertEqual(StoryDraft.chosenConsent(field, content: ScreenFixtures.content), .roomOnly)
    }

    func testOldJournalLinesWithAConsentValueReadUnchanged() throws {
        let old = #"{"addStory":{"_0":{"id":"s4","teller":"p1","title":"Bus","whatHappened":"","smallThing":"","consent":"keep"}}}"#
        let event = try JSONDecoder().decode(SessionEvent.self, from: Data(old.utf8))
        XCTAssertEqual(event, .addStory(Story(id: "s4", teller: "p1", title: "Bus", consent: .keep)))
        let encoded = String(decoding: try JSONEncoder().encode(Story(id: "s4", teller: "p1", title: "Bus", consent: .roomOnly)), as: UTF8.self)
        XCTAssertTrue(encoded.contains(#""consent":"roomOnly""#), encoded)
    }
}
