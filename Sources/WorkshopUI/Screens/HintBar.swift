import Foundation
import TerminalUI

/// The key-hint bar at the bottom: as many hints as fit, with the pinned ones always at the right.
enum HintBar {
    ///
    /// No key is hidden without saying so: where some keys are never in the bar (a box's Home and
    /// Ctrl-U, the picker's arrows) and `?` is a letter, `more` ("F1 more") is pinned too.
    static func render(_ hints: [(keys: String, label: String)], pinned: [(keys: String, label: String)], more: (keys: String, label: String)? = nil,
                       y: Int, x: Int, width: Int, grid: inout Grid) {
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: Style(.hint, reverse: true))
        func size(_ hint: (keys: String, label: String)) -> Int { TextWidth.of(hint.keys) + 1 + TextWidth.of(hint.label) + 2 }
        var pinned = pinned
        if let more, !pinned.contains(where: { $0.keys == more.keys }) { pinned.insert(more, at: 0) }
        let pinnedWidth = pinned.reduce(0) { $0 + size($1) }
        var column = x + 1
        func draw(_ hint: (keys: String, label: String)) {
            column += grid.write(hint.keys, x: column, y: y, style: Style(.hint, bold: true, reverse: true)) + 1
            column += grid.write(hint.label, x: column, y: y, style: Style(.hint, reverse: true)) + 2
        }
        for hint in hints {
            guard column + size(hint) - 2 <= x + width - 1 - pinnedWidth else { break }
            draw(hint)
        }
        column = max(column, x + width - pinnedWidth)
        for hint in pinned where column + size(hint) - 2 <= x + width {
            draw(hint)
        }
    }

    /// The bindings shown in the bar, split into hints and those pinned at the right, which stay
    /// on screen however narrow it is: the way out ("q quit", "Esc back") and "? all keys".
    static func split(_ bindings: [KeyBinding], pinning commands: [Command] = [.help, .quit]) -> (hints: [(keys: String, label: String)], pinned: [(keys: String, label: String)]) {
        let shown = bindings.filter(\.inHintBar)
        return (shown.filter { !commands.contains($0.command) }.map { ($0.keyLabel, $0.label) },
                shown.filter { commands.contains($0.command) }.map { ($0.keyLabel, $0.label) })
    }
}
