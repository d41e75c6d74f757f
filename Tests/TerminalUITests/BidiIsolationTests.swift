import TerminalUI
import XCTest

final class BidiIsolationTests: XCTestCase {
    func testAMarkEndsEachRightToLeftPhrase() {
        XCTAssertEqual(BidiIsolation.isolate("Maya 0 0:00"), "Maya 0 0:00", "left-to-right text is untouched")
        XCTAssertEqual(BidiIsolation.isolate("مريم 0 0:00"), "مريم\u{200E} 0 0:00")
        XCTAssertEqual(BidiIsolation.isolate("مريم علي: 2 turns"), "مريم علي\u{200E}: 2 turns", "one phrase keeps its words together")
        XCTAssertEqual(BidiIsolation.isolate("נועה"), "נועה\u{200E}")
        XCTAssertEqual(BidiIsolation.isolate("מאיה and مريم"), "מאיה\u{200E} and مريم\u{200E}")
    }

    func testTheMarksTakeNoColumns() {
        var grid = Grid(width: 20, height: 1)
        let used = grid.write("○ مريم 0 0:00", x: 0, y: 0)
        XCTAssertEqual(used, TextWidth.of("○ مريم 0 0:00"))
        XCTAssertEqual(TextWidth.of(grid.rowText(0)), 20)
        XCTAssertTrue(grid.rowText(0).contains("مريم\u{200E} 0 0:00"))
    }
}
