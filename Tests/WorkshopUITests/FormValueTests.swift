import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// Every box is a typed value: it opens with the values of its item, saving reads the fields back
/// by their identity (never by their label) and builds the events from that value, and saving a
/// box opened on an item without changing anything writes nothing.
final class FormValueTests: XCTestCase {

    /// Every kind of box the console opens. `kind(of:)` below switches over `FormPurpose` without
    /// a default, so a new kind of box does not compile until it is listed here (and so tested).
    enum Box: String, CaseIterable {
        case addPerson, editPerson, addStory, editStory, proposeGoal, editGoal, mergeGoals, goalOverrideReason,
             overrideReason, agreePrinciple, addIdea, editIdea, addAction, editAction
    }

    static func kind(of purpose: FormPurpose) -> Box? {
        switch purpose {
        case .addPerson: return .addPerson
        case .editPerson: return .editPerson
        case .addStory: return .addStory
        case .editStory: return .editStory
        case .proposeGoal: return .proposeGoal
        case .editGoal: return .editGoal
        case .mergeGoals: return .mergeGoals
        case .goalOverrideReason: return .goalOverrideReason
        case .overrideReason: return .overrideReason
        case .agreePrinciple: return .agreePrinciple
        case .addIdea: return .addIdea
        case .editIdea: return .editIdea
        case .addAction: return .addAction
        case .editAction: return .editAction
        case .newWorkshop: return nil  // the home screen's box: see testTheNewWorkshopBox…
        }
    }

    /// Opens a box of this kind by its keys, on the sample workshop, as a facilitator would.
    /// Events needed to get there (a second wording, a disagreement) are saved first: the count
    /// of saved events after opening is the journal's length to compare with. With `readOnly`,
    /// the session is read-only by the time the keys are pressed, and no box may open.
    func open(_ box: Box, saved: ScreenFixtures.Saved = ScreenFixtures.Saved(), readOnly: Bool = false) throws -> ConsoleApp {
        func app(_ step: FlowStep) -> ConsoleApp { ScreenFixtures.app(at: step, saved: saved).0 }
        let console: ConsoleApp
        let keys: [Key]
        switch box {
        case .addPerson, .editPerson:
            console = app(FlowStep(.welcome))
            keys = [.character(box == .addPerson ? "a" : "e")]
        case .addStory:
            console = app(FlowStep(.storytelling))
            keys = [.character("a")]
        case .editStory:
            console = app(FlowStep(.storytelling))
            keys = [.tab, .character("e")]
        case .proposeGoal, .editGoal:
            console = app(FlowStep(.goal))
            keys = [.character(box == .proposeGoal ? "a" : "e")]
        case .mergeGoals:
            console = app(FlowStep(.goal))
            XCTAssertTrue(console.record(.proposeGoal(GoalDraft(id: "g90", text: "Everyone has a say", proposedBy: "p2"))))
            keys = [.character(" "), .down, .character(" "), .character("m")]
        case .goalOverrideReason:
            console = app(FlowStep(.goal))
            let draft = try XCTUnwrap(console.selectedDraft)
            XCTAssertTrue(console.record(.respond(draft: draft.id, participant: "p3", response: .disagree)))
            keys = [.character("g")]
        case .overrideReason:
            console = app(FlowStep(.goal))
            XCTAssertTrue(console.record(.withdrawGoal))
            keys = [.character("]")]
        case .agreePrinciple:
            console = app(FlowStep(principle: .reciprocity, phase: .agree))
            keys = [.character("e")]
        case .addIdea, .editIdea:
            console = app(FlowStep(.ideas))
            keys = [.character(box == .addIdea ? "a" : "e")]
        case .addAction, .editAction:
            console = app(FlowStep(.actions))
            keys = [.character(box == .addAction ? "a" : "e")]
        }
        if readOnly { console.readOnlyReason = "this workshop is open to look at only." }
        for key in keys { console.handle(key) }
        if readOnly { return console }
        let form = try XCTUnwrap(console.state.form, "\(box) opens a box")
        XCTAssertEqual(Self.kind(of: form.purpose), box, "the keys opened the \(box) box")
        return console
    }

    /// Presses Enter through a box until it closes (or ten times, for a box that refuses).
    func enterThrough(_ app: ConsoleApp) {
        for _ in 0..<10 where app.state.form != nil { app.handle(.enter) }
    }

    // MARK: - Saved unchanged

