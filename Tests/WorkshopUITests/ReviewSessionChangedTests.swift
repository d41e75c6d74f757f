import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// Review reads a session once and keeps it; when its files change (a console has it open),
/// `sessionChanged` makes the next drawing read it again, timeline and list row included.
final class ReviewSessionChangedTests: XCTestCase {
    func testAChangedSessionIsReadAgainForTheNextDrawing() throws {
        let fixture = ReviewFixture.standard()
        var source = fixture.source
        var entryReads = 0
        source.entry = { id in
            entryReads += 1
            return fixture.source.entries().first { $0.id == id }
        }
        let app = ReviewApp(source: source, content: ScreenFixtures.content)
        let id = "20261117-0930-cafe"
        app.open(id)
        XCTAssertEqual(app.sessionOnScreen, id)
        let before = ReviewScreens.render(app, width: 100, height: 30).rows.joined(separator: "\n")
        XCTAssertFalse(before.contains("Zephyrine"))

        // The console adds a person: the files change, review is told.
        var editor = SessionEditor(session: fixture.held[id]!.session)
        let event = SessionEvent.addParticipant(Participant(id: "p99", name: "Zephyrine", perspective: .carer))
        let at = fixture.held[id]!.journal.last!.at + 60
        try editor.apply(event, at: at)
        fixture.held[id]!.session = editor.session
        fixture.held[id]!.journal.append((fixture.held[id]!.journal.count + 1, at, event))

        XCTAssertFalse(ReviewScreens.render(app, width: 100, height: 30).rows.joined().contains("Zephyrine"), "read once and kept until told")
        app.sessionChanged(id)
        XCTAssertEqual(entryReads, 1, "its row of the list is read again")
        let after = ReviewScreens.render(app, width: 100, height: 30).rows.joined(separator: "\n")
        XCTAssertTrue(after.contains("Zephyrine"), after)
        XCTAssertEqual(app.timeline(id)?.entries.count, fixture.held[id]!.journal.count, "the timeline is replayed again too")

        app.handle(.character("q"))
        XCTAssertNil(app.sessionOnScreen, "on the list, no session is followed")
    }
}
