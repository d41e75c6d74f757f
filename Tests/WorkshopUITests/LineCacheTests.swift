import Foundation
import TerminalUI
import XCTest
@testable import WorkshopUI

/// Lines are laid out once and put down again (`LineCache`, `Draw.line`), found by their place
/// on the screen first: whatever was drawn at a place before, the cells put down are always
/// those of laying the line out afresh.
final class LineCacheTests: XCTestCase {
    func testALineDrawnWhereAnotherWasIsAlwaysLaidOutAsItself() {
        var random = SystemRandomNumberGenerator()
        // Few texts and places, so that places are drawn over again and again with other
        // texts, widths and styles, and the same text comes back to the same place.
        let texts = ["Idea 1: a board", "Idea 2: a board", "Idea 1: a board by the door", "語の話", "", "a\u{301}bc", "Idea 1: a board ", "❤️ ok"]
        let styles = [Style(.text), Style(.selected, bold: true), Style(.muted)]
        for round in 0..<3_000 {
            let text = texts.randomElement(using: &random)!
            let width = Int.random(in: 1...30, using: &random)
            let style = styles.randomElement(using: &random)!
            let x = Int.random(in: 0...3, using: &random), y = Int.random(in: 0...3, using: &random)
            var drawn = Grid(width: 40, height: 5)
            Draw.line(text, x: x, y: y, width: width, grid: &drawn, style: style)
            var expected = Grid(width: 40, height: 5)
            expected.write(TextLayout.truncate(text, width: width), x: x, y: y, style: style, maxWidth: width)
            guard drawn == expected else {
                return XCTFail("round \(round): \(text.debugDescription) at \(x),\(y), \(width) wide, \(style): drew \(row(y, of: drawn)) where laying it out gives \(row(y, of: expected))")
            }
        }
    }

    /// A row's text, with the style of each cell that is not plain text.
    private func row(_ y: Int, of grid: Grid) -> String {
        (0..<grid.width).map { x in
            let cell = grid[x, y]
            return cell.style == .plain ? cell.text : "\(cell.text)[\(cell.style.role)\(cell.style.bold ? " bold" : "")]"
        }.joined().debugDescription
    }
}
