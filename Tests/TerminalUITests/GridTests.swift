import TerminalUI
import XCTest

final class GridTests: XCTestCase {
    func testWriteClipsToTheGridAndMaxWidth() {
        var grid = Grid(width: 6, height: 2)
        XCTAssertEqual(grid.write("hello world", x: 2, y: 0), 4)
        XCTAssertEqual(grid.write("abcdef", x: 0, y: 1, maxWidth: 3), 3)
        XCTAssertEqual(grid.rows, ["  hell", "abc   "])
        XCTAssertEqual(grid.write("xyz", x: 0, y: 5), 0, "rows outside the grid are ignored")
        XCTAssertEqual(grid.write("xyz", x: -2, y: 0), 1, "a negative start is clipped off")
        XCTAssertEqual(grid.rowText(0), "z hell")
    }

    func testWideCharactersTakeTwoCells() {
        var grid = Grid(width: 6, height: 1)
        XCTAssertEqual(grid.write("中文x", x: 0, y: 0), 5)
        XCTAssertEqual(grid[0, 0].text, "中")
        XCTAssertTrue(grid[1, 0].isContinuation)
        XCTAssertEqual(grid[4, 0].text, "x")
        XCTAssertEqual(grid.rowText(0), "中文x ")
    }

    func testWideCharacterAtTheRightEdgeBecomesABlank() {
        var grid = Grid(width: 5, height: 1)
        XCTAssertEqual(grid.write("ab中文", x: 0, y: 0), 5)
        XCTAssertEqual(grid.rowText(0), "ab中 ")
        XCTAssertFalse(grid[4, 0].isContinuation)

        var limited = Grid(width: 8, height: 1)
        limited.write("中文中", x: 1, y: 0, style: Style(.accent), maxWidth: 5)
        XCTAssertEqual(limited.quotedRows(), "\" 中文   \"\n")
        XCTAssertEqual(limited[5, 0].style.role, .accent, "the padding blank takes the text's style")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.write("中文中", x: 0, y: 0)
        grid.write("x", x: 1, y: 0)        // over the trailing half of 中
        XCTAssertEqual(grid.rowText(0), " x文中")
        grid.write("y", x: 2, y: 0)        // over the leading half of 文
        XCTAssertEqual(grid.rowText(0), " xy 中")
        grid.fill(Rect(x: 5, y: 0, width: 1, height: 1))
        XCTAssertEqual(grid.rowText(0), " xy   ")
        for x in 0..<6 { XCTAssertFalse(grid[x, 0].isContinuation) }
    }

    func testZeroWidthClustersJoinThePreviousCell() {
        var grid = Grid(width: 4, height: 1)
        grid.write("e\u{301}x", x: 0, y: 0)
        XCTAssertEqual(grid[0, 0].text, "e\u{301}")
        XCTAssertEqual(grid[1, 0].text, "x")
    }

    func testWriteSanitizes() {
        var grid = Grid(width: 8, height: 1)
        grid.write("\u{1B}[2J\u{202E}ab", x: 0, y: 0)
        XCTAssertEqual(grid.rowText(0), "\u{FFFD}[2Jab  ")
    }

    func testFillAndRestyle() {
        var grid = Grid(width: 4, height: 3)
        grid.write("abcd", x: 0, y: 1)
        grid.fill(Rect(x: 1, y: 0, width: 2, height: 2), style: Style(.banner))
        XCTAssertEqual(grid.rows, ["    ", "a  d", "    "])
        XCTAssertEqual(grid[1, 1].style.role, .banner)
        grid.style(Rect(x: 0, y: 1, width: 4, height: 1)) { $0.reverse = true }
        XCTAssertTrue(grid[3, 1].style.reverse)
        XCTAssertEqual(grid[3, 1].text, "d")
        XCTAssertFalse(grid[0, 0].style.reverse)
    }

    func testQuotedRowsKeepTrailingSpaces() {
        var grid = Grid(width: 3, height: 2)
        grid.write("a", x: 0, y: 0)
        XCTAssertEqual(grid.quotedRows(), "\"a  \"\n\"   \"\n")
    }

    func testEqualityComparesCells() {
        var a = Grid(width: 2, height: 1), b = Grid(width: 2, height: 1)
        XCTAssertEqual(a, b)
        a.write("x", x: 0, y: 0)
        XCTAssertNotEqual(a, b)
        b.write("x", x: 0, y: 0, style: Style(.muted))
        XCTAssertNotEqual(a, b)
    }
}

final class GridRenderTests: XCTestCase {
    func testRenderConvenienceDrawsInsideTheArea() {
        var grid = Grid(width: 6, height: 3)
        grid.render(Paragraph("abcdefgh", wraps: false), in: Rect(x: 1, y: 1, width: 4, height: 1))
        XCTAssertEqual(grid.quotedRows(), "\"      \"\n\" abc… \"\n\"      \"\n")
    }
}