    func testEveryBoxOpenedOnAnItemAndSavedUnchangedWritesNothing() throws {
        for box in Box.allCases {
            let saved = ScreenFixtures.Saved()
            let app = try open(box, saved: saved)
            let journal = saved.events.count
            let before = app.session
            enterThrough(app)
            switch box {
            case .editPerson, .editStory, .editGoal, .agreePrinciple, .editIdea, .editAction:
                // Opened on an item: saved as it opened, it writes nothing and says so.
                XCTAssertEqual(saved.events.count, journal, "\(box) saved unchanged wrote \(saved.events[journal...])")
                XCTAssertNil(app.state.form, "\(box) closes")
                XCTAssertEqual(app.state.message, StatusMessage(.info, "Nothing changed, so nothing was saved."), "\(box)")
            case .addPerson, .addStory, .proposeGoal, .addIdea, .addAction, .goalOverrideReason, .overrideReason:
                // Opened empty: saved as it opened, it is refused in words, stays open, writes nothing.
                XCTAssertEqual(saved.events.count, journal, "\(box) saved empty wrote \(saved.events[journal...])")
                XCTAssertNotNil(app.state.form, "\(box) stays open so nothing typed is lost")
                XCTAssertEqual(app.state.message?.kind, .refusal, "\(box): \(app.state.message?.text ?? "")")
            case .mergeGoals:
                // The one box that opens already holding what it saves: the marked wordings'
                // words, to be edited into one. Enter on it is the merge the facilitator asked for with m.
                XCTAssertEqual(saved.events.count, journal + 1, "\(box)")
                guard case .mergeGoals? = saved.events.last else { return XCTFail("\(box): \(saved.events)") }
            }
            if box != .mergeGoals { XCTAssertEqual(app.session, before, "\(box) changed nothing") }
        }
    }

    func testEscOnEveryUntouchedBoxJustClosesIt() throws {
        for box in Box.allCases {
            let saved = ScreenFixtures.Saved()
            let app = try open(box, saved: saved)
            let journal = saved.events.count
            // Moving through the fields is not a change.
            app.handle(.tab)
            app.handle(.down)
            app.handle(.escape)
            XCTAssertNil(app.state.form, "\(box) closes on Esc")
            XCTAssertEqual(app.state.mode, .browse, "\(box) asks nothing")
            XCTAssertEqual(saved.events.count, journal, "\(box)")
        }
    }

    func testAReadOnlySessionOpensNoBox() throws {
        for box in Box.allCases {
            let saved = ScreenFixtures.Saved()
            let app = try open(box, saved: saved, readOnly: true)
            let journal = saved.events.count
            XCTAssertNil(app.state.form, "\(box) opened in a read-only session")
            XCTAssertEqual(app.state.mode, .browse, "\(box)")
            XCTAssertEqual(app.state.message, StatusMessage(.refusal, "Nothing can be changed: this workshop is open to look at only."), "\(box)")
            app.handle(.character("x"))
            XCTAssertEqual(saved.events.count, journal, "\(box)")
        }
    }

    // MARK: - Labels are only drawn

    func testRenamingTheLabelsChangesNothingThatIsSaved() throws {
        for box in Box.allCases {
            let plainSaved = ScreenFixtures.Saved(), renamedSaved = ScreenFixtures.Saved()
            let plain = try open(box, saved: plainSaved)
            let renamed = try open(box, saved: renamedSaved)
            // Every label swapped with another field's (reversed), and one reworded entirely: a
            // box read by its labels would now read the wrong fields.
            var form = try XCTUnwrap(renamed.state.form)
            let labels = form.fields.map(\.label)
            for index in form.fields.indices { form.fields[index].label = labels.reversed()[index] }
            form.fields[0].label = "Something else entirely"
            renamed.state.form = form
            let journal = (plainSaved.events.count, renamedSaved.events.count)
            // The same keys in both: words in each text field, a step in each choice, a tick in each list.
            for app in [plain, renamed] {
                for _ in 0..<12 {
                    guard let field = app.state.form?.current else { break }
                    switch field.kind {
                    case .text: for character in " Zed" { app.handle(.character(character)) }
                    case .day:
                        app.handle(.control("u"))
                        for character in "+7" { app.handle(.character(character)) }
                    case .choice: app.handle(.right)
                    case .people, .principles: app.handle(.character(" "))
                    }
                    app.handle(.enter)
                }
            }
            let written = Array(plainSaved.events[journal.0...])
            XCTAssertFalse(written.isEmpty, "\(box): the keys changed something (\(plain.state.message?.text ?? ""))")
            XCTAssertEqual(Array(renamedSaved.events[journal.1...]), written, "\(box): the labels changed what was saved")
            XCTAssertEqual(renamed.session, plain.session, "\(box)")
        }
    }

