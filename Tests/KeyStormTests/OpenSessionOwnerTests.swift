import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI
import XCTest

/// One owner of the open session: the console on a session folder keeps no editor of its own. It
/// asks the `SessionStore` for the session, hands it each change, and the store alone counts
/// changes towards snapshots; nothing has to be handed back when the console stops.
final class OpenSessionOwnerTests: XCTestCase {
    private var folder: URL!
    private let start = Date(timeIntervalSince1970: 1_795_000_000)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("owner-tests-\(UUID().uuidString)").appendingPathComponent("s")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// A store and a console on it, wired as `ConsoleRunner` wires them.
    private func console() throws -> (SessionStore, ConsoleApp, ManualClock) {
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: "s", title: "One owner", createdAt: start, template: template), in: folder, at: start)
        store.writesSnapshotsInBackground = true
        store.defersRegularSnapshots = true
        let clock = ManualClock(start)
        return (store, ConsoleApp(session: store, content: try ContentLibrary.load(), clock: clock), clock)
    }

    private func addPerson(_ name: String, _ app: ConsoleApp) {
        app.handle(.character("a"))
        for character in name { app.handle(.character(character)) }
        for _ in 0..<3 { app.handle(.enter) }
    }

    private func journalLines() throws -> Int {
        try String(decoding: Data(contentsOf: folder.appendingPathComponent("journal.jsonl")), as: UTF8.self).split(separator: "\n").count
    }

    func testWhatIsTypedOnTheConsoleIsTheStoresSessionAtOnceAndOnCloseWithoutHandingAnythingBack() throws {
        let (store, app, _) = try console()
        addPerson("Ann", app)
        addPerson("Bo", app)
        XCTAssertEqual(app.session.record.participants.map(\.name), ["Ann", "Bo"])
        XCTAssertEqual(store.session, app.session, "the store holds the console's session: there is only one")
        XCTAssertEqual(try journalLines(), 2)
        // Closing writes the last snapshot from the store's own session (once, the console's copy
        // had to be handed back first, or the snapshot missed the last changes).
        store.close(at: start)
        let reopened = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertEqual(reopened.session.record.participants.map(\.name), ["Ann", "Bo"])
        XCTAssertNil(reopened.report.snapshotSetAside)
    }

    func testUndoAndRedoOnTheConsoleAreTheStoresHistory() throws {
        let (store, app, _) = try console()
        app.handle(.character("u"))
        XCTAssertEqual(app.state.message?.text.hasPrefix("There is nothing to undo since this workshop was opened."), true, app.state.message?.text ?? "")
        addPerson("Ann", app)
        XCTAssertTrue(store.editor.canUndo, "the change is in the store's undo history")
        app.handle(.character("u"))
        XCTAssertEqual(store.session.record.participants, [])
        XCTAssertTrue(store.editor.canRedo)
        app.handle(.control("r"))
        XCTAssertEqual(store.session.record.participants.map(\.name), ["Ann"])
        XCTAssertEqual(try journalLines(), 3, "the change, its undo and its redo, each in the journal")
        store.close(at: start)
    }

    func testTheStoreAloneCountsChangesTowardsASnapshotWrittenAfterTheScreenIsDrawn() throws {
        let (store, app, _) = try console()
        func snapshotSequence() throws -> Int? {
            let snapshot = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("snapshot.json"))) as? [String: Any]
            return snapshot?["journalSequence"] as? Int
        }
        for n in 1...SessionStore.snapshotEvery { addPerson("Person \(n)", app) }
        XCTAssertEqual(try journalLines(), SessionStore.snapshotEvery)
        store.waitForSnapshots()
        XCTAssertEqual(try snapshotSequence(), 0, "not while a key is being handled: the loop writes it after drawing")
        store.snapshotIfDue(at: start)
        store.waitForSnapshots()
        XCTAssertEqual(try snapshotSequence(), SessionStore.snapshotEvery, "written on the background thread, counted by the store")
        addPerson("One more", app)
        store.snapshotIfDue(at: start)
        store.waitForSnapshots()
        XCTAssertEqual(try snapshotSequence(), SessionStore.snapshotEvery, "the count started again")
        store.close(at: start)
    }

    func testAChangeTheJournalCannotTakeIsNeitherInTheStoreNorOnTheConsole() throws {
        let (store, writer, _) = try console()
        addPerson("Ann", writer)
        store.close(at: start)
        // Files opened to look at only refuse every line: the console is not told it is read-only,
        // so the change goes all the way to the journal, which says no.
        let look = try SessionStore.open(folder, readOnly: true, at: start)
        let app = ConsoleApp(session: look, content: try ContentLibrary.load(), clock: ManualClock(start))
        let before = look.session
        addPerson("Bo", app)
        XCTAssertEqual(look.session, before, "not applied in the store")
        XCTAssertEqual(app.session, before, "nor on the console: they are the same session")
        XCTAssertFalse(look.editor.canUndo)
        XCTAssertEqual(app.state.message?.kind, .problem, app.state.message?.text ?? "")
        XCTAssertEqual(app.state.message?.text.hasPrefix("Not saved:"), true, app.state.message?.text ?? "")
        XCTAssertNotNil(app.state.form, "the box stays open: nothing typed is lost")
        XCTAssertEqual(try journalLines(), 1)
    }

    func testAReadOnlyStoreIsNeverChangedByItsConsole() throws {
        let (store, writer, _) = try console()
        addPerson("Ann", writer)
        store.close(at: start)
        let look = try SessionStore.open(folder, readOnly: true, at: start)
        let app = ConsoleApp(session: look, content: try ContentLibrary.load(), clock: ManualClock(start), readOnlyReason: "this workshop is open to look at only.")
        let before = look.session
        app.handle(.character("a"))
        XCTAssertNil(app.state.form)
        XCTAssertFalse(app.record(.addParticipant(Participant(id: "p9", name: "Cy"))))
        XCTAssertEqual(look.session, before)
        XCTAssertEqual(try journalLines(), 1)
    }
}

/// What the console works out from the session (a list's order, the jargon on screen) is kept
/// only while the session is unchanged, whoever changed it: a practice run's simulated group
/// records its dots straight into the store, not through the console.
final class ConsoleRevisionTests: XCTestCase {
    func testAChangeRecordedPastTheConsoleReachesItsListsAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("revision-\(UUID().uuidString)").appendingPathComponent("s")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: "s", title: "Ideas", createdAt: start, template: template), in: folder, at: start)
        for (event, seconds) in SampleWorkshop.events(template: template, upTo: FlowStep(.ideas)) {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        let app = ConsoleApp(session: store, content: try ContentLibrary.load(), clock: ManualClock(start.addingTimeInterval(9_000)))
        let before = app.ids(of: .ideas)
        XCTAssertEqual(before, store.session.record.ideas.map(\.id))
        let revision = app.revision
        try store.record(.addIdea(Idea(id: "i-new", text: "Tea with the drivers", principles: [.networks], proposedBy: nil)), at: start.addingTimeInterval(9_000))
        XCTAssertGreaterThan(app.revision, revision, "the session's version moved with the change")
        XCTAssertEqual(app.ids(of: .ideas), before + ["i-new"], "the list has the new idea at once")
        store.close(at: start)
    }
}
