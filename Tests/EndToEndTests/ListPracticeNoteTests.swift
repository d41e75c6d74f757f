import Foundation
import XCTest
import Persistence
import Workshop

/// `campfire list` leaves practice runs out, and says so (found in the trial run: a practice run
/// vanished from the list with no word of where it went).
final class ListPracticeNoteTests: TerminalTestCase {

    private func makePractice(id: String) throws {
        let template = try ContentLibrary.load().template(named: "standard")
        let library = SessionLibrary(dataFolder: DataFolder(url: data))
        let store = try library.create(Session(id: id, title: "Practice: Maple Street day centre", createdAt: SessionMaker.start,
                                               isPractice: true, template: template), at: SessionMaker.start)
        store.close(at: SessionMaker.start.addingTimeInterval(1))
    }

    func testTheListSaysHowManyPracticeRunsItLeftOut() throws {
        _ = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        try makePractice(id: "20261124-1000-0001")
        try makePractice(id: "20261124-1100-0002")
        let plain = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertEqual(plain.status, 0, plain.errors)
        XCTAssertTrue(plain.output.contains("Riverside day service"), plain.output)
        XCTAssertFalse(plain.output.contains("Maple Street"), plain.output)
        XCTAssertTrue(plain.output.hasSuffix("2 practice runs are not shown: campfire list --practice --data-dir \(data.path)\n"), plain.output)

        let all = try Binary.run(["list", "--data-dir", data.path, "--practice"])
        XCTAssertTrue(all.output.contains("(practice)"), all.output)
        XCTAssertFalse(all.output.contains("not shown"), all.output)
    }

    func testWithOnlyPracticeRunsTheListSaysTheyAreThere() throws {
        try makePractice(id: "20261124-1000-0001")
        let plain = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertEqual(plain.status, 0, plain.errors)
        XCTAssertTrue(plain.output.contains("No workshops yet in \(data.path)."), plain.output)
        XCTAssertTrue(plain.output.contains("1 practice run is not shown: campfire list --practice --data-dir \(data.path)"), plain.output)
    }

    func testNoNoteWhenThereAreNoPracticeRuns() throws {
        _ = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let plain = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertFalse(plain.output.contains("practice"), plain.output)
    }
}
