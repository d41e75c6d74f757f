import TerminalUI
import XCTest

final class RectTests: XCTestCase {
    private let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    func testEdges() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 4)
        XCTAssertEqual(rect.maxX, 12)
        XCTAssertEqual(rect.maxY, 7)
        XCTAssertFalse(rect.isEmpty)
        XCTAssertTrue(Rect(x: 0, y: 0, width: -3, height: 2).isEmpty)
    }

    func testInsets() {
        XCTAssertEqual(screen.inset(by: 1), Rect(x: 1, y: 1, width: 78, height: 22))
        XCTAssertEqual(screen.inset(horizontal: 2, vertical: 0), Rect(x: 2, y: 0, width: 76, height: 24))
        XCTAssertTrue(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
    }

    func testSplits() {
        let (top, rest) = screen.splitTop(1)
        XCTAssertEqual(top, Rect(x: 0, y: 0, width: 80, height: 1))
        XCTAssertEqual(rest, Rect(x: 0, y: 1, width: 80, height: 23))
        let (body, bottom) = rest.splitBottom(1)
        XCTAssertEqual(bottom, Rect(x: 0, y: 23, width: 80, height: 1))
        XCTAssertEqual(body, Rect(x: 0, y: 1, width: 80, height: 22))
        let (main, side) = body.splitRight(24)
        XCTAssertEqual(side, Rect(x: 56, y: 1, width: 24, height: 22))
        XCTAssertEqual(main, Rect(x: 0, y: 1, width: 56, height: 22))
        let (left, right) = main.splitLeft(10)
        XCTAssertEqual(left.width + right.width, 56)
        XCTAssertEqual(right.x, 10)
    }

    func testSplitsClampInsteadOfGoingNegative() {
        let small = Rect(x: 0, y: 0, width: 5, height: 2)
        XCTAssertEqual(small.splitTop(10).rest.height, 0)
        XCTAssertEqual(small.splitTop(10).top.height, 2)
        XCTAssertEqual(small.splitRight(-1).right.width, 0)
    }

    func testEqualColumns() {
        let columns = Rect(x: 0, y: 0, width: 20, height: 3).columns(3, gap: 1)
        XCTAssertEqual(columns.map(\.width), [6, 6, 6])
        XCTAssertEqual(columns.map(\.x), [0, 7, 14])
        let uneven = Rect(x: 1, y: 0, width: 11, height: 1).columns(3, gap: 0)
        XCTAssertEqual(uneven.map(\.width), [4, 4, 3])
        XCTAssertEqual(uneven.last?.maxX, 12)
        XCTAssertEqual(Rect(x: 0, y: 0, width: 10, height: 1).columns(0), [])
        XCTAssertEqual(Rect(x: 0, y: 0, width: 10, height: 9).rows(3).map(\.y), [0, 3, 6])
    }

    func testCentred() {
        XCTAssertEqual(screen.centred(width: 20, height: 4), Rect(x: 30, y: 10, width: 20, height: 4))
        XCTAssertEqual(screen.intersection(Rect(x: 70, y: 20, width: 20, height: 20)), Rect(x: 70, y: 20, width: 10, height: 4))
    }
}
