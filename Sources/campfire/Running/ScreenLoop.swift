import Foundation
import TerminalUI

/// The one loop every full-screen program runs on (the console, the home screen, the tour,
/// review, and the one-key questions): draw, wait up to a tick for a key, handle it, until done.
///
/// A screen is only a render and a key handler; the loop owns the terminal, so no screen can miss
/// a stop signal, spin on a terminal that has gone, or draw at one size and take keys at another
/// (`size` is told to the screen before each draw). `campfire present` keeps its own short loop
/// (it takes no keys but q and Esc, and follows the files of another process).
struct ScreenLoop {
    /// The screen at a size.
    var render: (_ width: Int, _ height: Int) -> Grid
    /// One key (a resize is a key too).
    var handle: (Key) -> Void
    /// Whether the screen is finished (checked after each key).
    var isDone: () -> Bool
    /// Work after each draw, once the change is on screen (snapshots, the draft of a box, loading
    /// what the first screen did not need).
    var afterDraw: () throws -> Void = {}
    /// How long to wait for a key before drawing again (so timers move).
    var tickMilliseconds = 250

    /// Runs until `isDone`.
    /// - Throws: `TerminalSession.LoopEnd` on a stop signal or a terminal gone, or what `afterDraw` throws.
    func run(on terminal: TerminalSession) throws {
        while true {
            let size = terminal.size
            terminal.draw(render(size.width, size.height))
            try afterDraw()
            guard let key = try terminal.nextKey(timeoutMilliseconds: tickMilliseconds) else { continue }
            handle(key)
            if isDone() { return }
        }
    }
}
