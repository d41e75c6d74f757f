import Foundation
import TerminalUI

/// The "every key of this screen" box (`?`), drawn from the same bindings that handle keys.
///
/// When the keys do not all fit, the last line says how many more there are and that ↓ shows
/// them; ↑ and ↓ scroll, and any other key closes the box.
public enum HelpBox {
    /// The lines of the box: each binding's key and what it does, then a closing note.
    static func lines(_ bindings: [KeyBinding], note: String?) -> [(key: String, text: String)] {
        var seen = Set<String>()
        var lines = bindings.filter { seen.insert($0.keyLabel + $0.help).inserted }.map { ($0.keyLabel, $0.help) }
        if let note { lines.append(("", note)) }
        return lines
    }

    /// The furthest the box can scroll for a height (its inside).
    public static func maxOffset(_ bindings: [KeyBinding], note: String?, rows: Int) -> Int {
        let count = lines(bindings, note: note).count
        return count <= rows ? 0 : count - (rows - 1)
    }

    /// Draws the box in `rect`, scrolled down by `offset` lines.
    public static func render(_ bindings: [KeyBinding], note: String?, offset: Int, in rect: Rect, grid: inout Grid) {
        let box = rect.inset(horizontal: 2, vertical: 0)
        guard box.width > 6, box.height > 2 else { return }
        grid.fill(box, style: .plain)
        let all = lines(bindings, note: note)
        let inner = Box.inner(box)
        let fits = all.count <= inner.height
        let offset = fits ? 0 : min(max(offset, 0), maxOffset(bindings, note: note, rows: inner.height))
        let title = fits ? " Keys on this screen — any key closes " : " Keys on this screen — ↑↓ scroll, any other key closes "
        Box(title: title, style: Style(.accent, bold: true)).render(in: box, into: &grid)
        let rows = fits ? inner.height : inner.height - 1
        let keyWidth = 8
        var y = inner.y
        for line in all.dropFirst(offset).prefix(rows) {
            if line.key.isEmpty {
                Draw.line(line.text, x: inner.x, y: y, width: inner.width, grid: &grid, style: Style(.muted))
            } else {
                grid.write(line.key, x: inner.x, y: y, style: Style(.accent, bold: true), maxWidth: keyWidth)
                Draw.line(line.text, x: inner.x + keyWidth + 1, y: y, width: inner.width - keyWidth - 1, grid: &grid)
            }
            y += 1
        }
        if !fits {
            let below = all.count - offset - rows
            let above = offset
            var words: [String] = []
            if below > 0 { words.append("… \(below) more below: ↓") }
            if above > 0 { words.append("\(above) above: ↑") }
            Draw.line(words.joined(separator: " · "), x: inner.x, y: inner.maxY - 1, width: inner.width, grid: &grid, style: Style(.warning, bold: true))
        }
    }
}
