import Foundation
import TerminalUI

/// The key-hint bar at the bottom: as many hints as fit, with the pinned ones always at the right.
enum HintBar {
    /// Draws the bar (TerminalUI's `KeyHintBar`, the one hint bar every screen and test uses).
    static func render(_ hints: [(keys: String, label: String)], pinned: [(keys: String, label: String)], more: (keys: String, label: String)? = nil,
                       y: Int, x: Int, width: Int, grid: inout Grid) {
        KeyHintBar(hints, pinned: pinned, more: more).render(in: Rect(x: x, y: y, width: width, height: 1), into: &grid)
    }

    /// The bindings shown in the bar, split into hints and those pinned at the right, which stay
    /// on screen however narrow it is: the way out ("q quit", "Esc back") and "? all keys".
    static func split(_ bindings: [KeyBinding], pinning commands: [Command] = [.help, .quit]) -> (hints: [(keys: String, label: String)], pinned: [(keys: String, label: String)]) {
        let shown = bindings.filter(\.inHintBar)
        return (shown.filter { !commands.contains($0.command) }.map { ($0.keyLabel, $0.label) },
                shown.filter { commands.contains($0.command) }.map { ($0.keyLabel, $0.label) })
    }
}
