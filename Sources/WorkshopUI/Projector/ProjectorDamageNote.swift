import Foundation
import TerminalUI
import Workshop

/// A note at the foot of the projector view when the session's files are damaged (what
/// `campfire present` is showing may be incomplete): the same fact `list` and `doctor` state, in
/// the words of `SessionFollower.damage`, with the command that mends it.
public enum ProjectorDamageNote {
    /// Draws `text` over the last rows of `grid` (at most three, wrapped), cleared first.
    /// - Returns: the rows used.
    @discardableResult
    public static func render(_ text: String, into grid: inout Grid) -> Int {
        let width = grid.width - 2
        guard width > 0, grid.height > 2 else { return 0 }
        let note = "⚠ " + text
        let rows = min(TextLayout.wrap(note, width: width).count, 3, grid.height / 3)
        guard rows > 0 else { return 0 }
        let top = grid.height - rows
        grid.fill(Rect(x: 0, y: top, width: grid.width, height: rows))
        return Draw.paragraph(note, in: Rect(x: 1, y: top, width: width, height: rows), grid: &grid, style: Style(.warning, bold: true))
    }
}
