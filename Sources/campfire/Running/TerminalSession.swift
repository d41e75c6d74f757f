import Foundation
import NcursesBackend
import TerminalUI
import Workshop

/// The terminal while Campfire draws on it: started once, always stopped, whatever happens.
///
/// Every full-screen program runs on it through ``ScreenLoop`` (it is a ``ScreenTerminal``).
final class TerminalSession: ScreenTerminal {
    let terminal: NcursesTerminal

    private init(terminal: NcursesTerminal) {
        self.terminal = terminal
    }

    /// Starts full-screen drawing, or explains in one sentence why it can't.
    /// - Parameter theme: "dark", "light" or "contrast"; otherwise CAMPFIRE_THEME, then dark.
    static func start(theme: String? = nil) throws -> TerminalSession {
        let chosen: Theme
        switch theme ?? ProcessEnvironment.value("CAMPFIRE_THEME") {
        case "light": chosen = .light
        case "contrast": chosen = .contrast
        default: chosen = .dark
        }
        // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
        let useColour = (ProcessEnvironment.value("NO_COLOR") ?? "").isEmpty
        do {
            let terminal = try NcursesTerminal(theme: chosen, useColour: useColour)
            return TerminalSession(terminal: terminal)
        } catch {
            throw Failure(error.description)
        }
    }

    var size: (width: Int, height: Int) { terminal.size }

    func draw(_ grid: Grid) { terminal.draw(grid) }

    /// Why a screen's loop must end.
    enum LoopEnd: Error {
        /// A stop signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) arrived.
        case signal(Int32)
        /// The terminal has gone (its window closed without a signal reaching Campfire): no key
        /// can ever come, and a loop that went on would spin.
        case terminalGone

        /// The exit code: 128 + the signal, or 0 when the terminal went away.
        var code: Int32 {
            switch self {
            case .signal(let signal): return 128 + signal
            case .terminalGone: return 0
            }
        }
    }

    /// The next key, or nil when none came within the time (the caller redraws, for the timers).
    ///
    /// Every screen's loop reads keys only through this, so none can miss a stop signal or
    /// keep going once the terminal has gone.
    /// - Throws: ``LoopEnd``.
    func nextKey(timeoutMilliseconds: Int) throws(LoopEnd) -> Key? {
        if let signal = NcursesTerminal.pendingSignal() { throw .signal(signal) }
        if terminal.isInputClosed { throw .terminalGone }
        if let key = terminal.readKey(timeoutMilliseconds: timeoutMilliseconds) { return key }
        // A signal usually cuts the wait short; a closed window ends it at once.
        if let signal = NcursesTerminal.pendingSignal() { throw .signal(signal) }
        if terminal.isInputClosed { throw .terminalGone }
        return nil
    }

    func stop() { terminal.stop() }
}
