import Foundation
import TerminalUI
import Workshop

/// A note at the foot of the projector view when the session's files are damaged (what
/// `campfire present` is showing may be incomplete): the same fact `list` and `doctor` state, in
/// the words of `SessionFollower.damage`, with the command that mends it.
public enum ProjectorDamageNote {
    /// Draws the view with `drawView` into the rows above the note (so the note covers nothing),
    /// then `note` wrapped on the last rows (at most five, and a third of the rows). Without a
    /// note the view has the whole grid.
    /// - Returns: the rows the note took.
    @discardableResult
    public static func render(_ note: String?, into grid: inout Grid, drawView: (inout Grid) -> Void) -> Int {
        let width = grid.width - 2
        guard let note, width > 0, grid.height > 2 else {
            drawView(&grid)
            return 0
        }
        let text = "⚠ " + note
        let rows = min(TextLayout.wrap(text, width: width).count, 5, grid.height / 3)
        var view = Grid(width: grid.width, height: grid.height - rows)
        drawView(&view)
        for y in 0..<view.height {
            for x in 0..<view.width { grid[x, y] = view[x, y] }
        }
        let top = grid.height - rows
        grid.fill(Rect(x: 0, y: top, width: grid.width, height: rows))
        Draw.paragraph(text, in: Rect(x: 1, y: top, width: width, height: rows), grid: &grid, style: Style(.warning, bold: true))
        return rows
    }
}
