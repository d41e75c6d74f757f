import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI
import XCTest

/// The screen kept at close (`screen.txt`, see `LastScreen`) is exactly the first screen a
/// console reopened on the same files draws, at every size, and is gone once the workshop is
/// open for changes again.
final class LastScreenTests: XCTestCase {
    private var folder: URL!
    private let start = Date(timeIntervalSince1970: 1_795_000_000)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("last-screen-\(UUID().uuidString)").appendingPathComponent("s")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// A workshop at `step`, with the sample's stories, goal, scores and ideas, open in a console
    /// wired as `ConsoleRunner` wires it.
    private func console(upTo step: FlowStep) throws -> (SessionStore, ConsoleApp, ManualClock) {
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: "s", title: "Riverside café", createdAt: start, template: template), in: folder, at: start)
        for (event, seconds) in SampleWorkshop.events(template: template, names: ["Maya", "Tom", "Zoë", "李明"], upTo: step) {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        let clock = ManualClock(start.addingTimeInterval(9_000))
        return (store, ConsoleApp(session: store, content: try ContentLibrary.load(), clock: clock), clock)
    }

    /// The first screen of a console reopened on the folder, as `campfire resume` opens it.
    private func reopenedScreen(width: Int, height: Int, place: ConsolePlace, clock: ManualClock) throws -> Grid {
        let store = try SessionStore.open(folder, readOnly: false, at: clock.now())
        defer { store.close(at: clock.now()) }
        let app = ConsoleApp(session: store, content: try ContentLibrary.load(), clock: clock)
        app.restore(place)
        let loop = app.screenLoop()
        let terminal = FakeTerminal(width: width, height: height, script: [])
        XCTAssertThrowsError(try loop.run(on: terminal), "the script ends after the first screen")
        return try XCTUnwrap(terminal.drawn.first)
    }

    func testTheKeptScreenIsTheFirstScreenOfTheReopenedConsoleAtEverySize() throws {
        for (step, moves): (FlowStep, Int) in [(FlowStep(.ideas), 2), (FlowStep(.storytelling), 1), (FlowStep(.goal), 0), (FlowStep(.choose), 1), (FlowStep(principle: .reciprocity, phase: .score), 1), (FlowStep(.actions), 0)] {
            for (width, height) in [(80, 24), (60, 20), (160, 48)] {
                try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
                let (store, app, clock) = try console(upTo: step)
                for _ in 0..<moves { app.handle(Key.down) }
                app.handle(Key.tab)
                app.handle(Key.tab)
                let kept = app.screenWhenReopened(width: width, height: height)
                let transcript = GridTranscript.text(of: kept)
                store.close(at: clock.now(), lastScreen: LastScreen.Picture(transcript: transcript, width: width, height: height))

                let file = folder.appendingPathComponent(LastScreen.fileName)
                XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "\(step) \(width)x\(height): kept at close (now at \(store.session.step), read-only \(store.isReadOnly))")
                let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
                XCTAssertEqual(mode?.intValue, 0o600, "the kept screen holds words: its owner only")
                let taken = try XCTUnwrap(LastScreen.take(folderPath: folder.path, width: width, height: height, now: clock.now()),
                                          "\(step) \(width)x\(height): kept and still matching the files")
                let shown = try XCTUnwrap(GridTranscript.grid(from: taken, width: width, height: height))
                XCTAssertEqual(shown, kept, "what resume shows first is what was kept, styles and all")
                XCTAssertNil(LastScreen.take(folderPath: folder.path, width: width + 1, height: height, now: clock.now()), "not on another size")

                let real = try reopenedScreen(width: width, height: height, place: app.place, clock: clock)
                XCTAssertEqual(GridTranscript.text(of: real), GridTranscript.text(of: shown),
                               "\(step) \(width)x\(height): the reopened console's first screen is the kept one, cell for cell")
                XCTAssertFalse(FileManager.default.fileExists(atPath: file.path) && LastScreen.take(folderPath: folder.path, width: width, height: height, now: clock.now()) != nil,
                               "once opened for changes and closed without a screen, none is shown")
            }
        }
    }

    func testOpeningForChangesRemovesTheKeptScreenAndLookingDoesNot() throws {
        let (store, app, clock) = try console(upTo: FlowStep(.ideas))
        store.close(at: clock.now(), lastScreen: LastScreen.Picture(transcript: GridTranscript.text(of: app.screenWhenReopened(width: 80, height: 24)), width: 80, height: 24))
        let file = folder.appendingPathComponent(LastScreen.fileName)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))
        let looking = try SessionStore.open(folder, readOnly: true, at: clock.now())
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "opening only to look (the wall, review) leaves it")
        looking.close(at: clock.now())
        let changing = try SessionStore.open(folder, readOnly: false, at: clock.now())
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path), "opening for changes removes it before anything else")
        changing.close(at: clock.now())
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path), "closing without a screen to keep writes none")
    }

    func testAChangeToTheFilesOrSomethingToSayFirstMeansTheKeptScreenIsNotShown() throws {
        let (store, app, clock) = try console(upTo: FlowStep(.ideas))
        let picture = LastScreen.Picture(transcript: GridTranscript.text(of: app.screenWhenReopened(width: 80, height: 24)), width: 80, height: 24)
        store.close(at: clock.now(), lastScreen: picture)
        let path = folder.path
        XCTAssertNotNil(LastScreen.take(folderPath: path, width: 80, height: 24, now: clock.now()))

        // Something that makes opening say or show something else first.
        for name in ["lock", "draft.json", "practice.json"] {
            let file = folder.appendingPathComponent(name)
            try Data("{}".utf8).write(to: file)
            XCTAssertNil(LastScreen.take(folderPath: path, width: 80, height: 24, now: clock.now()), "not shown with \(name) there")
            try FileManager.default.removeItem(at: file)
        }
        XCTAssertNotNil(LastScreen.take(folderPath: path, width: 80, height: 24, now: clock.now()))

        // The journal changed in any way: a line added, or only its permissions touched.
        let journal = folder.appendingPathComponent("journal.jsonl")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: journal.path)
        XCTAssertNil(LastScreen.take(folderPath: path, width: 80, height: 24, now: clock.now()), "the journal's status changed since")

        // Written again, then the snapshot replaced.
        let again = try SessionStore.open(folder, readOnly: false, at: clock.now())
        again.close(at: clock.now(), lastScreen: picture)
        XCTAssertNotNil(LastScreen.take(folderPath: path, width: 80, height: 24, now: clock.now()))
        let snapshot = folder.appendingPathComponent("snapshot.json")
        let bytes = try Data(contentsOf: snapshot)
        try bytes.write(to: snapshot, options: .atomic)
        XCTAssertNil(LastScreen.take(folderPath: path, width: 80, height: 24, now: clock.now()), "the snapshot is another file now")

        // A file that is not a kept screen, or one cut short.
        let file = folder.appendingPathComponent(LastScreen.fileName)
        try Data("hello\n".utf8).write(to: file)
        XCTAssertNil(LastScreen.take(folderPath: path, width: 80, height: 24, now: clock.now()))
    }

    func testNothingIsKeptAtTheCloseStepWhoseCloseForgetsRoomOnlyWords() throws {
        let (store, app, clock) = try console(upTo: FlowStep(.close))
        XCTAssertEqual(store.session.step.stage, .close)
        store.close(at: clock.now(), lastScreen: LastScreen.Picture(transcript: GridTranscript.text(of: app.screenWhenReopened(width: 80, height: 24)), width: 80, height: 24))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(LastScreen.fileName).path))
    }

    func testAWorkshopHoldingRoomOnlyStoriesShowsItsKeptScreenOnlyWithinItsPeriod() throws {
        let template = try ContentLibrary.load().template(named: "standard")
        var session = Session(id: "s", title: "Room", createdAt: start, template: template)
        XCTAssertNil(LastScreen.shownUntil(session, closedAt: start), "nothing room-only: no limit")
        let store = try SessionStore.create(session, in: folder, at: start)
        let app = ConsoleApp(session: store, content: try ContentLibrary.load(), clock: ManualClock(start))
        try store.record(.addParticipant(Participant(id: "p1", name: "Maya", perspective: .lived)), at: start)
        try store.record(.addStory(Story(id: "st1", teller: "p1", title: "The bus driver who waited", consent: .roomOnly)), at: start)
        session = store.session
        let until = try XCTUnwrap(LastScreen.shownUntil(session, closedAt: start))
        XCTAssertEqual(until.timeIntervalSince(start), Double(session.roomOnlyPeriodDays) * 86_400)
        store.close(at: start, lastScreen: LastScreen.Picture(transcript: GridTranscript.text(of: app.screenWhenReopened(width: 80, height: 24)), width: 80, height: 24))
        XCTAssertNotNil(LastScreen.take(folderPath: folder.path, width: 80, height: 24, now: until.addingTimeInterval(-60)))
        XCTAssertNil(LastScreen.take(folderPath: folder.path, width: 80, height: 24, now: until),
                     "once the period is over, opening forgets those words: they are not shown first")
    }
}
