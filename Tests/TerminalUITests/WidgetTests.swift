import TerminalUI
import XCTest

final class WidgetTests: XCTestCase {
    private func render(_ widget: some Widget, width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        widget.render(in: grid.area, into: &grid)
        return grid
    }

    func testKeyHintBarShowsWholeHintsThatFitWithThePinnedOnesAtTheRight() {
        let bar = KeyHintBar([(keys: "Enter", label: "save"), (keys: "a", label: "add")], pinned: [(keys: "q", label: "quit")])
        XCTAssertEqual(bar.text(width: 32), " Enter save  a add      q quit  ")
        XCTAssertEqual(bar.text(width: 24), " Enter save     q quit  ", "a hint that does not fit whole is left out")
        XCTAssertEqual(bar.text(width: 9), " q quit  ", "the way out stays however narrow")
        let grid = render(bar, width: 32, height: 1)
        XCTAssertEqual(grid[1, 0].style, Style(.hint, bold: true, reverse: true), "key names bold")
        XCTAssertEqual(grid[7, 0].style, Style(.hint, reverse: true))
        XCTAssertEqual(grid[31, 0].style, Style(.hint, reverse: true), "one band to the edge")
    }

    func testKeyHintBarPinsMoreUnlessItIsThere() {
        let more = (keys: "F1", label: "more")
        XCTAssertEqual(KeyHintBar([(keys: "Enter", label: "save")], pinned: [(keys: "Esc", label: "cancel")], more: more).text(width: 40),
                       " Enter save        F1 more  Esc cancel  ")
        let already = KeyHintBar([], pinned: [(keys: "F1", label: "all keys")], more: more)
        XCTAssertEqual(already.shownPinned.map(\.keys), ["F1"])
    }

    func testTableRendersHeaderRowsAndSelection() {
        let table = Table(
            columns: [Table.Column("Name", width: 8), Table.Column("Turns", width: 5, alignment: .right), Table.Column("Said", width: 0)],
            rows: [["Amira", "3", "yes"], ["Bartholomew", "12", "no"], ["李雷", "0", "not yet"]],
            selected: 1
        )
        let grid = render(table, width: 24, height: 4)
        XCTAssertEqual(grid.quotedRows(), """
        "Name     Turns Said     "
        "Amira        3 yes      "
        "Barthol…    12 no       "
        "李雷         0 not yet  "

        """)
        // A band across the width in the selected role's own colours, which are already a band
        // (reversing them as well turned them back into plain text: see ColourPairTable).
        XCTAssertEqual(grid[0, 2].style, Style(.selected), "the selected row is a band across the width")
        XCTAssertEqual(grid[23, 2].style, Style(.selected))
        XCTAssertEqual(grid[0, 1].style, .plain)
        XCTAssertEqual(grid[0, 0].style.role, .heading)
    }

    func testTableScrollsToTheSelectedRow() {
        let rows = (1...10).map { ["row \($0)"] }
        let table = Table(columns: [Table.Column("", width: 0)], rows: rows, selected: 8)
        XCTAssertEqual(render(table, width: 6, height: 3).rows, ["row 7 ", "row 8 ", "row 9 "])
    }

    func testBoxAndInner() {
        let grid = render(Box(title: "Stories"), width: 14, height: 4)
        XCTAssertEqual(grid.quotedRows(), """
        "┌ Stories ───┐"
        "│            │"
        "│            │"
        "└────────────┘"

        """)
        XCTAssertEqual(Box.inner(grid.area), Rect(x: 1, y: 1, width: 12, height: 2))
        XCTAssertEqual(render(Box(title: "A very long title"), width: 10, height: 2).rowText(0), "┌ A ver… ┐")
    }

    func testParagraphWrapsOrTruncates() {
        let text = "Nothing about us without us\nPass is always fine"
        XCTAssertEqual(render(Paragraph(text), width: 12, height: 5).rows,
                       ["Nothing     ", "about us    ", "without us  ", "Pass is     ", "always fine "])
        XCTAssertEqual(render(Paragraph(text, wraps: false), width: 12, height: 3).rows,
                       ["Nothing abo…", "Pass is alw…", "            "])
        XCTAssertEqual(render(Paragraph("hi", alignment: .centre), width: 6, height: 1).rowText(0), "  hi  ")
        XCTAssertEqual(Paragraph(text).height(width: 12), 5)
    }

    func testAParagraphCutShortSaysHowManyWordsAreHidden() {
        let text = "Tell us about a time a small thing made a big difference to you"
        XCTAssertEqual(render(Paragraph(text), width: 24, height: 2).rows,
                       ["Tell us about a time a  ", "small … 7 more words    "])
        XCTAssertEqual(render(Paragraph(text, tellsHidden: false), width: 24, height: 2).rows,
                       ["Tell us about a time a  ", "small thing made a big  "])
        XCTAssertEqual(Paragraph.cut("small", hiddenWords: 1, width: 24), "small … 1 more word")
    }

    func testHorizontalBar() {
        XCTAssertEqual(HorizontalBar(value: 5, max: 10).text(columns: 8), "████    ")
        XCTAssertEqual(HorizontalBar(value: 1, max: 3).text(columns: 3), "█  ")
        XCTAssertEqual(HorizontalBar(value: 1, max: 16).text(columns: 4), "▎   ")
        XCTAssertEqual(HorizontalBar(value: 20, max: 10).text(columns: 4), "████")
        XCTAssertEqual(HorizontalBar(value: 3, max: 0).text(columns: 2), "  ")
        // Whole cells, as the wall's spread of stages draws them (Draw.bar).
        XCTAssertEqual(HorizontalBar(value: 1, max: 16, wholeCells: true).text(columns: 4), "    ")
        XCTAssertEqual(HorizontalBar(value: 2, max: 4, wholeCells: true).filled(columns: 13), "███████")
        XCTAssertEqual(HorizontalBar(value: 9, max: 4, wholeCells: true).filled(columns: 5), "█████")
        XCTAssertEqual(render(HorizontalBar(value: 1, max: 2, width: 4), width: 6, height: 1).rowText(0), "██    ")
    }

    func testBigTextLinesAreEqualWidth() {
        let everything = "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,!?:-'()/ é#"
        let lines = BigText.lines(everything)
        XCTAssertEqual(lines.count, BigText.height)
        XCTAssertEqual(Set(lines.map(TextWidth.of)).count, 1)
        XCTAssertEqual(TextWidth.of(lines[0]), BigText.width(of: everything))
        for character in everything {
            let glyph = BigText.lines(String(character))
            XCTAssertEqual(Set(glyph.map(TextWidth.of)).count, 1, "glyph \(character)")
        }
        XCTAssertEqual(BigText.lines("hi"), BigText.lines("HI"))
        XCTAssertEqual(BigText.lines("HI"), [
            "█   █ █████",
            "█   █   █  ",
            "█████   █  ",
            "█   █   █  ",
            "█   █ █████",
        ])
        XCTAssertEqual(BigText.lines(""), ["", "", "", "", ""])
    }
}
