import Foundation
import TerminalUI

/// Text on the wall: wrapped before it is ever cut, and a cut always says how much is hidden.
///
/// The room cannot scroll and cannot ask the laptop what "…" hid, so a cut line ends with
/// "… N more words" and a list that runs out of rows ends with "… and N more".
enum WallText {
    /// One paragraph of an entry: its text, its style, and how far its wrapped lines are indented.
    struct Piece {
        var text: String
        var style: Style
        var indent: Int = 0
    }

    /// The rows `pieces` take at `width`.
    static func height(of pieces: [Piece], width: Int) -> Int {
        pieces.reduce(0) { $0 + TextLayout.wrap($1.text, width: max(width - $1.indent, 1)).count }
    }

    /// Writes one paragraph wrapped into the rows from `y` to `maxY`; if it does not fit, the
    /// last row ends with how many words are hidden. Returns the rows used.
    @discardableResult
    static func paragraph(_ piece: Piece, x: Int, y: Int, width: Int, maxY: Int, grid: inout Grid) -> Int {
        let width = width - piece.indent
        guard width > 0, y < maxY else { return 0 }
        return Paragraph(piece.text, style: piece.style).draw(in: Rect(x: x + piece.indent, y: y, width: width, height: maxY - y), into: &grid)
    }

    /// Draws whole entries (each one or more paragraphs) from the top of `rect` down, with
    /// `gap` blank rows between; when they do not all fit, the last row says how many are left
    /// out ("… and 3 more ideas"). With `newestLast`, the latest entries are the ones kept.
    /// Returns the next free row.
    @discardableResult
    static func entries(_ entries: [[Piece]], in rect: Rect, gap: Int, grid: inout Grid, newestLast: Bool = false, noun: (Int) -> String) -> Int {
        guard rect.height > 0, rect.width > 0, !entries.isEmpty else { return rect.y }
        // Each entry's height, wrapped only when it is needed: only the entries that can fit are
        // measured (a wall of 1,000 stories used to wrap every one of them on every redraw).
        var heights = [Int?](repeating: nil, count: entries.count)
        func heightOf(_ index: Int) -> Int {
            if let known = heights[index] { return known }
            let measured = height(of: entries[index], width: rect.width)
            heights[index] = measured
            return measured
        }
        // How many fit, leaving a row for the "more" line when not all do.
        func fitting(_ rows: Int) -> Int {
            var used = 0, count = 0
            let order = newestLast ? Array(entries.indices.reversed()) : Array(entries.indices)
            for index in order {
                let needed = heightOf(index) + (count > 0 ? gap : 0)
                if used + needed > rows { break }
                used += needed
                count += 1
            }
            return count
        }
        var shown = fitting(rect.height)
        if shown < entries.count { shown = fitting(rect.height - 1) }
        let hidden = entries.count - shown
        var y = rect.y
        if hidden > 0, newestLast {
            Draw.line("… \(hidden) earlier \(noun(hidden)) not shown", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
            y += 1
        }
        let range = newestLast ? (entries.count - shown)..<entries.count : 0..<shown
        if shown == 0, let first = newestLast ? entries.last : entries.first {
            // Not even one whole entry fits: show what does, cut with its count.
            for piece in first where y < rect.maxY - (hidden > 1 ? 1 : 0) {
                y += paragraph(piece, x: rect.x, y: y, width: rect.width, maxY: rect.maxY - (hidden > 1 ? 1 : 0), grid: &grid)
            }
            if hidden > 1, !newestLast, y < rect.maxY {
                Draw.line("… and \(hidden - 1) more \(noun(hidden - 1))", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
                y += 1
            }
            return y
        }
        for (offset, index) in range.enumerated() {
            if offset > 0 { y += gap }
            for piece in entries[index] {
                y += paragraph(piece, x: rect.x, y: y, width: rect.width, maxY: rect.maxY, grid: &grid)
            }
        }
        if hidden > 0, !newestLast, y < rect.maxY {
            Draw.line("… and \(hidden) more \(noun(hidden))", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
            y += 1
        }
        return y
    }
}
