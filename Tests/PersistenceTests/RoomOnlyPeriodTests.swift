import Foundation
import XCTest
@testable import Persistence
import Workshop

/// A workshop left unfinished forgets its room-only words once it has not been open for its
/// room-only period (7 days unless the facilitator chose another, `k` on the stories step).
final class RoomOnlyPeriodTests: XCTestCase {
    static let canary = "Quistrelbow"
    static let day: TimeInterval = 86_400

    /// An unfinished workshop at the stories step with a room-only story and a kept one, closed at `ExportFixture.start`.
    private func leftUnfinished(in data: DataFolder, period: Int? = nil) throws -> URL {
        var clock = ExportFixture.start
        let store = try SessionLibrary(dataFolder: data).create(
            Session(id: "20261123-1000-peri", title: "Riverside", createdAt: clock, template: ExportFixture.template), at: clock)
        func record(_ event: SessionEvent) throws { clock.addTimeInterval(5); try store.record(event, at: clock) }
        try record(.addParticipant(Participant(id: "p1", name: "Tom")))
        try record(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil))
        try record(.addStory(Story(id: "s1", teller: "p1", title: "Ward", whatHappened: "\(Self.canary) sat with me", consent: .roomOnly)))
        try record(.addStory(Story(id: "s2", teller: "p1", title: "Bus", whatHappened: "The driver waited", consent: .keep)))
        if let period { try record(.setRoomOnlyDays(period)) }
        store.close(at: ExportFixture.start, lastScreen: Self.screenShowingTheStory)
        return store.folder
    }

    /// The console's screen as kept at a close (`screen.txt`), showing the room-only story.
    static let screenShowingTheStory = LastScreen.Picture(transcript: "\"[room only] Tom: Ward — \(canary) sat with me\"\n", width: 44, height: 1)

    func testAfterSevenDaysUnopenedTheRoomOnlyWordsAreGoneFromEveryFile() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let folder = try leftUnfinished(in: data)
        // Six days on: still there (and looking read-only never forgets).
        let early = try SessionStore.open(folder, readOnly: false, at: ExportFixture.start + 6 * Self.day)
        XCTAssertNil(early.forgottenNote)
        XCTAssertEqual(early.session.record.story("s1")?.whatHappened, "\(Self.canary) sat with me")
        early.close(at: ExportFixture.start, lastScreen: Self.screenShowingTheStory)  // closing as if a moment later: the week counts from here
        XCTAssertFalse(filesHoldingCanary(Self.canary, under: data.url).isEmpty)
        XCTAssertTrue(filesHoldingCanary(Self.canary, under: data.url).contains { $0.hasSuffix(LastScreen.fileName) },
                      "the screen kept at the close shows the story too")
        _ = try SessionStore.open(folder, readOnly: true, at: ExportFixture.start + 30 * Self.day)
        XCTAssertFalse(filesHoldingCanary(Self.canary, under: data.url).isEmpty, "a read-only look changes nothing")

        let late = try SessionStore.open(folder, readOnly: false, at: ExportFixture.start + 8 * Self.day)
        XCTAssertEqual(filesHoldingCanary(Self.canary, under: data.url), [], "no file of the data folder holds the words")
        let note = try XCTUnwrap(late.forgottenNote)
        XCTAssertTrue(note.hasPrefix("The words of 1 room-only story were forgotten: this workshop was last open 8 days ago"), note)
        XCTAssertEqual(late.session.record.stories.count, 2, "that a story was told is still counted")
        XCTAssertEqual(late.session.record.story("s2")?.whatHappened, "The driver waited", "a kept story keeps its words")
        XCTAssertEqual(late.session.step, FlowStep(.storytelling), "the workshop carries on where it was")
        try late.record(.addParticipant(Participant(id: "p2", name: "Maya")), at: ExportFixture.start + 8 * Self.day)
        late.close(at: ExportFixture.start + 8 * Self.day)
        let again = try SessionStore.open(folder, readOnly: false, at: ExportFixture.start + 8 * Self.day)
        XCTAssertEqual(again.session.record.participants.count, 2, "and can be changed as before")
        XCTAssertTrue(again.report.isClean, "the rewritten files open cleanly")
    }

    func testAChosenPeriodIsKept() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let folder = try leftUnfinished(in: data, period: 14)
        let store = try SessionStore.open(folder, readOnly: false, at: ExportFixture.start + 8 * Self.day)
        XCTAssertEqual(store.session.roomOnlyPeriodDays, 14)
        XCTAssertNil(store.forgottenNote)
        XCTAssertFalse(filesHoldingCanary(Self.canary, under: data.url).isEmpty, "14 days chosen: kept at 8")
        store.close(at: ExportFixture.start)
        _ = try SessionStore.open(folder, readOnly: false, at: ExportFixture.start + 15 * Self.day)
        XCTAssertEqual(filesHoldingCanary(Self.canary, under: data.url), [])
    }

    func testThePeriodIsARecordedChoiceWithPlainLimits() throws {
        var editor = SessionEditor(session: Session(id: "x", title: "x", createdAt: ExportFixture.start, template: ExportFixture.template))
        XCTAssertEqual(editor.session.roomOnlyPeriodDays, 7)
        try editor.apply(.setRoomOnlyDays(30), at: ExportFixture.start)
        XCTAssertEqual(editor.session.roomOnlyPeriodDays, 30)
        XCTAssertFalse(editor.canUndo, "a setting, not a capture: undo leaves it")
        XCTAssertThrowsError(try editor.apply(.setRoomOnlyDays(0), at: ExportFixture.start)) { error in
            XCTAssertEqual((error as? ChangeRefusal)?.reason, "Room-only stories can be kept from 1 to 365 days, not 0.")
        }
    }
}