    /// Each box's value read back from the fields it opens with is the value it opened with.
    func testEveryTypedValueRoundTripsThroughItsFields() throws {
        let content = ScreenFixtures.content
        let session = SampleWorkshop.session(template: ScreenFixtures.standard, upTo: nil, start: ScreenFixtures.start)
        let record = session.record
        func form(_ fields: [FormField]) -> Form { Form(title: "", purpose: .addIdea, fields: fields) }

        XCTAssertFalse(record.participants.isEmpty)
        for person in record.participants {
            let draft = PersonDraft(person)
            XCTAssertEqual(PersonDraft(reading: form(draft.fields(content: content))), draft)
            XCTAssertEqual(draft.changes(to: person), [])
        }
        for story in record.stories {
            let draft = StoryDraft(story)
            XCTAssertEqual(StoryDraft(reading: form(draft.fields(record: record, content: content)), record: record, content: content), draft)
            XCTAssertEqual(draft.changes(to: story), [])
        }
        for wording in record.goalDrafts {
            let draft = GoalWordingDraft(wording)
            XCTAssertEqual(GoalWordingDraft(reading: form(draft.fields(record: record)), record: record), draft)
            XCTAssertEqual(draft.changes(to: wording), [])
        }
        let merged = MergedGoalDraft(merging: record.goalDrafts)
        XCTAssertEqual(MergedGoalDraft(reading: form(merged.fields())), merged)
        XCTAssertEqual(ReasonDraft(reading: form(ReasonDraft(why: "The group is ready").fields())), ReasonDraft(why: "The group is ready"))
        for principle in PrincipleID.allCases {
            let score = record.score(for: principle)
            let draft = AgreementDraft(score)
            XCTAssertNotNil(draft.rag)
            XCTAssertEqual(AgreementDraft(reading: form(draft.fields(principle: principle, content: content))), draft)
            XCTAssertEqual(draft.changes(to: score), [])
        }
        for idea in record.ideas {
            let draft = IdeaDraft(idea)
            XCTAssertEqual(IdeaDraft(reading: form(draft.fields())), draft)
            XCTAssertEqual(draft.changes(to: idea), [])
        }
        XCTAssertFalse(record.actions.isEmpty)
        for action in record.actions {
            let draft = ActionDraft(action)
            XCTAssertEqual(ActionDraft(reading: form(draft.fields(existing: action, record: record)), existing: action, record: record), draft)
            XCTAssertEqual(try draft.changes(to: action, today: Day(ScreenFixtures.start)), [])
        }
        let workshop = NewWorkshopDraft(title: "Riverside", group: "riverside", plan: 1)
        XCTAssertEqual(NewWorkshopDraft(reading: form(workshop.fields(templates: content.templates))), workshop)
    }

    // MARK: - Faults found on the way

    /// An action with an outcome noted when looking back, changed on the console without touching
    /// anything, wrote an edit that dropped the outcome (the box does not show it).
    func testSavingAnActionUnchangedKeepsItsOutcome() throws {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.actions), saved: saved)
        let action = try XCTUnwrap(app.selectedAction)
        XCTAssertTrue(app.record(.noteActionOutcome(id: action.id, note: "Done: the board is up", on: Day(ScreenFixtures.start))))
        let journal = saved.events.count
        app.handle(.character("e"))
        enterThrough(app)
        XCTAssertEqual(saved.events.count, journal, "\(saved.events[journal...])")
        XCTAssertEqual(app.session.record.action(action.id)?.outcome?.note, "Done: the board is up")

        // Changed, it keeps the outcome too.
        app.handle(.character("e"))
        app.handle(.enter)
        for character in " today" { app.handle(.character(character)) }
        enterThrough(app)
        XCTAssertEqual(app.session.record.action(action.id)?.what, action.what + " today")
        XCTAssertEqual(app.session.record.action(action.id)?.outcome?.note, "Done: the board is up")
    }

    /// A box kept in `draft.json` by a Campfire from before fields had an identity still reads,
    /// and saves the same.
    func testADraftKeptBeforeFieldsHadAnIdentityStillReads() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.ideas))
        app.handle(.character("a"))
        for character in "Tea with neighbours" { app.handle(.character(character)) }
        let form = try XCTUnwrap(app.state.form)
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(form)) as? [String: Any])
        var fields = try XCTUnwrap(json["fields"] as? [[String: Any]])
        XCTAssertEqual(fields.first?["id"] as? String, "idea")
        for index in fields.indices { fields[index]["id"] = nil }
        json["fields"] = fields
        let old = try JSONDecoder().decode(Form.self, from: JSONSerialization.data(withJSONObject: json))
        XCTAssertEqual(old, form)
        XCTAssertEqual(IdeaDraft(reading: old), IdeaDraft(text: "Tea with neighbours"))
    }

    func testTheNewWorkshopBoxIsReadByItsFields() throws {
        let content = ScreenFixtures.content
        var form = Forms.newWorkshop(templates: content.templates)
        XCTAssertEqual(form.fields.map(\.id), [.title, .group, .plan])
        for character in "Riverside" { _ = form.handle(.character(character)) }
        _ = form.handle(.enter)
        for character in "riverside" { _ = form.handle(.character(character)) }
        _ = form.handle(.enter)
        _ = form.handle(.right)
        for index in form.fields.indices { form.fields[index].label = "Renamed \(index)" }
        XCTAssertEqual(NewWorkshopDraft(reading: form), NewWorkshopDraft(title: "Riverside", group: "riverside", plan: 1 % max(content.templates.count, 1)))
    }
}
