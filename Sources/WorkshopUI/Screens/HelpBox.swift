import Foundation
import TerminalUI

/// The "every key of this screen" box (`?`), drawn from the same bindings that handle keys.
///
/// When the keys do not all fit, the last line says how many more there are and that ↓ shows
/// them; ↑ and ↓ scroll, and any other key closes the box.
public enum HelpBox {
    /// Columns taken by the key names: eight, or the longest name (such as "Shift-Tab") up to twelve.
    static func keyWidth(_ bindings: [KeyBinding]) -> Int {
        min(max(8, bindings.map { TextWidth.of($0.keyLabel) }.max() ?? 0), 12)
    }

    /// The rows of the box for a window `width` columns wide (the width given to `render`):
    /// each binding's key and what it does, a description too long for one row going on in the
    /// rows below it (a narrow window wraps rather than cuts), then a closing note.
    static func lines(_ bindings: [KeyBinding], note: String?, width: Int) -> [(key: String, text: String, note: Bool)] {
        let inner = max(width - 4 - 2, 1)  // the box's margins and its edges
        let keyWidth = keyWidth(bindings)
        let textWidth = max(inner - keyWidth - 1, 1)
        var seen = Set<String>()
        var rows: [(key: String, text: String, note: Bool)] = []
        for binding in bindings where seen.insert(binding.keyLabel + binding.help).inserted {
            let wrapped = TextLayout.wrap(binding.help, width: textWidth)
            for (index, part) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                rows.append((index == 0 ? binding.keyLabel : "", part, false))
            }
        }
        if let note {
            rows.append(contentsOf: TextLayout.wrap(note, width: inner).map { ("", $0, true) })
        }
        return rows
    }

    /// The furthest the box can scroll for a height (its inside) in a window `width` wide.
    public static func maxOffset(_ bindings: [KeyBinding], note: String?, rows: Int, width: Int) -> Int {
        let count = lines(bindings, note: note, width: width).count
        return count <= rows ? 0 : count - (rows - 1)
    }

    /// Draws the box in `rect`, scrolled down by `offset` lines.
    public static func render(_ bindings: [KeyBinding], note: String?, offset: Int, in rect: Rect, grid: inout Grid) {
        let box = rect.inset(horizontal: 2, vertical: 0)
        guard box.width > 6, box.height > 2 else { return }
        grid.fill(box, style: .plain)
        let all = lines(bindings, note: note, width: rect.width)
        let inner = Box.inner(box)
        let fits = all.count <= inner.height
        let offset = fits ? 0 : min(max(offset, 0), maxOffset(bindings, note: note, rows: inner.height, width: rect.width))
        var title = fits ? " Keys on this screen — any key closes " : " Keys on this screen — ↑↓ scroll, any other key closes "
        if TextWidth.of(title) > box.width - 4 { title = fits ? " Keys — any key closes " : " Keys — ↑↓ scroll, any other key closes " }
        Box(title: title, style: Style(.accent, bold: true)).render(in: box, into: &grid)
        let rows = fits ? inner.height : inner.height - 1
        var y = inner.y
        let keyWidth = keyWidth(bindings)
        for line in all.dropFirst(offset).prefix(rows) {
            if line.note {
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
