import TerminalUI
import XCTest

/// A screen written out as a transcript reads back as the same grid, styles included: what
/// `campfire resume` shows first (`screen.txt`) is exactly what the console drew.
final class GridTranscriptReadBackTests: XCTestCase {
    /// Text of every kind a screen holds: plain, accented, wide (CJK, emoji), right-to-left with
    /// its marks, box drawing, and a combining mark.
    private let pieces = ["Riverside café", "李明の話", "🙂 ok", "مريم\u{200E}", "│┌─┐", "e\u{301}", "Zoë", "  ", "\"quoted\"", "x"]

    /// Screens put together as the console's widgets do, each piece of text in its own place
    /// along a row (cut at the edge), with blanks filled in any style between.
    func testRandomScreensReadBackTheSame() {
        var random = SystemRandomNumberGenerator()
        for round in 0..<500 {
            let width = Int.random(in: 1...60, using: &random), height = Int.random(in: 1...12, using: &random)
            var grid = Grid(width: width, height: height)
            func randomStyle() -> Style {
                Style(Role.allCases.randomElement(using: &random)!, bold: .random(using: &random),
                      underline: .random(using: &random), reverse: .random(using: &random))
            }
            for y in 0..<height {
                var x = Int.random(in: 0...3, using: &random)
                while x < width {
                    if Bool.random(using: &random) {
                        x += grid.write(pieces.randomElement(using: &random)!, x: x, y: y, style: randomStyle())
                    } else {
                        let run = Int.random(in: 1...4, using: &random)
                        grid.fill(Rect(x: x, y: y, width: run, height: 1), style: randomStyle())
                        x += run
                    }
                    x += Int.random(in: 0...2, using: &random)
                }
            }
            let text = GridTranscript.text(of: grid)
            let back = GridTranscript.grid(from: text, width: width, height: height)
            XCTAssertEqual(back, grid, "round \(round): \(firstDifference(back, grid)):\n\(text)")
        }
    }

    /// Where pieces overlap, a zero-width mark can be left joined to a cell it no longer follows
    /// in the text; such a screen may read back otherwise, which is why the console keeps a
    /// screen only after reading it back (`ConsoleRunner.lastScreen`). Whatever it reads back as,
    /// it is a screen of the same size, or nothing: never a crash.
    func testOverlappingPiecesReadBackAsSomeScreenOrNone() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let width = Int.random(in: 1...40, using: &random), height = Int.random(in: 1...6, using: &random)
            var grid = Grid(width: width, height: height)
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                grid.write(pieces.randomElement(using: &random)!, x: Int.random(in: -2..<width, using: &random), y: Int.random(in: 0..<height, using: &random),
                           style: Style(Role.allCases.randomElement(using: &random)!, bold: .random(using: &random)))
            }
            if let back = GridTranscript.grid(from: GridTranscript.text(of: grid), width: width, height: height) {
                XCTAssertEqual(back.width, width)
                XCTAssertEqual(back.height, height)
            }
        }
    }

    func testTheConsolesOwnKindOfScreenReadsBackEqual() {
        var grid = Grid(width: 30, height: 3)
        grid.write("Ideas (500) — 李明", x: 1, y: 0, style: Style(.heading, bold: true))
        grid.write("▸ Idea 1: a skills swap", x: 0, y: 1, style: Style(.selected, reverse: true))
        grid.write("q quit", x: 24, y: 2, style: Style(.hint))
        XCTAssertEqual(GridTranscript.grid(from: GridTranscript.text(of: grid), width: 30, height: 3), grid)
    }

    func testAnythingButAWholeTranscriptOfThatSizeIsRefused() {
        var grid = Grid(width: 5, height: 2)
        grid.write("hello", x: 0, y: 0, style: Style(.title))
        let text = GridTranscript.text(of: grid)
        XCTAssertNotNil(GridTranscript.grid(from: text, width: 5, height: 2))
        XCTAssertNil(GridTranscript.grid(from: text, width: 6, height: 2), "another width")
        XCTAssertNil(GridTranscript.grid(from: text, width: 5, height: 3), "another height")
        XCTAssertNil(GridTranscript.grid(from: String(text.dropLast()), width: 5, height: 2), "cut short")
        XCTAssertNil(GridTranscript.grid(from: text.replacingOccurrences(of: "\"TTTTT\"", with: "\"TTTT?\""), width: 5, height: 2), "a letter that names no role")
        XCTAssertNil(GridTranscript.grid(from: text.replacingOccurrences(of: "\"hello\"", with: "hello"), width: 5, height: 2), "a row without its quotes")
        XCTAssertNil(GridTranscript.grid(from: "", width: 5, height: 2))
    }

    /// Where two grids first differ, for a failure's message.
    private func firstDifference(_ one: Grid?, _ other: Grid) -> String {
        guard let one else { return "not read back" }
        for y in 0..<other.height {
            for x in 0..<other.width where one[x, y] != other[x, y] {
                return "at column \(x), row \(y): \(one[x, y]) read back, \(other[x, y]) drawn"
            }
        }
        return "no difference"
    }
}
