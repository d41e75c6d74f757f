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

    /// A line laid out once (`Grid.run`) and placed (`Grid.place`) must give exactly the cells
    /// `write` gives, over text that mixes ASCII, wide characters, combining marks, emoji and
    /// controls, at every column, over a row already holding wide characters, and cut by the
    /// grid's edge.
    func testPlacingALaidOutLineEqualsWritingIt() {
        let pieces = ["a", "Zoë", "語", "e\u{301}", "👍", "❤️", "🇬🇧", "\t", "→", " ", "ab", "x\u{7}"]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for round in 0..<400 {
            let text = (0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined()
            let width = 1 + next(14)
            let x = next(12)
            var background = Grid(width: 12, height: 1)
            background.write(String(repeating: "語", count: 6), x: next(2), y: 0)
            var written = background, placed = background
            written.write(text, x: x, y: 0, style: Style(.accent), maxWidth: width)
            placed.place(Grid.run(of: text, style: Style(.accent), maxWidth: width), x: x, y: 0)
            XCTAssertEqual(placed, written, "round \(round): \(text.debugDescription) at \(x), width \(width)")
        }
    }

    func testPrintableASCIIIsMeasuredByItsBytes() {
        XCTAssertEqual(TextWidth.printableASCIIWidth("Hello, world"), 12)
        XCTAssertEqual(TextWidth.printableASCIIWidth(""), 0)
        XCTAssertNil(TextWidth.printableASCIIWidth("tab\there"))
        XCTAssertNil(TextWidth.printableASCIIWidth("café"))
        XCTAssertNil(TextWidth.printableASCIIWidth("\r\n"))
        XCTAssertEqual(TextLayout.prefix("Hello, world", width: 5), "Hello")
        XCTAssertEqual(TextLayout.prefix("Hi", width: 5), "Hi")
        XCTAssertEqual(TextLayout.truncate("Hello, world", width: 6), "Hello…")
    }
}
